import PlanKit

/// What the outside world answers to the effects: saved, failed, conflict, reloaded, a journal found.
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
  case .notice(let text):
    s.notice = text
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
