import PlanFormats
import PlanModel

/// Keys in the conflict list: each choice is an edit of the plan, so undo
/// brings a conflict back.
func conflictKey(_ s: inout AppState, _ key: Key) -> [Effect] {
  guard let (action, line) = KeyMap.conflictAction(for: key) else {
    if key == .ctrl("c") { return quit(&s) }
    return []
  }
  if s.readOnly && line.editsPlan {
    s.notice = s.readOnlyReason ?? s.text.readOnlyNotice
    return []
  }
  let count = s.plan.conflicts.count
  guard count > 0 else {
    s.overlay = .none
    return []
  }
  s.conflictIndex = min(max(0, s.conflictIndex), count - 1)
  switch action {
  case .previous: s.conflictIndex = max(0, s.conflictIndex - 1)
  case .next: s.conflictIndex = min(count - 1, s.conflictIndex + 1)
  case .close: s.overlay = .none
  case .takeOurs, .takeTheirs, .edit:
    let conflict = s.plan.conflicts[s.conflictIndex]
    let side: Conflict.Side = action == .takeTheirs ? .theirs : .ours
    var resolved: Plan
    var together = false
    do {
      resolved = try s.plan.resolving(s.conflictIndex, take: side)
    } catch {
      // One of their fields may need another (a start and its end): take
      // their values for the whole item together, or say why not.
      do {
        resolved = try s.plan.resolving(s.plan.conflictsOfSameItem(as: s.conflictIndex), take: side)
        together = true
      } catch {
        s.notice = s.text.cannotTakeTheirs(error.problems.first?.message ?? "")
        return []
      }
    }
    let effects = commit(&s, resolved)
    s.conflictIndex = min(s.conflictIndex, max(0, resolved.conflicts.count - 1))
    if together { s.notice = s.text.tookTogether }
    if resolved.conflicts.isEmpty {
      s.overlay = .none
      s.notice = s.text.allResolved
    }
    if action == .edit {
      s.overlay = .none
      s.focusID = conflict.id
      // Only an activity or a milestone has a form (a layer may share an id with one).
      if conflict.kind == .activity, let a = s.plan.activities.first(where: { $0.id == conflict.id }) {
        setCursor(&s, a.start)
        s.form = Form.edit(a, s)
      } else if conflict.kind == .milestone, let m = s.plan.milestones.first(where: { $0.id == conflict.id }) {
        setCursor(&s, m.date)
        s.form = Form.edit(m, s)
      }
    }
    return effects
  }
  return []
}
