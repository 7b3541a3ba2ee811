import PlanFormats
import PlanModel

/// Every edit goes through `commit`, which keeps the undo history and asks
/// for the journal to be written; undo, redo, move, save.
/// Records an edit: the old plan goes on the undo stack, redo is cleared,
/// and the journal is asked to hold the new plan.
func commit(_ s: inout AppState, _ plan: Plan, changing activities: [Int]? = nil) -> [Effect] {
  let before = s.plan
  s.plan = plan
  let changed = activities.flatMap { changed in
    changed.allSatisfy(before.activities.indices.contains) ? (changed, changed.map { before.activities[$0] }) : nil
  }
  return recordEdit(&s, undo: .plan(before), changed: changed)
}

/// The same for a change of one activity, made in place: the undo step keeps
/// the activity as it was, not the whole plan, so the list of all activities
/// is not copied for each edit (half of an edit's time at 20,000, and a full
/// copy held by every step of a long session).
func commit(_ s: inout AppState, activity a: Activity, at i: Int) -> [Effect] {
  let old = s.plan.activities[i]
  s.plan.activities[i] = a
  return recordEdit(&s, undo: .activities([(i, old)]), changed: ([i], [old]))
}

/// What every edit does once the plan is changed: the way back goes on the
/// undo stack, redo is cleared, the version moves on (with the activities
/// changed and what they were, for the year index), and the journal is asked
/// to hold the new plan.
private func recordEdit(
  _ s: inout AppState, undo: UndoStep.Change, changed: (indices: [Int], old: [Activity])?
) -> [Effect] {
  s.undoStack.append(UndoStep(version: s.version, change: undo))
  s.redoStack.removeAll()
  let from = s.version
  s.version = s.takeVersion()
  s.lastChange = changed.map { (from, s.version, $0.indices, $0.old) }
  return [.writeJournal(s.plan)]
}

/// One step of the undo or redo history: how to go back to the version it names.
public struct UndoStep: Sendable {
  public enum Change: Sendable {
    /// The whole plan as it was.
    case plan(Plan)
    /// These activities as they were (the plan otherwise the same).
    case activities([(index: Int, activity: Activity)])
  }
  public var version: Int
  public var change: Change
}

func undo(_ s: inout AppState) -> [Effect] {
  step(&s, from: \.undoStack, to: \.redoStack, empty: s.text.nothingToUndo, done: s.text.undoneNotice)
}

func redo(_ s: inout AppState) -> [Effect] {
  step(&s, from: \.redoStack, to: \.undoStack, empty: s.text.nothingToRedo, done: s.text.redoneNotice)
}

/// Undo and redo are one move in opposite directions: the plan on top of
/// one stack comes back, the current one goes on the other.
func step(
  _ s: inout AppState, from: WritableKeyPath<AppState, [UndoStep]>, to: WritableKeyPath<AppState, [UndoStep]>,
  empty: String, done: String
) -> [Effect] {
  guard let back = s[keyPath: from].popLast() else {
    s.notice = empty
    return []
  }
  switch back.change {
  case .plan(let plan):
    s[keyPath: to].append(UndoStep(version: s.version, change: .plan(s.plan)))
    s.plan = plan
  case .activities(let old):
    // The other way is the activities as they are now.
    let now = old.map { ($0.index, s.plan.activities[$0.index]) }
    s[keyPath: to].append(UndoStep(version: s.version, change: .activities(now)))
    for (i, a) in old { s.plan.activities[i] = a }
    s.lastChange = (s.version, back.version, now.map(\.0), now.map(\.1))
  }
  s.version = back.version
  s.notice = done
  return [s.dirty ? .writeJournal(s.plan) : .removeJournal]
}

func selectedTheme(_ s: AppState) -> String? {
  s.focusedActivity?.theme ?? s.focusedMilestone?.theme ?? s.focusTheme ?? s.visibleThemes.first?.id
}

func save(_ s: inout AppState) -> [Effect] {
  if s.readOnly {
    s.notice = s.readOnlyReason ?? s.text.readOnlyNotice
    return []
  }
  guard s.dirty else {
    s.notice = s.text.nothingToSave
    return []
  }
  return [.save(s.plan)]
}

/// Moves the selected item in time; a repeat's skipped dates move with it.
func move(_ s: inout AppState, by days: Int) -> [Effect] {
  if let id = s.focusID, let i = s.index.activityIndex[id] {
    var a = s.plan.activities[i]
    a.start = a.start + days
    a.end = a.end + days
    if var r = a.repeatRule {
      r.except = r.except.map { $0 + days }
      a.repeatRule = r
    }
    // The plan's own rules, on the one item (not a plan written and read back).
    let themes = Set(s.plan.themes.map(\.id))
    if let problem = a.problems(themes: themes).first {
      s.notice = s.text.cannotMove(problem.message("activity", id: a.id))
      return []
    }
    s.cursor = s.cursor + days
    s.year = s.plan.planningYear(containing: s.cursor)
    let effects = commit(&s, activity: a, at: i)
    s.notice = s.text.moved(days)
    // Moved onto a busy layer's event: said at once, not only once the notice goes.
    if let clash = layerClash(a, in: s) { s.notice = s.text.moved(days) + " · ⚠ " + clash }
    return effects
  }
  var plan = s.plan
  guard let id = s.focusID, let i = s.index.milestoneIndex[id] else {
    s.notice = s.text.selectFirst
    return []
  }
  plan.milestones[i].date = plan.milestones[i].date + days
  if let problem = plan.milestones[i].problems(themes: Set(plan.themes.map(\.id))).first {
    s.notice = s.text.cannotMove(problem.message("milestone", id: plan.milestones[i].id))
    return []
  }
  s.cursor = s.cursor + days
  s.year = s.plan.planningYear(containing: s.cursor)
  let effects = commit(&s, plan, changing: [])
  s.notice = s.text.moved(days)
  return effects
}
