import PlanKit

/// Editing: forms, delete, move, undo and redo, save, quit and the
/// dialogs they may ask. Every edit goes through `commit`, which keeps the
/// undo history and asks for the journal to be written.

extension UIText {
  var readOnlyNotice: String {
    sv ? "Skrivskyddad – ändringar kan inte sparas här" : "Read-only – changes cannot be saved here"
  }
  var savedNotice: String { sv ? "Sparad" : "Saved" }
  func savedCopy(_ path: String) -> String { sv ? "Sparad som kopia: \(path)" : "Saved as a copy: \(path)" }
  var nothingToSave: String { sv ? "Inga ändringar att spara" : "No changes to save" }
  var nothingToUndo: String { sv ? "Inget att ångra" : "Nothing to undo" }
  var nothingToRedo: String { sv ? "Inget att göra om" : "Nothing to redo" }
  var undoneNotice: String { sv ? "Ångrat" : "Undone" }
  var redoneNotice: String { sv ? "Gjort om" : "Redone" }
  var deletedNotice: String { sv ? "Borttagen (u ångrar)" : "Deleted (u undoes)" }
  var selectFirst: String { sv ? "Välj en aktivitet eller milstolpe först" : "Select an activity or milestone first" }
  var reloadedNotice: String { sv ? "Planen lästes om från disken (u ångrar)" : "Reloaded from disk (u undoes)" }
  var restoredNotice: String {
    sv ? "Osparade ändringar återställda – spara med s" : "Unsaved edits restored – save with s"
  }
  var restoredOverChangeNotice: String {
    sv
      ? "Återställt – men filen har ändrats sedan dess; när du sparar får du välja"
      : "Restored – but the file was changed since; saving will ask what to keep"
  }
  func moved(_ days: Int) -> String {
    sv
      ? "Flyttad \(days > 0 ? "+" : "")\(days) \(abs(days) == 1 ? "dag" : "dagar")"
      : "Moved \(days > 0 ? "+" : "")\(days) day\(abs(days) == 1 ? "" : "s")"
  }
  func cannotMove(_ why: String) -> String { sv ? "Kan inte flyttas: \(why)" : "Cannot move: \(why)" }
}

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

