import PlanFormats
import PlanModel

/// One lane per theme, one row per activity, bars over their dates on a
/// time axis of months and ISO weeks.
enum GanttView {
  static func render(_ s: AppState, in r: Rect, into g: inout Grid) {
    let layout = GanttLayout(s)
    let labelWidth = GanttLayout.labelWidth(r.width)
    let chart = GanttLayout.chart(in: r)
    let scale = TimeScale(window: layout.window, width: chart.width)

    axis(s, scale: scale, chart: chart, labelWidth: labelWidth, into: &g)
    let bodyTop = r.y + 2
    let lanes = GanttLayout.layerLanes(s)
    let bodyHeight = r.height - 2 - lanes
    for yy in bodyTop..<(bodyTop + bodyHeight + lanes) {
      g.text("│", x: r.x + labelWidth, y: yy, style: Style(fg: .grey, dim: true))
    }
    if lanes > 0 {
      layerLanes(s, lanes - 1, scale: scale, chart: chart, labelWidth: labelWidth, top: bodyTop + bodyHeight, into: &g)
    }
    if layout.rows.isEmpty {
      g.text(s.visibleThemes.isEmpty ? s.text.allHidden : s.text.noItems, x: chart.x + 1, y: bodyTop, style: .dim)
      return
    }
    let selected = layout.selectedRow(s)
    let offDays = offDays(s, scale: scale)
    for (i, row) in layout.rows.enumerated().dropFirst(s.ganttScroll).prefix(bodyHeight) {
      let y = bodyTop + i - s.ganttScroll
      background(s, scale: scale, chart: chart, y: y, offDays: offDays, into: &g)
      let isSelected = selected == i
      switch row {
      case .theme(let t):
        let style = Style(fg: Color(t.color), bold: true)
        let number = (s.plan.themeIndex(t.id) ?? 0) + 1
        g.text(
          "\(number) " + sanitized(t.name), x: r.x, y: y, width: labelWidth, style: isSelected ? style.reversed : style)
        for m in s.plan.milestones where m.theme == t.id && layout.window.contains(m.date) {
          let c = scale.column(m.date)
          guard c >= 0 && c < chart.width else { continue }
          let focused = s.focusID == m.id
          var ms = Style(fg: Color(t.color), bold: !m.done, dim: m.done)
          if focused { ms.reverse = true }
          g.text("◆", x: chart.x + c, y: y, style: ms)
        }
      case .activity(let index):
        let a = s.plan.activities[index]
        let theme = s.plan.theme(a.theme)
        let label = "  " + sanitized(a.title)
        var style = Style(dim: a.status == .done)
        if a.status == .cancelled { style.fg = .grey }
        g.text(label, x: r.x, y: y, width: labelWidth, style: isSelected ? Style(reverse: true) : style)
        bars(a, theme: theme, scale: scale, chart: chart, y: y, into: &g)
      }
      if isSelected { cursorMark(s, scale: scale, chart: chart, y: y, into: &g) }
    }
    if layout.rows.count > bodyHeight {
      let more = "↕ \(s.ganttScroll + 1)–\(min(layout.rows.count, s.ganttScroll + bodyHeight))/\(layout.rows.count)"
      g.text(more, x: r.x + labelWidth - displayWidth(more) - 1, y: r.y + 1, style: .dim)
    }
  }

  /// The layers under the themes, one lane each below a rule: their
  /// events' days shaded, read from the layers' days (a frame costs the
  /// window's days, not the layers' events).
  static func layerLanes(
    _ s: AppState, _ count: Int, scale: TimeScale, chart: Rect, labelWidth: Int, top: Int, into g: inout Grid
  ) {
    let dim = Style(fg: .grey, dim: true)
    g.text(
      String(repeating: "─", count: labelWidth) + "┼" + String(repeating: "─", count: chart.width),
      x: chart.x - labelWidth - 1,
      y: top, style: dim)
    g.text(" " + s.text.layersHeading + " ", x: chart.x - labelWidth, y: top, style: dim)
    let table = s.layerDays
    for (i, l) in s.layers.enumerated().prefix(count) where i < table.days.count {
      let y = top + 1 + i
      let state = l.unavailable == nil && l.failedSince == nil ? "" : " ⚠"
      g.text(
        s.text.layerMark + " " + sanitized(l.name) + state, x: chart.x - labelWidth - 1, y: y, width: labelWidth,
        style: dim)
      var d = scale.window.from
      while d <= scale.window.to {
        if !table.days[i].on(d).isEmpty {
          let a = max(0, scale.column(d))
          let b = min(chart.width - 1, max(a, scale.column(d + 1) - 1))
          if a <= b { for c in a...b { g.text(s.text.layerMark, x: chart.x + c, y: y, style: Style(fg: .grey)) } }
        }
        d = d + 1
      }
    }
  }

