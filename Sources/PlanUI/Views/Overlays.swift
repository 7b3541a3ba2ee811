import PlanFormats
import PlanModel

/// A framed box in the middle of the screen.
struct Box {
  static func draw(title: String, lines: [(String, Style)], footer: String, into g: inout Grid) -> Rect {
    let contentWidth = min(g.width - 6, max(displayWidth(title) + 4, lines.map { displayWidth($0.0) }.max() ?? 0))
    let w = contentWidth + 4
    let h = min(g.height - 2, lines.count + 4)
    let r = Rect(x: (g.width - w) / 2, y: max(1, (g.height - h) / 2), width: w, height: h)
    frame(r, title: title, into: &g)
    if !footer.isEmpty { g.text(" " + footer + " ", x: r.maxX - displayWidth(footer) - 4, y: r.maxY - 1, style: .dim) }
    for (i, line) in lines.prefix(h - 4).enumerated() {
      g.text(line.0, x: r.x + 2, y: r.y + 2 + i, width: contentWidth, style: line.1)
    }
    return r
  }

  /// A cleared rectangle with a rounded frame and its title on the top edge.
  static func frame(_ r: Rect, title: String, into g: inout Grid) {
    g.fill(r)
    let style = Style(bold: true)
    g.text("╭" + String(repeating: "─", count: r.width - 2) + "╮", x: r.x, y: r.y, style: style)
    for yy in (r.y + 1)..<(r.maxY - 1) {
      g.text("│", x: r.x, y: yy, style: style)
      g.text("│", x: r.maxX - 1, y: yy, style: style)
    }
    g.text("╰" + String(repeating: "─", count: r.width - 2) + "╯", x: r.x, y: r.maxY - 1, style: style)
    g.text(" " + title + " ", x: r.x + 2, y: r.y, width: r.width - 4, style: .bold)
  }
}

enum HelpView {
  static func render(_ s: AppState, into g: inout Grid) {
    let t = s.text
    let keyWidth = KeyMap.helpLines(s.plan.language).map { displayWidth($0.0) }.max() ?? 0
    let lines = KeyMap.helpLines(s.plan.language).map { (padded($0.0, to: keyWidth) + "  " + $0.1, Style.plain) }
    if lines.count + 4 <= g.height {
      _ = Box.draw(title: t.helpTitle, lines: lines, footer: t.closeHint, into: &g)
      return
    }
    // Too low for the box: the whole screen, in two columns when needed,
    // so that every key is on it.
    g.fill(g.bounds)
    g.text(" " + t.helpTitle, x: 0, y: 0, style: .bold)
    g.text(t.closeHint + " ", x: g.width - displayWidth(t.closeHint) - 1, y: 0, style: .dim)
    let rows = g.height - 1
    let columns = lines.count <= rows ? 1 : 2
    let perColumn = (lines.count + columns - 1) / columns
    let width = (g.width - 2 - (columns - 1) * 2) / columns
    for (i, line) in lines.enumerated() {
      let col = i / perColumn
      g.text(line.0, x: 1 + col * (width + 2), y: 1 + i % perColumn, width: width)
    }
  }
}

enum DetailsView {
  static func render(_ s: AppState, into g: inout Grid) {
    let w = Wording(s.plan.language)
    var lines: [(String, Style)] = []
    var title = ""
    func row(_ label: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      let wrapped = wrap(sanitized(value), width: max(20, min(60, g.width - 24)))
      for (i, part) in wrapped.enumerated() {
        lines.append((padded(i == 0 ? label : "", to: 11) + part, .plain))
      }
    }
    if let a = s.focusedActivity {
      title = sanitized(a.title)
      row(
        s.text.datesLabel,
        w.rangeWithYear(a.start, a.end) + " (" + w.weeks(a.start, a.end) + ")")
      row(ItemField.time.label(s.plan.language), a.time.map { w.time($0) } ?? s.text.allDay)
      row(s.text.repeatsLabel, w.rule(a))
      row(ItemField.theme.label(s.plan.language), s.plan.theme(a.theme)?.name)
      row(ItemField.owner.label(s.plan.language), a.owner)
      row(ItemField.location.label(s.plan.language), a.location)
      row(ItemField.status.label(s.plan.language), w.status(a.status))
      if let notes = a.notes {
        lines.append(("", .plain))
        for paragraph in notes.split(separator: "\n", omittingEmptySubsequences: false) {
          for part in wrap(sanitized(String(paragraph)), width: max(20, min(71, g.width - 12))) {
            lines.append((part, .plain))
          }
        }
      }
    } else if let m = s.focusedMilestone {
      title = "◆ " + sanitized(m.title)
      row(ItemField.date.label(s.plan.language), w.day(m.date, year: true) + " (" + w.weeks(m.date, m.date) + ")")
      row(ItemField.theme.label(s.plan.language), s.plan.theme(m.theme)?.name)
      row("Status", w.milestoneState(m.done))
      if let notes = m.notes {
        lines.append(("", .plain))
        for part in wrap(sanitized(notes), width: max(20, min(71, g.width - 12))) { lines.append((part, .plain)) }
      }
    } else {
      return
    }
    _ = Box.draw(title: title, lines: lines, footer: s.text.closeHint, into: &g)
  }
}
