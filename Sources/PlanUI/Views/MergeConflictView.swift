import PlanFormats
import PlanModel

/// The conflicts a merge left: for each, the item and field, and both
/// values side by side in the planner's words; the selected one reversed.
enum MergeConflictView {
  static func render(_ s: AppState, into g: inout Grid) {
    let words = ConflictWording(s.plan)
    var lines: [(String, Style)] = []
    let conflicts = s.plan.conflicts
    // Three lines a conflict; the list scrolls to keep the selected one in view.
    let room = max(1, (g.height - 8) / 3)
    let first = max(0, min(s.conflictIndex - room / 2, conflicts.count - room))
    for i in first..<min(conflicts.count, first + room) {
      let c = conflicts[i]
      let selected = i == s.conflictIndex
      let heading = words.isStory(c) ? words.item(c) : words.item(c) + " · " + words.field(c)
      lines.append(((selected ? "▶ " : "  ") + heading, selected ? .reverse : .bold))
      let (ourWords, theirWords) = words.sides(c)
      let ours = s.text.oursLabel + ":"
      let theirs = (c.theirLabel ?? s.text.theirsLabel) + ":"
      let labelWidth = max(displayWidth(ours), displayWidth(theirs)) + 1
      lines.append(("    " + padded(ours, to: labelWidth) + ourWords, .plain))
      lines.append(("    " + padded(theirs, to: labelWidth) + theirWords, .plain))
    }
    lines.append(("", .plain))
    lines.append((KeyMap.conflictHints(s.plan.language), .dim))
    _ = Box.draw(title: s.text.conflictsTitle(conflicts.count), lines: lines, footer: "", into: &g)
  }
}