  /// Across several years: the years on the first row, at each one's first
  /// month, and the months' short names (or first letters) on the second.
  static func projectAxis(_ s: AppState, scale: TimeScale, chart: Rect, labelWidth: Int, into g: inout Grid) {
    let win = scale.window
    g.text(
      "\(win.from.year)–\(win.to.year)", x: chart.x - labelWidth - 1, y: chart.y, width: labelWidth, style: .bold)
    var month = Day.firstOfMonth(year: win.from.year, month: win.from.month)
    while month <= win.to {
      let c = max(0, scale.column(month))
      let next = Day.firstOfMonth(year: month.year, month: month.month, adding: 1)
      let room = min(chart.width, scale.column(next)) - c
      if month.month == s.plan.startMonth || month == Day.firstOfMonth(year: win.from.year, month: win.from.month) {
        g.text(String(month.year), x: chart.x + c, y: chart.y, style: Style(bold: true), clip: chart)
      }
      let short = Names.shortMonth(month.month, s.plan.language)
      let name = room > displayWidth(short) ? short : String(short.prefix(max(1, room - 1)))
      if room >= 2 { g.text(name, x: chart.x + c, y: chart.y + 1, style: .dim, clip: chart) }
      month = next
    }
    if win.contains(s.today) {
      let c = scale.column(s.today)
      if c >= 0 && c < chart.width { g.text("▼", x: chart.x + c, y: chart.y + 1, style: Style(fg: .red, bold: true)) }
    }
  }

  /// Month names on the first row, weeks (or days at month zoom) on the second.
  static func axis(_ s: AppState, scale: TimeScale, chart: Rect, labelWidth: Int, into g: inout Grid) {
    let lang = s.plan.language
    let y1 = chart.y
    let y2 = chart.y + 1
    let win = scale.window
    if s.zoom == .project {
      projectAxis(s, scale: scale, chart: chart, labelWidth: labelWidth, into: &g)
      return
    }
    let yearLabel = s.plan.startMonth == 1 ? "\(s.year)" : "\(s.year)/\(s.year + 1)"
    g.text(yearLabel, x: chart.x - labelWidth - 1, y: y1, style: .bold)
    // Months: a name at each month's first column. All full names when all
    // fit, else all short ones, so the axis reads evenly.
    var months: [(start: Day, column: Int, room: Int)] = []
    var month = Day.firstOfMonth(year: win.from.year, month: win.from.month)
    while month <= win.to {
      let c = max(0, scale.column(month))
      let nextMonth = Day.firstOfMonth(year: month.year, month: month.month, adding: 1)
      months.append((month, c, min(chart.width, scale.column(nextMonth)) - c - 1))
      month = nextMonth
    }
    let fullName = { (d: Day) in Names.month(d.month, lang) + (s.zoom == .month ? " \(d.year)" : "") }
    let allFull = months.allSatisfy { displayWidth(fullName($0.start)) <= $0.room }
    for m in months {
      var name = allFull ? fullName(m.start) : Names.shortMonth(m.start.month, lang)
      if displayWidth(name) > m.room { name = String(name.prefix(max(1, m.room))) }
      g.text(name, x: chart.x + m.column, y: y1, style: Style(bold: true), clip: chart)
    }
    // Today on the axis.
    if win.contains(s.today) {
      let c = scale.column(s.today)
      if c >= 0 && c < chart.width { g.text("▼", x: chart.x + c, y: y2, style: Style(fg: .red, bold: true)) }
    }
    if s.zoom == .month {
      // Day numbers, weekends and holidays dimmed.
      var last = -2
      var d = win.from
      let calendar = PlanCalendar(s.plan)
      while d <= win.to {
        let c = scale.column(d)
        let text = String(d.dayOfMonth)
        if c > last + 1 && c + displayWidth(text) <= chart.width {
          let off = calendar.isOff(d) || calendar.breakOn(d) != nil
          g.text(text, x: chart.x + c, y: y2, style: off ? Style(fg: .red, dim: true) : .dim)
          last = c + displayWidth(text) - 1
        }
        d = d + 1
      }
      // Week numbers on the month row, at each Monday.
      d = win.from
      while d <= win.to {
        if d.weekday == 1 || d == win.from {
          let c = scale.column(d)
          let label = Wording(lang).weekMark + String(d.isoWeek.week)
          let start = chart.x + c
          if c > 12 || d != win.from, g[start, y1].character == " " {
            g.text(label, x: start, y: y1, style: .dim, clip: chart)
          }
        }
        d = d + 1
      }
      return
    }
    // Week numbers at the Mondays that have room.
    var last = -2
    var d = win.from + ((8 - win.from.weekday) % 7)
    while d <= win.to {
      let c = scale.column(d)
      let text = String(d.isoWeek.week)
      if c > last + 1 && c + displayWidth(text) <= chart.width {
        g.text(text, x: chart.x + c, y: y2, style: .dim)
        last = c + displayWidth(text)
      }
      d = d + 7
    }
  }

