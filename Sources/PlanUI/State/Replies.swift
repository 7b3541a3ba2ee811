import PlanFormats
import PlanModel

/// What the outside world answers to the effects: saved, failed, conflict, reloaded, a journal found.
func handleResult(_ s: inout AppState, _ message: Message) -> [Effect] {
  switch message {
  case .saved(let copy):
    if let copy {
      s.notice = s.text.savedCopy(copy)
    } else {
      s.savedVersion = s.version
      // After a sync the line keeps saying what came in (the save is its part).
      if s.syncStateToKeep == nil { s.notice = s.text.savedNotice }
    }
    if let state = s.syncStateToKeep, copy == nil {
      s.syncStateToKeep = nil
      return [.keepSyncState(state)] + (s.quitAfterSave ? [.quit] : [])
    }
    if s.quitAfterSave { return [.quit] }
    if s.syncAfterSave && copy == nil {
      s.syncAfterSave = false
      s.syncing = true
      s.notice = s.text.syncStarted
      return [.sync(s.plan, password: nil)]
    }
  case .saveFailed(let why):
    s.quitAfterSave = false
    s.syncAfterSave = false
    s.syncStateToKeep = nil
    s.notice = why
  case .syncFinished(let outcome):
    s.syncing = false
    guard let plan = outcome.plan else {
      if let login = outcome.askPassword {
        s.passwordPrompt = PasswordPrompt(login: login, refused: outcome.failure != nil)
        return []
      }
      s.notice = s.text.syncFailed(outcome.failure ?? "")
      return []
    }
    s.notice = s.text.syncDone(sent: outcome.sent, received: outcome.received, conflicts: outcome.conflicts)
    // What came in is an edit like any: u takes it back; saved at once, as
    // the calendar has it now, and only then is the sync's state kept.
    guard plan != s.plan else { return outcome.state.map { [.keepSyncState($0)] } ?? [] }
    s.syncStateToKeep = outcome.state
    var effects = commit(&s, plan)
    effects.append(.save(s.plan))
    return effects
  case .notice(let text):
    s.notice = text
  case .saveConflict:
    s.syncAfterSave = false
    s.syncStateToKeep = nil
    s.overlay = .conflict
  case .reloaded(let plan):
    let effects = commit(&s, plan)
    s.savedVersion = s.version
    s.notice = s.text.reloadedNotice
    _ = effects
    return [.removeJournal]
  case .layersRead(let layers):
    receiveLayers(&s, layers)
  case .recoveryFound(let plan, let fileChanged):
    s.pendingRecovery = plan
    s.recoveryFileChanged = fileChanged
    s.overlay = .recover
  default: break
  }
  return []
}
