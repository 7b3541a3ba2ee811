import PlanFormats
import PlanModel

/// The form for one item: a framed box of labelled fields, the focused one
/// with its cursor, each problem in red right under its field.
enum FormView {
  static func render(_ s: AppState, _ form: Form, into g: inout Grid) {
    let t = s.text
    let width = min(78, g.width - 2)
    let labelWidth = 12
    let fieldWidth = width - labelWidth - 4
    // The lines of the form: a field, or a problem under one.
    enum Line {
      case field(Form.Field, Int)
      case error(String)
    }
    var lines: [Line] = []
    for (i, f) in form.fields.enumerated() where form.isRelevant(f) {
      lines.append(.field(f, i))
      if let e = form.errors[f] { lines.append(.error(e)) }
    }
    if let e = form.generalError { lines.append(.error(e)) }
    let room = max(3, g.height - 6)
    let focusLine = lines.firstIndex { if case .field(_, let i) = $0 { i == form.focus } else { false } } ?? 0
    let first = max(0, min(focusLine - room / 2, lines.count - room))
    let shown = Array(lines.dropFirst(first).prefix(room))
    let height = shown.count + 4
    let r = Rect(x: (g.width - width) / 2, y: max(0, (g.height - height) / 2), width: width, height: height)
    Box.frame(r, title: t.formTitle(form.kind, new: form.editing == nil), into: &g)
    g.text(" " + t.formHints + " ", x: r.x + 2, y: r.maxY - 1, width: width - 4, style: .dim)
    if first > 0 { g.text("▲", x: r.maxX - 3, y: r.y + 1, style: .dim) }
    if first + room < lines.count { g.text("▼", x: r.maxX - 3, y: r.maxY - 2, style: .dim) }
    for (i, line) in shown.enumerated() {
      let y = r.y + 2 + i
      let x = r.x + 2
      switch line {
      case .error(let message):
        g.text("↳ " + message, x: x + labelWidth, y: y, width: fieldWidth, style: Style(fg: .red, bold: true))
      case .field(let f, let index):
        let focused = index == form.focus
        g.text(t.label(f), x: x, y: y, width: labelWidth - 1, style: focused ? Style(bold: true) : .dim)
        let fieldX = x + labelWidth
        switch form.values[f] {
        case .text(let input)?:
          let (text, cursor) = input.visible(width: fieldWidth - 1)
          g.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), "·", style: Style(fg: .grey, dim: true))
          g.text(text, x: fieldX, y: y, style: Style(underline: focused))
          if focused {
            var cell = g[min(fieldX + cursor, g.width - 1), y]
            if cell.character == "·" { cell.character = " " }
            cell.style = Style(reverse: true)
            g[min(fieldX + cursor, g.width - 1), y] = cell
          }
        case .choice(let options, let chosen)?:
          let text = "‹ " + options[chosen].label + " ›"
          g.text(text, x: fieldX, y: y, width: fieldWidth, style: focused ? Style(reverse: true) : .plain)
        case nil: break
        }
      }
    }
  }
}

enum DialogView {
  static func render(_ s: AppState, into g: inout Grid) {
    let t = UIText(s.plan.language)
    var title = ""
    var lines: [String] = []
    switch s.overlay {
    case .confirmDelete(let id):
      let name = s.plan.activities.first { $0.id == id }?.title ?? s.plan.milestones.first { $0.id == id }?.title ?? id
      title = t.deleteTitle
      lines = [sanitized(name), ""] + KeyMap.dialogLines(s.overlay, s.plan.language)
    case .confirmQuit:
      title = t.unsavedTitle
      lines = [t.unsavedText, ""] + KeyMap.dialogLines(s.overlay, s.plan.language)
    case .conflict:
      title = t.changedOnDiskTitle
      lines = t.changedOnDiskText + [""] + KeyMap.dialogLines(s.overlay, s.plan.language)
    case .recover:
      title = t.recoverTitle
      let count = s.pendingRecovery.map { ($0.activities.count, $0.milestones.count) }
      lines =
        [t.recoverText, count.map { t.journalHolds(activities: $0.0, milestones: $0.1) } ?? "", ""]
        + KeyMap.dialogLines(s.overlay, s.plan.language)
    default:
      return
    }
    _ = Box.draw(title: title, lines: lines.map { ($0, Style.plain) }, footer: "", into: &g)
  }
}
