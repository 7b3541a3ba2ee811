import CalDAV
import Foundation
import PlanFormats
import PlanModel
import PlanStore
import PlanUI

/// A sync started with y in the terminal UI, on a thread of its own: the
/// saved plan with the calendar it synced with before. The password is the
/// one typed at the UI's masked prompt this session, else ARSHJUL_PASSWORD or
/// ~/.netrc's; a server that refuses (or asks for) one has the UI ask.
/// Nothing is written here but what the calendar holds — the plan that
/// matches it is saved by the UI, and the sync state after that.
enum SyncFromUI {
  static func run(_ plan: Plan, path: String, typed: TypedPassword) -> SyncOutcome {
    func failed(_ why: String) -> SyncOutcome { SyncOutcome(plan: nil, failure: why) }
    guard let address = plan.calendarURL, !CalendarURL.hasUserInfo(address), let target = URL(string: address),
      let host = target.host, let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https"
    else { return failed("the plan's calendar URL cannot be used; run arshjul sync PLAN --url … once") }
    if scheme == "http" && !CalendarURL.isThisMachine(host: host) {
      return failed("plain http to \(host): sync from the command line (arshjul sync --allow-http)")
    }
    let stored: SyncState?
    do { stored = try SyncStateFile.read(for: path) } catch { return failed(error.message) }
    let entry = Credentials.netrc(host)
    let environment = ProcessInfo.processInfo.environment
    let user = entry?.login ?? environment["ARSHJUL_USER"]
    let password = typed.value ?? environment["ARSHJUL_PASSWORD"] ?? entry?.password
    let client = DAVClient(collection: target, user: user, password: user == nil ? nil : password, timeout: 30)
    let state = stored.flatMap { $0.url == address ? $0 : nil } ?? SyncState(url: address)
    let run = SyncRun(
      plan: plan, state: state, client: client, dryRun: false, importNew: false, theme: nil, stamp: SystemClock.now,
      progress: false)
    if let error = run.execute(checkFirst: stored?.url != address, create: false) {
      if case .unauthorized = error, let user {
        // Asked again: the one typed (if any) was wrong.
        let refused = password != nil
        typed.value = nil
        return SyncOutcome(plan: nil, failure: refused ? error.message : nil, askPassword: "\(user)@\(host)")
      }
      return failed(error.message)
    }
    var after = run.plan
    after.calendarURL = address
    return SyncOutcome(
      plan: after, state: run.state, sent: run.sent.new + run.sent.changed + run.sent.deleted,
      received: run.received.changed + run.received.deleted + run.received.imported, conflicts: run.conflicts)
  }
}

/// A password typed in the UI, shared with the sync's thread.
final class TypedPassword: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: String?
  var value: String? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}

/// Messages that threads post for the UI's loop, which takes them between keys.
final class Inbox: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [Message] = []
  func post(_ m: Message) { lock.withLock { messages.append(m) } }
  func take() -> [Message] {
    lock.withLock {
      defer { messages.removeAll() }
      return messages
    }
  }
}
