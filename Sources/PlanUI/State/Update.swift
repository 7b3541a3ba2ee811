import PlanFormats
import PlanModel

/// All behaviour of the UI: a message in, the new state and the effects out.
public func update(_ s: inout AppState, _ message: Message) -> [Effect] {
  switch message {
  case .resize(let w, let h):
    s.width = w
    s.height = h
    normalize(&s)
    return []
  case .newDay(let day):
    // Left open over midnight: the today line and "upcoming" move on.
    s.today = day
    return []
  case .key(let key):
    s.notice = nil
    let effects = handle(&s, key)
    normalize(&s)
    return effects
  default:
    let effects = handleResult(&s, message)
    normalize(&s)
    return effects
  }
}

func handle(_ s: inout AppState, _ key: Key) -> [Effect] {
  if s.searchDraft != nil { return typeSearch(&s, key) }
  if s.passwordPrompt != nil { return typePassword(&s, key) }
  if s.form != nil { return formKey(&s, key) }
  if let effects = dialogKey(&s, key) { return effects }
  if s.overlay == .mergeConflicts { return conflictKey(&s, key) }
  if s.overlay != .none {
    if KeyMap.closeOverlay.contains(key) { s.overlay = .none }
    if KeyMap.action(for: key, in: s.view)?.action == .quit && !KeyMap.closeOverlay.contains(key) {
      return perform(&s, .quit)
    }
    return []
  }
  guard let (action, line) = KeyMap.action(for: key, in: s.view) else { return [] }
  if refuseOnLayer(&s, action) { return [] }
  if s.readOnly && line.editsPlan {
    s.notice = s.readOnlyReason ?? s.text.readOnlyNotice
    return []
  }
  // The sync works on the plan as it was saved; an edit now would be lost
  // when the calendar's changes arrive.
  if s.syncing && line.editsPlan {
    s.notice = s.text.syncRunning
    return []
  }
  return perform(&s, action)
}

/// Carries out what a key in the main views stands for.
func perform(_ s: inout AppState, _ action: Action) -> [Effect] {
  switch action {
  case .help: s.overlay = .help
  case .plainWheel:
    s.asciiWheel.toggle()
    if s.view != .wheel { s.view = .wheel }
  case .nextView: switchView(&s, next(s.view, by: 1))
  case .previousView: switchView(&s, next(s.view, by: -1))
  case .showWheel: switchView(&s, .wheel)
  case .showGantt: s.view = .gantt
  case .showList: s.view = .list
  case .earlier: moveTime(&s, by: -1)
  case .later: moveTime(&s, by: 1)
  case .monthEarlier: moveMonth(&s, by: -1)
  case .monthLater: moveMonth(&s, by: 1)
  case .nextInWeek: stepInSector(&s, by: 1)
  case .previousInWeek: stepInSector(&s, by: -1)
  case .rowUp: moveRow(&s, by: -1)
  case .rowDown: moveRow(&s, by: 1)
  case .pageUp: moveRow(&s, by: -max(1, s.bodyRect.height - 3))
  case .pageDown: moveRow(&s, by: max(1, s.bodyRect.height - 3))
  case .previousYear: moveYear(&s, by: -1)
  case .nextYear: moveYear(&s, by: 1)
  case .today:
    setCursor(&s, s.today)
    refocus(&s)
  case .zoomIn: s.zoom = Zoom(rawValue: min(s.zoom.rawValue + 1, 2))!
  case .zoomOut:
    // Past the year only when several plans are open: then across them all.
    s.zoom = Zoom(rawValue: max(s.zoom.rawValue - 1, s.span == nil ? 0 : -1))!
    if s.zoom == .project && s.view != .gantt { s.view = .gantt }
  case .toggleTheme(let n): toggleTheme(&s, n)
  case .search: s.searchDraft = ""
  case .nextMatch: nextMatch(&s)
  case .clearSearch: s.search = ""
  case .open: openSelected(&s)
  case .addActivity: s.form = Form.newActivity(s, day: s.cursor, theme: selectedTheme(s))
  case .addMilestone: s.form = Form.newMilestone(s, day: s.cursor, theme: selectedTheme(s))
  case .delete:
    guard let id = s.focusID else {
      s.notice = s.text.selectFirst
      return []
    }
    s.overlay = .confirmDelete(id)
  case .move(let days): return move(&s, by: days)
  case .undo: return undo(&s)
  case .redo: return redo(&s)
  case .save: return save(&s)
  case .quit: return quit(&s)
  case .nextYearPlan: return [.rollOver(s.plan)]
  case .sync: return startSync(&s)
  case .toggleLayers:
    toggleLayers(&s)
    return []
  case .showConflicts:
    if s.plan.conflicts.isEmpty {
      s.notice = s.text.noConflicts
    } else {
      s.conflictIndex = min(s.conflictIndex, s.plan.conflicts.count - 1)
      s.overlay = .mergeConflicts
    }
  }
  return []
}

/// Entering the wheel selects what stands in the week; the other views
/// keep the selection as it is.
func switchView(_ s: inout AppState, _ v: ViewKind) {
  s.view = v
  if v == .wheel && (s.focusID == nil || !WheelSector(s).items.contains { $0.items.contains { $0.id == s.focusID } }) {
    focusSector(&s)
  }
}

/// q and Ctrl-C: the one way out; it asks when there are unsaved changes.
func quit(_ s: inout AppState) -> [Effect] {
  if s.dirty && !s.readOnly {
    s.overlay = .confirmQuit
    return []
  }
  return s.readOnly ? [.quit] : [.removeJournal, .quit]
}

func next(_ v: ViewKind, by n: Int) -> ViewKind {
  let all = ViewKind.allCases
  let i = all.firstIndex(of: v)!
  return all[(i + n + all.count) % all.count]
}

/// y: a sync with the calendar the plan remembers, saved first.
func startSync(_ s: inout AppState) -> [Effect] {
  guard s.plan.calendarURL != nil else {
    s.notice = s.text.syncNeedsFirstSync
    return []
  }
  guard s.plan.conflicts.isEmpty else {
    s.notice = s.text.syncNeedsNoConflicts
    return []
  }
  if s.dirty {
    s.syncAfterSave = true
    return [.save(s.plan)]
  }
  s.syncing = true
  s.notice = s.text.syncStarted
  return [.sync(s.plan, password: nil)]
}
