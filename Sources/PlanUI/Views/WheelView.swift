import PlanFormats
import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The year as a wheel: twelve month sectors clockwise from 12 o'clock,
/// week ticks, one ring per theme with its activities as arcs (their
/// radial height grows with how many run at once), milestones as ◆, a hand
/// at today, and a side panel telling what falls in the selected week.
enum WheelView {
  static func render(_ s: AppState, in r: Rect, into g: inout Grid) {
    // The wheel takes what its height allows (it is round); the panel the rest.
    let wheelWidth = min(r.width - 26, 2 * r.height + 10)
    let panelWidth = min(56, r.width - wheelWidth - 1)
    let wheelRect = Rect(x: r.x, y: r.y, width: wheelWidth, height: r.height)
    let panel = Rect(x: wheelRect.maxX + 1, y: r.y, width: panelWidth, height: r.height)
    let sector = WheelSector(s)
    drawWheel(s, sector: sector, in: wheelRect, into: &g)
    drawPanel(s, sector: sector, in: panel, into: &g)
  }

  // MARK: the wheel

  static func drawWheel(_ s: AppState, sector: WheelSector, in r: Rect, into g: inout Grid) {
    let mode: DotCanvas.Mode = s.asciiWheel ? .ascii : .braille
    var canvas = DotCanvas(columns: r.width, rows: r.height, mode: mode)
    let dx = Double(canvas.width) / Double(max(1, r.width))  // dots per column
    let dy = Double(canvas.height) / Double(max(1, r.height))  // dots per row
    // A quarter dot off the grid, so a line through the centre is one dot wide.
    let cx = Double(canvas.width) / 2 - 0.25
    let cy = Double(canvas.height) / 2 - 0.25
    // Room for the month names: a row above and below, six columns a side.
    let radius = max(4, min((Double(r.width) / 2 - 6) * dx, (Double(r.height) / 2 - 1) * dy))
    let wheel = YearWheel(year: s.yearRange)
    let themes = s.visibleThemes
    // The layers are thin rings outside the themes, which make room for them.
    let layers = s.shownLayers
    let rings = YearWheel.rings(
      count: themes.count, inner: radius * 0.36, outer: radius * (layers.isEmpty ? 0.86 : 0.8),
      gap: max(1, radius * 0.03))
    let layerRings = YearWheel.rings(
      count: layers.count, inner: radius * 0.84, outer: radius * 0.95, gap: max(0.5, radius * 0.015))
    let index = s.index
    let layerDays = s.layerDays
    let counts = themes.map { index.dayCounts[$0.id] ?? [] } + layerDays.counts.prefix(layers.count)
    let grey = Style(fg: .grey, dim: true)
    let selFrom = wheel.angle(sector.range.from)
    let selTo = wheel.angle(sector.range.to + 1)
    let backdrop = WheelBackdrop.shared.dots(
      for: WheelBackdrop.Key(
        width: canvas.width, height: canvas.height, cx: cx, cy: cy, radius: radius,
        rings: (rings + layerRings).flatMap { [$0.inner, $0.outer] }, year: s.yearRange,
        holidays: s.plan.holidayCalendar,
        today: s.today),
      calendar: PlanCalendar(s.plan))
    let themeStyles = themes.map { Style(fg: Color($0.color)) }
    let near = WheelBackdrop.near
    for dot in backdrop {
      let (px, py) = (Int(dot.x), Int(dot.y))
      let a = dot.angle
      let inSelection = a >= selFrom && a < selTo
      switch dot.kind {
      case .hand:
        canvas.set(px, py, style: Style(fg: .red, bold: true), priority: 5, ascii: "*")
        continue
      case .rim:
        // The rim, with long ticks at months and short ones at weeks.
        canvas.set(px, py, style: inSelection ? Style(fg: .yellow, bold: true) : grey, priority: 1, ascii: ".")
        continue
      case .monthTick:
        canvas.set(px, py, style: Style(bold: true), priority: 2, ascii: "|")
        continue
      case .weekTick:
        canvas.set(px, py, style: grey, priority: 1, ascii: "'")
        continue
      case .holiday:
        canvas.set(px, py, style: Style(fg: .red), priority: 2, ascii: "o")
        continue
      case .monthLine, .innerCircle, .ring, .nothing: break
      }
      // The selected week's edges.
      if dot.outsideInner && (near(a, selFrom, dot.rr) || near(a, selTo, dot.rr)) {
        canvas.set(px, py, style: Style(fg: .yellow, bold: true), priority: 4, ascii: ":")
        continue
      }
      switch dot.kind {
      case .monthLine, .innerCircle:
        // Month boundaries across the rings, dotted so they stay behind; the inner circle.
        canvas.set(px, py, style: grey, priority: 1, ascii: ".")
      case .ring:
        let ring = Int(dot.ring)
        let n = counts[ring][Int(dot.day)]
        if ring >= themes.count {
          // A layer: its days filled, dimmed, behind the plan's own.
          guard n > 0 else { continue }
          canvas.set(px, py, style: Style(fg: .grey, dim: !inSelection), priority: 2, ascii: ":")
          continue
        }
        // One at a time fills half the ring, three or more all of it.
        guard n > 0, dot.t <= min(1, 0.25 + 0.25 * Double(n)) else { continue }
        var style = themeStyles[ring]
        if inSelection { style.bold = true }
        canvas.set(px, py, style: style, priority: 3, ascii: ringChar(ring))
      default: break
      }
    }
    canvas.draw(into: &g, x: r.x, y: r.y)

    // Month names round the outside.
    let lang = s.plan.language
    for (i, start) in wheel.monthStarts.enumerated() {
      let end = i + 1 < 12 ? wheel.monthStarts[i + 1] : s.yearRange.to + 1
      let mid = (wheel.angle(start) + wheel.angle(end)) / 2
      let p = YearWheel.point(angle: mid, radius: radius + dy * 0.9, cx: cx, cy: cy)
      let col = r.x + Int(p.x / dx)
      let row = r.y + Int(p.y / dy)
      var name = radius > 70 ? Names.month(start.month, lang) : Names.shortMonth(start.month, lang)
      if start.month == 1 && s.plan.startMonth != 1 { name += " \(start.year)" }
      let w = displayWidth(name)
      let sx = sin(mid)
      let x = sx > 0.35 ? col + 1 : (sx < -0.35 ? col - w : col - w / 2)
      let isSelected = sector.range.from.month == start.month && sector.range.from.year == start.year
      g.text(
        name, x: max(r.x, min(r.maxX - w, x)), y: max(r.y, min(r.maxY - 1, row)),
        style: isSelected ? Style(fg: .yellow, bold: true) : .bold)
    }
    // Milestones on their rings.
    for (ri, theme) in themes.enumerated() {
      let mid = (rings[ri].inner + rings[ri].outer) / 2
      for m in s.plan.milestones where m.theme == theme.id && s.yearRange.contains(m.date) {
        let p = YearWheel.point(angle: wheel.midAngle(m.date), radius: mid, cx: cx, cy: cy)
        var style = Style(fg: Color(theme.color), bold: !m.done, dim: m.done)
        if s.focusID == m.id { style.reverse = true }
        g.text("◆", x: r.x + Int(p.x / dx), y: r.y + Int(p.y / dy), style: style)
      }
    }
    // The year in the middle, the title under it when there is room.
    let centerRow = r.y + Int(cy / dy)
    let innerCols = Int(radius * 0.62 / dx)
    let yearText = s.plan.startMonth == 1 ? "\(s.year)" : "\(s.year)/\(String(s.year + 1).suffix(2))"
    g.text(yearText, x: r.x + Int(cx / dx) - displayWidth(yearText) / 2, y: centerRow, style: .bold)
    let title = sanitized(s.plan.title)
    let wordsFit = title.split(separator: " ").allSatisfy { displayWidth(String($0)) <= innerCols }
    if innerCols >= 10 && wordsFit {
      let lines = wrap(title, width: innerCols).prefix(max(0, Int(radius * 0.3 / dy)))
      for (i, line) in lines.enumerated() {
        g.text(line, x: r.x + Int(cx / dx) - displayWidth(line) / 2, y: centerRow + 1 + i, style: .dim)
      }
    }
  }

