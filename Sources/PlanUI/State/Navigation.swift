import PlanFormats
import PlanModel

/// Moving through time, rows, rings and themes; search.
/// The days the cursor may stand on: the years a plan may hold dates in.
let cursorRange = DayRange(from: Day(iso: "1000-01-01")!, to: Day(iso: "9000-12-31")!)

/// Moves the cursor (never past the years a plan may use); the planning year follows it.
func setCursor(_ s: inout AppState, _ day: Day) {
  s.cursor = min(max(day, cursorRange.from), cursorRange.to)
  s.year = s.plan.planningYear(containing: day)
}

func moveTime(_ s: inout AppState, by n: Int) {
  switch s.view {
  case .list:
    moveRow(&s, by: n * 5)
  case .wheel:
    setCursor(&s, s.cursor + n * 7)
    focusSector(&s)
  case .gantt:
    setCursor(&s, s.cursor + n * (s.zoom == .year || s.zoom == .project ? 7 : 1))
    refocusOnRow(&s)
  }
}

func moveMonth(_ s: inout AppState, by n: Int) {
  let (y, m, d) = s.cursor.ymd
  let first = Day.firstOfMonth(year: y, month: m, adding: n)
  setCursor(&s, first + (min(d, Day.daysIn(month: first.month, year: first.year)) - 1))
  if s.view == .list { focusListRow(&s) } else { refocusOnRow(&s) }
}

func moveYear(_ s: inout AppState, by n: Int) {
  let (y, m, d) = s.cursor.ymd
  setCursor(&s, Day.firstOfMonth(year: y + n, month: m) + (min(d, Day.daysIn(month: m, year: y + n)) - 1))
  s.ganttScroll = 0
  refocus(&s)
}

/// After the cursor jumped: the selection follows it in the current view.
func refocus(_ s: inout AppState) {
  switch s.view {
  case .list: focusListRow(&s)
  case .wheel: focusSector(&s)
  case .gantt: refocusOnRow(&s)
  }
}

/// On the wheel, Shift-↑/↓ walks the items of the focused ring in the week
/// (the side panel's lines), so Enter can open any of them.
func stepInSector(_ s: inout AppState, by n: Int) {
  let items = WheelSector(s).items.first { $0.theme.id == s.focusTheme }?.items ?? []
  guard !items.isEmpty else { return }
  let current = items.firstIndex { $0.id == s.focusID } ?? 0
  s.focusID = items[(current + n + items.count) % items.count].id
}

/// On the wheel, the selection is the first item of the focused ring in the selected week.
func focusSector(_ s: inout AppState) {
  if s.focusTheme == nil || !s.visibleThemes.contains(where: { $0.id == s.focusTheme }) {
    s.focusTheme = s.visibleThemes.first?.id
  }
  s.focusID = WheelSector.firstID(s, theme: s.focusTheme)
}

/// On a theme's lane, the selection is the milestone nearest the cursor
/// within a few columns; elsewhere the row's activity stays selected.
func refocusOnRow(_ s: inout AppState) {
  guard s.view != .list else { return }
  let layout = GanttLayout(s)
  guard let row = layout.selectedRow(s) else { return }
  if case .theme(let t) = layout.rows[row] { focusLane(&s, t, layout: layout) }
}

func focusLane(_ s: inout AppState, _ t: Theme, layout: GanttLayout) {
  let scale = TimeScale(window: layout.window, width: max(1, GanttLayout.chart(in: s.bodyRect).width))
  let reach = max(3, Int((scale.daysPerColumn * 1.5).rounded(.up)))
  let near = s.plan.milestones.filter { $0.theme == t.id && abs($0.date - s.cursor) <= reach }
    .min { abs($0.date - s.cursor) < abs($1.date - s.cursor) }
  s.focusID = near?.id
  s.focusTheme = t.id
}

