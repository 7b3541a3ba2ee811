import CalDAV

/// What a CalDAV failure means to the planner who ran the command, with
/// what to do: the words (which name this command's flags and variables)
/// belong here, not in the CalDAV module, which only says what happened.
extension DAVError {
  /// One line, with what to do.
  var message: String {
    switch self {
    case .unauthorized(let s, let asked, let tried):
      let said =
        (asked.isEmpty ? "" : "it asks for \(asked.joined(separator: " or ")), ")
        + (tried.map { "tried \($0)" } ?? "no user name was given")
      return
        "the server refused the user name or password (\(s); \(said)); check --user and the password (~/.netrc, ARSHJUL_PASSWORD or --password-file)"
    case .notFound:
      return
        "there is no calendar at that URL; create one in your calendar app (or on the server), or run with --create"
    case .notCalDAV(let s): return "the server does not speak CalDAV at that URL (\(s)); give the calendar's own URL"
    case .notCalendar: return "that URL is not a calendar collection; give the calendar's own URL (it ends in /)"
    case .precondition: return "someone changed the event at the same moment; run the sync again"
    case .gone: return "an event was deleted in the calendar while the sync ran; run the sync again"
    case .status(let s, let what, let reason):
      return "the server answered \(s) when asked to \(what)" + (reason.isEmpty ? "" : ": \(reason)")
    case .transport(let why, let host):
      switch why {
      case .timedOut: return "\(host) did not answer in time; check the network and try again"
      case .cannotConnect: return "cannot reach \(host); is the server up and the URL right?"
      case .tls(let detail):
        return
          "the secure connection to \(host) failed (\(detail)); check the URL and the server's certificate"
      case .other(let detail): return "the connection to \(host) failed (\(detail))"
      }
    case .other(let s): return s
    }
  }
}