  /// Days marked in the background: weekends, holidays, eves, klämdagar
  /// and the plan's breaks at month zoom.
  static func offDays(_ s: AppState, scale: TimeScale) -> Set<Int> {
    guard s.zoom == .month else { return [] }
    var cols = Set<Int>()
    let calendar = PlanCalendar(s.plan)
    var d = scale.window.from
    while d <= scale.window.to {
      if calendar.isOff(d) || calendar.isSqueeze(d) || calendar.breakOn(d) != nil {
        let a = scale.column(d)
        let b = max(a, scale.column(d + 1) - 1)
        for c in a...b { cols.insert(c) }
      }
      d = d + 1
    }
    return cols
  }

  /// Month boundaries, days off and the today line, under the bars.
  static func background(
    _ s: AppState, scale: TimeScale, chart: Rect, y: Int, offDays: Set<Int>, into g: inout Grid
  ) {
    let grey = Style(fg: .grey, dim: true)
    for c in offDays where c >= 0 && c < chart.width { g.text("·", x: chart.x + c, y: y, style: grey) }
    if s.zoom != .month {
      var m = Day.firstOfMonth(year: scale.window.from.year, month: scale.window.from.month, adding: 1)
      while m <= scale.window.to {
        let c = scale.column(m)
        if c > 0 && c < chart.width { g.text("┊", x: chart.x + c, y: y, style: grey) }
        m = Day.firstOfMonth(year: m.year, month: m.month, adding: 1)
      }
    }
    if scale.window.contains(s.today) {
      let c = scale.column(s.today)
      if c >= 0 && c < chart.width { g.text("│", x: chart.x + c, y: y, style: Style(fg: .red)) }
    }
  }

  static let rightEighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

  /// The occurrences as bars: whole cells █, partial ends in eighths, an
  /// occurrence shorter than a cell as a tick.
  static func bars(_ a: Activity, theme: Theme?, scale: TimeScale, chart: Rect, y: Int, into g: inout Grid) {
    var style = Style(fg: theme.map { Color($0.color) } ?? .none)
    if a.status == .done { style.dim = true }
    if a.status == .cancelled { style = Style(fg: .grey, dim: true) }
    var fill = [Double](repeating: 0, count: chart.width)
    var kind = [Character?](repeating: nil, count: chart.width)
    a.forEachOccurrence(in: scale.window) { occ in
      let x0 = max(0, scale.x(occ.start))
      let x1 = min(Double(chart.width), scale.x(occ.end + 1))
      guard x1 > x0 else { return }
      if x1 - x0 < 1 {
        // Shorter than a cell: one tick where it falls, not two slivers.
        let c = min(chart.width - 1, Int(((x0 + x1) / 2).rounded(.down)))
        if kind[c] == nil { kind[c] = a.status == .cancelled ? "╌" : "┃" }
        return
      }
      let c0 = Int(x0.rounded(.down))
      let c1 = min(chart.width - 1, Int((x1 - 0.000001).rounded(.down)))
      for c in c0...c1 {
        let cover = min(x1, Double(c + 1)) - max(x0, Double(c))
        let ch: Character
        if a.status == .cancelled {
          ch = "╌"
        } else if cover >= 0.99 {
          ch = "█"
        } else if c == c0 {
          ch = cover >= 0.5 ? "▐" : "▕"
        } else {
          ch = rightEighths[max(0, min(7, Int((cover * 8).rounded()) - 1))]
        }
        if cover > fill[c] || kind[c] == nil {
          fill[c] = max(fill[c], cover)
          kind[c] = (kind[c] == "█") ? "█" : ch
        }
      }
    }
    for c in 0..<chart.width {
      if let ch = kind[c] { g.text(String(ch), x: chart.x + c, y: y, style: style) }
    }
  }

  /// The selection: the cursor's column on the selected row, reversed.
  static func cursorMark(_ s: AppState, scale: TimeScale, chart: Rect, y: Int, into g: inout Grid) {
    let c = scale.column(s.cursor)
    guard c >= 0 && c < chart.width else { return }
    var cell = g[chart.x + c, y]
    if cell.character == " " || cell.character == "┊" || cell.character == "·" { cell.character = "▒" }
    cell.style.reverse = true
    cell.style.bold = true
    g[chart.x + c, y] = cell
  }
}

extension Style {
  var reversed: Style {
    var s = self
    s.reverse = true
    return s
  }
}
