import PlanKit

/// Every edit goes through `commit`, which keeps the undo history and asks
/// for the journal to be written; undo, redo, move, save.
/// Records an edit: the old plan goes on the undo stack, redo is cleared,
/// and the journal is asked to hold the new plan.
func commit(_ s: inout AppState, _ plan: Plan, changing activities: [Int]? = nil) -> [Effect] {
  s.undoStack.append((s.plan, s.version))
  s.redoStack.removeAll()
  s.plan = plan
  let from = s.version
  s.version = s.takeVersion()
  s.lastChange = activities.map { (from, s.version, $0) }
  return [.writeJournal(plan)]
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
  _ s: inout AppState, from: WritableKeyPath<AppState, [(plan: Plan, version: Int)]>,
  to: WritableKeyPath<AppState, [(plan: Plan, version: Int)]>, empty: String, done: String
) -> [Effect] {
  guard let back = s[keyPath: from].popLast() else {
    s.notice = empty
    return []
  }
  s[keyPath: to].append((s.plan, s.version))
  s.plan = back.plan
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
  var plan = s.plan
  var check: Plan
  var changedIndex: Int?
  if let id = s.focusID, let i = s.index.activityIndex[id] {
    changedIndex = i
    var a = plan.activities[i]
    a.start = a.start + days
    a.end = a.end + days
    if var r = a.repeatRule {
      r.except = r.except.map { $0 + days }
      a.repeatRule = r
    }
    plan.activities[i] = a
    check = Plan(id: plan.id, title: plan.title, themes: plan.themes, activities: [a])
  } else if let id = s.focusID, let i = s.index.milestoneIndex[id] {
    plan.milestones[i].date = plan.milestones[i].date + days
    check = Plan(id: plan.id, title: plan.title, themes: plan.themes, milestones: [plan.milestones[i]])
  } else {
    s.notice = s.text.selectFirst
    return []
  }
  if let problem = check.problems.first {
    s.notice = s.text.cannotMove(problem.message)
    return []
  }
  s.cursor = s.cursor + days
  s.year = s.plan.planningYear(containing: s.cursor)
  let effects = commit(&s, plan, changing: changedIndex.map { [$0] } ?? [])
  s.notice = s.text.moved(days)
  return effects
}