/// Enter: the selected item's form, or in read-only its details.
func openSelected(_ s: inout AppState) {
  if s.readOnly {
    if s.focusID != nil { s.overlay = .details }
    return
  }
  if let a = s.focusedActivity {
    s.form = Form.edit(a, s)
  } else if let m = s.focusedMilestone {
    s.form = Form.edit(m, s)
  }
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

// MARK: the form

func formKey(_ s: inout AppState, _ key: Key) -> [Effect] {
  guard var form = s.form else { return [] }
  let field = form.focusedField
  let isChoice = if case .choice? = form.values[field] { true } else { false }
  switch KeyMap.formAction(for: key) {
  case .cancel?:
    s.form = nil
    return []
  case .accept?:
    return submit(&s, &form)
  case .nextField?:
    form.focus = nextRelevant(form, from: form.focus, by: 1)
  case .previousField?:
    form.focus = nextRelevant(form, from: form.focus, by: -1)
  case .chooseNext? where isChoice, .choosePrevious? where isChoice:
    if case .choice(let options, let i)? = form.values[field] {
      let step = KeyMap.formAction(for: key) == .chooseNext ? 1 : options.count - 1
      form.values[field] = .choice(options, (i + step) % options.count)
    }
  case .newLine?:
    if field == .notes, case .text(var input)? = form.values[field] {
      input.insert("\n")
      form.values[field] = .text(input)
      form.errors[field] = nil
    }
  default:
    // Everything else is typing: ← → + - and space edit a text field.
    if case .text(var input)? = form.values[field] {
      _ = input.handle(key)
      form.values[field] = .text(input)
      form.errors[field] = nil
    }
  }
  s.form = form
  return []
}

func nextRelevant(_ form: Form, from i: Int, by step: Int) -> Int {
  var j = i
  for _ in 0..<form.fields.count {
    j = (j + step + form.fields.count) % form.fields.count
    if form.isRelevant(form.fields[j]) { return j }
  }
  return i
}

func submit(_ s: inout AppState, _ form: inout Form) -> [Effect] {
  guard let item = form.build(s) else {
    if let first = form.fields.firstIndex(where: { form.errors[$0] != nil }) { form.focus = first }
    s.form = form
    return []
  }
  var plan = s.plan
  var changed: [Int]?
  let check: Plan
  let id: String
  let day: Day
  let theme: String
  switch item {
  case .activity(let a):
    if let i = s.index.activityIndex[a.id] {
      plan.activities[i] = a
      changed = [i]
    } else {
      plan.activities.append(a)
    }
    check = Plan(id: plan.id, title: plan.title, themes: plan.themes, activities: [a])
    (id, day, theme) = (a.id, a.start, a.theme)
  case .milestone(let m):
    if let i = plan.milestones.firstIndex(where: { $0.id == m.id }) {
      plan.milestones[i] = m
    } else {
      plan.milestones.append(m)
    }
    check = Plan(id: plan.id, title: plan.title, themes: plan.themes, milestones: [m])
    (id, day, theme) = (m.id, m.date, m.theme)
  }
  // The plan file's own rules, for what the form's fields cannot see alone.
  if let problem = check.problems.first {
    form.generalError = problem.message
    s.form = form
    return []
  }
  s.form = nil
  let effects = commit(&s, plan, changing: changed)
  s.focusID = id
  s.focusTheme = theme
  s.hiddenThemes.remove(theme)
  setCursor(&s, day)
  return effects
}

// MARK: dialogs

func dialogKey(_ s: inout AppState, _ key: Key) -> [Effect]? {
  guard !KeyMap.dialog(s.overlay).isEmpty else { return nil }
  guard let answer = KeyMap.answer(for: key, in: s.overlay) else { return [] }
  let overlay = s.overlay
  s.overlay = .none
  switch answer {
  case .yes:
    guard case .confirmDelete(let id) = overlay else { return [] }
    var plan = s.plan
    plan.activities.removeAll { $0.id == id }
    plan.milestones.removeAll { $0.id == id }
    let effects = commit(&s, plan)
    s.focusID = nil
    s.notice = s.text.deletedNotice
    return effects
  case .no:
    s.quitAfterSave = false
    return []
  case .saveAndQuit:
    s.quitAfterSave = true
    return [.save(s.plan)]
  case .discardAndQuit:
    return [.removeJournal, .quit]
  case .reload:
    return [.reload]
  case .overwrite:
    return [.saveOverwrite(s.plan)]
  case .copy:
    return [.saveCopy(s.plan)]
  case .restore:
    guard let plan = s.pendingRecovery else { return [] }
    s.pendingRecovery = nil
    let effects = commit(&s, plan)
    s.notice = s.recoveryFileChanged ? s.text.restoredOverChangeNotice : s.text.restoredNotice
    return [.journalRestored] + effects
  case .discard:
    s.pendingRecovery = nil
    return [.removeJournal]
  }
}

// MARK: what the outside world answers

func handleResult(_ s: inout AppState, _ message: Message) -> [Effect] {
  switch message {
  case .saved(let copy):
    if let copy {
      s.notice = s.text.savedCopy(copy)
    } else {
      s.savedVersion = s.version
      s.notice = s.text.savedNotice
    }
    if s.quitAfterSave { return [.quit] }
  case .saveFailed(let why):
    s.quitAfterSave = false
    s.notice = why
  case .saveConflict:
    s.overlay = .conflict
  case .reloaded(let plan):
    let effects = commit(&s, plan)
    s.savedVersion = s.version
    s.notice = s.text.reloadedNotice
    _ = effects
    return [.removeJournal]
  case .recoveryFound(let plan, let fileChanged):
    s.pendingRecovery = plan
    s.recoveryFileChanged = fileChanged
    s.overlay = .recover
  default: break
  }
  return []
}