func moveRow(_ s: inout AppState, by n: Int) {
  switch s.view {
  case .list:
    let layout = ListLayout.of(s)
    guard !layout.items.isEmpty else { return }
    let current = layout.selectedRow(s) ?? 0
    let i = max(0, min(layout.items.count - 1, current + n))
    s.focusID = layout.id(layout.items[i])
    s.cursor = layout.items[i].start
    s.year = s.plan.planningYear(containing: s.cursor)
  case .wheel:
    // Up and down walk the rings: up outwards, down inwards.
    let themes = s.visibleThemes
    guard !themes.isEmpty else { return }
    let current = themes.firstIndex { $0.id == s.focusTheme } ?? 0
    s.focusTheme = themes[max(0, min(themes.count - 1, current + (n > 0 ? 1 : -1)))].id
    focusSector(&s)
  case .gantt:
    let layout = GanttLayout(s)
    guard !layout.rows.isEmpty else { return }
    let current = layout.selectedRow(s) ?? -1
    let i = max(0, min(layout.rows.count - 1, current + n))
    switch layout.rows[i] {
    case .theme(let t): focusLane(&s, t, layout: layout)
    case .activity(let i):
      s.focusID = s.plan.activities[i].id
      s.focusTheme = s.plan.activities[i].theme
    // The cursor keeps its column, as in a spreadsheet; the status line
    // tells of the occurrence nearest to it.
    }
  }
}

func nearestOccurrence(_ a: Activity, to day: Day, in range: DayRange) -> Occurrence? {
  var best: Occurrence?
  a.forEachOccurrence(in: range) { occ in
    let dist = occ.start > day ? occ.start - day : (occ.end < day ? day - occ.end : 0)
    let bestDist = best.map { $0.start > day ? $0.start - day : ($0.end < day ? day - $0.end : 0) } ?? Int.max
    if dist < bestDist { best = occ }
  }
  return best
}

func focusListRow(_ s: inout AppState) {
  let layout = ListLayout.of(s)
  guard !layout.items.isEmpty else { return }
  s.focusID = layout.id(layout.items[layout.firstRow(onOrAfter: s.cursor)])
}

func toggleTheme(_ s: inout AppState, _ n: Int) {
  guard n >= 1 && n <= s.plan.themes.count else { return }
  let t = s.plan.themes[n - 1]
  if s.hiddenThemes.contains(t.id) {
    s.hiddenThemes.remove(t.id)
    s.notice = s.text.shown(t.name)
  } else {
    s.hiddenThemes.insert(t.id)
    s.notice = s.hiddenThemes.count == s.plan.themes.count ? s.text.allHidden : s.text.hidden(t.name)
  }
}

func typeSearch(_ s: inout AppState, _ key: Key) -> [Effect] {
  guard var draft = s.searchDraft else { return [] }
  switch key {
  case .escape:
    s.searchDraft = nil
    return []
  case .enter:
    s.searchDraft = nil
    s.search = draft
    if !draft.isEmpty { nextMatch(&s, includingCursor: true) }
    return []
  case .backspace, .delete:
    if !draft.isEmpty { draft.removeLast() }
  case .char(let c):
    draft.append(c)
  case .ctrl("c"):
    s.searchDraft = nil
    return []
  default:
    break
  }
  s.searchDraft = draft
  return []
}

/// Jumps to the next item (by date, from the cursor) that matches the search,
/// looking a few years ahead; only the matching items are expanded.
func nextMatch(_ s: inout AppState, includingCursor: Bool = false) {
  guard !s.search.isEmpty else { return }
  let visible = Set(s.visibleThemes.map(\.id))
  let horizon = DayRange(from: s.yearRange.from - 366, to: s.yearRange.to + 3 * 366)
  let matches = s.searchMatches
  var hits: [(day: Day, id: String, theme: String)] = []
  for (i, a) in s.plan.activities.enumerated() where matches.activities[i] && visible.contains(a.theme) {
    a.forEachOccurrence(in: horizon) { hits.append(($0.start, a.id, a.theme)) }
  }
  for (i, m) in s.plan.milestones.enumerated() where matches.milestones[i] && visible.contains(m.theme) {
    if horizon.contains(m.date) { hits.append((m.date, m.id, m.theme)) }
  }
  hits.sort { ($0.day, $0.id) < ($1.day, $1.id) }
  let after = hits.first {
    includingCursor ? $0.day >= s.cursor : ($0.day > s.cursor || ($0.day == s.cursor && $0.id > (s.focusID ?? "")))
  }
  guard let hit = after ?? hits.first else {
    s.notice = s.text.noMatch(s.search)
    return
  }
  setCursor(&s, hit.day)
  s.focusID = hit.id
  s.focusTheme = hit.theme
}
