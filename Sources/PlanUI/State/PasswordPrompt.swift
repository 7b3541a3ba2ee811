import PlanModel

/// The sync's password as it is typed: one dot a character on screen.
public struct PasswordPrompt: Sendable, Equatable {
  /// Whose password ("anna@dav.example.se").
  public var login: String
  /// The server refused the last one tried.
  public var refused: Bool
  var typed: [Character] = []

  public init(login: String, refused: Bool) {
    self.login = login
    self.refused = refused
  }

  public var masked: String { String(repeating: "•", count: typed.count) }
}

/// Keys while the password is typed: Enter syncs with it, Esc gives up.
func typePassword(_ s: inout AppState, _ key: Key) -> [Effect] {
  guard var prompt = s.passwordPrompt else { return [] }
  switch key {
  case .escape, .ctrl("c"):
    s.passwordPrompt = nil
    s.notice = s.text.passwordCancelled
    return []
  case .enter:
    s.passwordPrompt = nil
    s.syncing = true
    s.notice = s.text.syncStarted
    return [.sync(s.plan, password: String(prompt.typed))]
  case .backspace:
    if !prompt.typed.isEmpty { prompt.typed.removeLast() }
  case .ctrl("u"):
    prompt.typed = []
  case .char(let c):
    prompt.typed.append(c)
  default:
    break
  }
  s.passwordPrompt = prompt
  return []
}