  static func ringChar(_ i: Int) -> Character { ["#", "=", "+", "%", "@", "&", "*", "o", "x"][i % 9] }

  // MARK: the side panel

  static func drawPanel(_ s: AppState, sector: WheelSector, in r: Rect, into g: inout Grid) {
    let w = Wording(s.plan.language)
    var y = r.y
    let week = sector.range.from.isoWeek.week
    let heading = s.text.weekHeading(week)
    g.text(heading, x: r.x, y: y, style: Style(fg: .yellow, bold: true))
    // The dates after the heading, in a column of their own ("Vecka 12" is 8 wide).
    g.text(
      w.rangeWithYear(sector.range.from, sector.range.to), x: r.x + s.text.weekHeadingColumn, y: y,
      width: r.width - 10)
    y += 1
    g.text(String(repeating: "─", count: r.width), x: r.x, y: y, style: .dim)
    y += 1
    let layers = s.shownLayers
    let layerEvents = layerEventsInWeek(s, sector.range)
    let layerLines = layerEvents.isEmpty ? 0 : min(layerEvents.count, 3) + 1
    let bottom = r.maxY - (s.visibleThemes.count + layers.count + 1) - layerLines
    for (theme, items) in sector.items {
      guard y < bottom else { break }
      let focused = s.focusTheme == theme.id
      let number = (s.plan.themeIndex(theme.id) ?? 0) + 1
      var style = Style(fg: Color(theme.color), bold: true)
      if focused { style.reverse = true }
      g.text(
        "\(focused ? "▶" : " ") \(number) " + sanitized(theme.name) + " ", x: r.x, y: y, width: r.width, style: style)
      y += 1
      if items.isEmpty {
        g.text("   –", x: r.x, y: y, style: .dim)
        y += 1
      }
      for (i, item) in items.enumerated() {
        guard y < bottom else { break }
        if y == bottom - 1 && i < items.count - 1 {
          g.text("   " + s.text.more(items.count - i), x: r.x, y: y, style: .dim)
          y += 1
          break
        }
        let day =
          item.start == item.end
          ? Names.shortWeekday(item.start.weekday, s.plan.language) + " " + w.day(item.start)
          : w.range(item.start, item.end)
        let mark = if case .milestone = item.kind { "◆ " } else { "" }
        var text = mark + sanitized(item.title)
        if let t = item.time { text = w.time(t) + " " + text }
        var st = Style.plain
        if case .activity(let a) = item.kind {
          if a.status == .done { st.dim = true }
          if a.status == .cancelled { st.fg = .grey }
        }
        if s.focusID == item.id { st.reverse = true }
        // A narrow panel gives each item two lines: when, then what.
        if r.width < 44 {
          let when = day + (item.time.map { " " + w.time($0) } ?? "")
          g.text("   " + when, x: r.x, y: y, width: r.width, style: .dim)
          y += 1
          guard y < bottom else { break }
          g.text(mark + sanitized(item.title), x: r.x + 5, y: y, width: r.width - 5, style: st)
        } else {
          let dayWidth = 15
          g.text("   " + day, x: r.x, y: y, width: min(r.width, 3 + dayWidth), style: .dim)
          g.text(text, x: r.x + 3 + dayWidth, y: y, width: r.width - 3 - dayWidth, style: st)
        }
        y += 1
      }
    }
    // The layers' events in the week, under their heading.
    if !layerEvents.isEmpty {
      var ly = bottom
      g.text(" " + s.text.layersHeading, x: r.x, y: ly, width: r.width, style: Style(fg: .grey, bold: true))
      ly += 1
      for (i, e) in layerEvents.prefix(3).enumerated() {
        let more = i == 2 && layerEvents.count > 3 ? " +\(layerEvents.count - 3)" : ""
        g.text(
          "   " + (e.from == e.to ? w.day(e.from) : w.range(e.from, e.to)) + " " + sanitized(e.title) + " ("
            + sanitized(e.layer) + ")" + more, x: r.x, y: ly,
          width: r.width, style: .dim)
        ly += 1
      }
    }
    // The legend: which ring is which.
    var ly = r.maxY - s.visibleThemes.count - layers.count
    g.text(s.text.ringsHeading, x: r.x, y: ly - 1, style: .dim)
    for l in layers {
      g.text(s.text.layerMark + s.text.layerMark, x: r.x, y: ly, style: Style(fg: .grey, dim: true))
      let state =
        l.unavailable != nil
        ? " (" + s.text.unavailable + ")"
        : l.failedSince.map { " (" + s.text.unreachableSince(moment($0, s.plan)) + ")" }
          ?? l.fetched.map { " (" + s.text.fetchedAt(moment($0, s.plan)) + ")" } ?? ""
      g.text(" " + sanitized(l.name) + state, x: r.x + 2, y: ly, width: r.width - 2, style: .dim)
      ly += 1
    }
    for t in s.visibleThemes {
      let number = (s.plan.themeIndex(t.id) ?? 0) + 1
      g.text("██", x: r.x, y: ly, style: Style(fg: Color(t.color)))
      g.text(" \(number) " + sanitized(t.name), x: r.x + 2, y: ly, width: r.width - 2)
      ly += 1
    }
  }

  /// The shown layers' events in the selected week, each once with the
  /// days it has there (a week of höstlov is one line, not five).
  static func layerEventsInWeek(_ s: AppState, _ range: DayRange) -> [(
    from: Day, to: Day, title: String, layer: String
  )] {
    guard !s.shownLayers.isEmpty else { return [] }
    let table = s.layerDays
    var out: [(from: Day, to: Day, title: String, layer: String)] = []
    var d = range.from
    while d <= range.to {
      for e in table.events(on: d, s) {
        if let i = out.firstIndex(where: { $0.title == e.title && $0.layer == e.layer && $0.to + 1 == d }) {
          out[i].to = d
        } else {
          out.append((d, d, e.title, e.layer))
        }
      }
      d = d + 1
    }
    return out
  }
}
