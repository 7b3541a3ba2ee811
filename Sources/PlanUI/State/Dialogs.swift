import PlanModel

/// The answers to the dialogs (delete, quit, conflict, recovery), read from the key map.
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
