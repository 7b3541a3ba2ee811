import PlanFormats
import PlanModel

/// The whole frame: header, the current view, status and key hints, and
/// any overlay on top.
public enum Screen {
  public static func render(_ s: AppState) -> Grid {
    var g = Grid(width: s.width, height: s.height)
    render(s, into: &g)
    return g
  }

  public static func render(_ s: AppState, into g: inout Grid) {
    if s.isTooSmall {
      tooSmall(s, into: &g)
      return
    }
    header(s, into: &g)
    let body = s.bodyRect
    switch s.view {
    case .gantt: GanttView.render(s, in: body, into: &g)
    case .list: ListView.render(s, in: body, into: &g)
    case .wheel: WheelView.render(s, in: body, into: &g)
    }
    status(s, into: &g)
    switch s.overlay {
    case .none: break
    case .help: HelpView.render(s, into: &g)
    case .details: DetailsView.render(s, into: &g)
    case .confirmDelete, .confirmQuit, .conflict, .recover: DialogView.render(s, into: &g)
    case .mergeConflicts: MergeConflictView.render(s, into: &g)
    }
    if let form = s.form { FormView.render(s, form, into: &g) }
  }

  static func tooSmall(_ s: AppState, into g: inout Grid) {
    let t = s.text
    let lines = [t.tooSmall, t.enlarge(AppState.minWidth, AppState.minHeight), "(\(s.width)×\(s.height))"]
    let top = max(0, g.height / 2 - 1)
    for (i, line) in lines.enumerated() {
      let fitted = fit(line, g.width)
      g.text(fitted, x: max(0, (g.width - displayWidth(fitted)) / 2), y: top + i, style: i == 0 ? .bold : .plain)
    }
  }

  static func header(_ s: AppState, into g: inout Grid) {
    let t = s.text
    let bar = Style(reverse: true)
    g.fill(Rect(x: 0, y: 0, width: g.width, height: 1), style: bar)
    var x = g.text(" årshjul ", x: 0, y: 0, style: Style(reverse: true, underline: false).bolded)
    // The views as tabs, the current one marked.
    var tabs: [(String, Bool)] = []
    for v in ViewKind.allCases { tabs.append((t.viewName(v), v == s.view)) }
    let yearText = s.plan.startMonth == 1 ? "\(s.year)" : "\(s.year)/\(String(s.year + 1).suffix(2))"
    var right = " \(yearText) · \(t.zoomName(s.zoom)) "
    if s.readOnly { right = " \(t.readOnly) ·" + right }
    if s.dirty { right = " \(t.unsaved) ·" + right }
    let tabsWidth = tabs.reduce(0) { $0 + displayWidth($1.0) + 2 }
    let titleWidth = g.width - x - tabsWidth - displayWidth(right) - 2
    if titleWidth > 4 {
      x = g.text(" " + sanitized(s.plan.title), x: x, y: 0, width: titleWidth + 1, style: bar)
    }
    var tx = g.width - displayWidth(right) - tabsWidth - 1
    for (name, current) in tabs {
      tx = g.text(" \(name) ", x: tx, y: 0, style: current ? Style(bold: true, underline: true) : bar)
    }
    g.text(right, x: g.width - displayWidth(right), y: 0, style: bar)
  }

  static func status(_ s: AppState, into g: inout Grid) {
    let y1 = g.height - 2
    let y2 = g.height - 1
    g.fill(Rect(x: 0, y: y1, width: g.width, height: 1), style: Style(reverse: true))
    let line: String
    if let draft = s.searchDraft {
      line = s.text.searchPrompt + draft + "▏"
    } else if let prompt = s.passwordPrompt {
      line = s.text.passwordPrompt(prompt.login, refused: prompt.refused) + prompt.masked + "▏"
    } else if let notice = s.notice {
      line = notice
    } else {
      line = describeFocus(s)
    }
    g.text(" " + line, x: 0, y: y1, width: g.width, style: Style(reverse: true))
    var hints = KeyMap.hints(s.plan.language)
    if !s.plan.conflicts.isEmpty { hints = s.text.conflictsLeft(s.plan.conflicts.count) + " · " + hints }
    if !s.search.isEmpty && s.searchDraft == nil {
      hints = s.text.searching(s.search) + "  n  Esc · " + hints
    }
    g.text(" " + hints, x: 0, y: y2, width: g.width, style: .dim)
  }

  /// The warnings of one activity (holiday, break, double booking,
  /// deadline), worked out on it and only the items it can meet, so a
  /// frame costs what it shows.
  static func warnings(for a: Activity, in s: AppState) -> [String] {
    PlanWarnings.find(
      for: [a.id], in: s.plan, range: s.yearRange,
      timedByPerson: s.warningIndex.timedByPerson(s.plan, version: s.version),
      at: s.index.activityIndex[a.id].map { [$0] }
    ).map(\.message)
  }

  /// The status line: the selected item's dates, week, theme, owner.
  static func describeFocus(_ s: AppState) -> String {
    let w = Wording(s.plan.language)
    if let (layer, event, day) = s.focusedLayerEvent {
      let end = day + event.spanDays
      var when = w.rangeWithYear(day, end)
      if let t = event.time { when += " " + w.time(t) }
      return s.text.layerEventLine(
        sanitized(event.title), when: when, weeks: w.weeks(day, end), layer: sanitized(layer.name),
        source: layer.source.map { sanitized($0) })
    }
    let themeName = { (id: String) in s.plan.theme(id)?.name ?? id }
    if let a = s.focusedActivity {
      var parts = [sanitized(a.title)]
      let occ = nearestOccurrence(a, to: s.cursor, in: s.yearRange) ?? Occurrence(start: a.start, end: a.end)
      var when = w.rangeWithYear(occ.start, occ.end)
      if let t = a.time { when += " " + w.time(t) }
      parts.append(when)
      parts.append(w.weeks(occ.start, occ.end))
      if let r = w.rule(a) { parts.append(r) }
      parts.append(themeName(a.theme))
      if let o = a.owner, !o.isEmpty { parts.append(sanitized(o)) }
      if a.status != .planned { parts.append(w.status(a.status)) }
      if let warning = warnings(for: a, in: s).first ?? layerClash(a, in: s) { parts.insert("⚠ " + warning, at: 0) }
      return parts.joined(separator: " · ")
    }
    if let m = s.focusedMilestone {
      return "◆ " + sanitized(m.title) + " · " + w.day(m.date, year: true) + " · " + w.weeks(m.date, m.date) + " · "
        + themeName(m.theme) + " · " + w.milestoneState(m.done)
    }
    let day = s.cursor
    var text =
      Names.weekday(day.weekday, s.plan.language) + " " + w.day(day, year: true) + " · "
      + w.weeks(day, day)
    for mark in PlanCalendar(s.plan).marks(day) { text += " · " + sanitized(w.mark(mark)) }
    for e in s.layerDays.events(on: day, s) { text += " · " + sanitized(e.title) + " (" + sanitized(e.layer) + ")" }
    if let t = s.focusTheme { text += " · " + themeName(t) }
    return text
  }
}

extension Style {
  var bolded: Style {
    var s = self
    s.bold = true
    return s
  }
}
