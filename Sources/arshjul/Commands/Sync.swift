import ArgumentParser
import CalDAV
import Foundation
import PlanFormats
import PlanModel
import PlanStore

struct Sync: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Keep the plan in a CalDAV calendar (Nextcloud, Radicale, iCloud…), both ways.",
    discussion: """
      Sends new and changed activities and milestones (one event each, the UIDs `export ics` \
      writes), deletes in the calendar what was deleted in the plan, and brings back what was \
      changed in calendar apps, merged field by field with the plan; the same field changed on \
      both sides is a conflict recorded in the plan (`arshjul PLAN` resolves it). The URL is \
      remembered in the plan. The password comes from --password-file, ARSHJUL_PASSWORD, \
      ~/.netrc or a prompt — never the command line.
      """)

  @OptionGroup var file: PlanArgument

  @Option(help: "The calendar collection's URL (remembered after the first sync).") var url: String?
  @Option(help: "User name (default: from ~/.netrc).") var user: String?
  @Option(help: "A file whose first line is the password.") var passwordFile: String?
  @Flag(help: "Say what would be sent and received; change nothing.") var dryRun = false
  @Flag(help: "Bring events the plan did not make into it (with --theme).") var importNew = false
  @Option(help: "Theme for --import-new (id, name or number).", completion: .custom(themeCompletions))
  var theme: String?
  @Flag(help: "Create the calendar collection when it is not there.") var create = false
  @Flag(help: "Allow a password over plain http to a host that is not this machine.") var allowHttp = false
  @Option(help: "Seconds to wait for the server.") var timeout: Double = 30

  func run() throws {
    let path = file.plan
    let lock: PlanLock
    do { lock = try PlanLock.acquire(path, wait: 3) } catch { throw fail("arshjul sync: \(error.message)") }
    defer { lock.release() }
    let loaded = try loadOrExit(path)
    var plan = loaded.plan
    if !plan.conflicts.isEmpty {
      throw fail(
        "arshjul sync: \(visibleName(path)) has \(plan.conflicts.count) unresolved conflict(s); resolve them first (arshjul \(visibleName(path)))"
      )
    }
    let stored: SyncState?
    do { stored = try SyncStateFile.read(for: path) } catch { throw fail("arshjul sync: \(error.message)", code: 2) }
    guard let address = url ?? plan.calendarURL ?? stored?.url else {
      throw fail("arshjul sync: give the calendar's URL the first time: --url https://…/calendars/…/arshjul/")
    }
    // A password in the URL would be seen in `ps` and kept in the plan, which goes into git.
    if CalendarURL.hasUserInfo(address) {
      throw fail(
        "arshjul sync: the calendar URL \(url == nil ? "remembered in the plan " : "")carries a user name or password; "
          + "give the URL without it, the user with --user and the password in ~/.netrc, ARSHJUL_PASSWORD or --password-file",
        code: 2)
    }
    guard let target = URL(string: address), let scheme = target.scheme?.lowercased(), let host = target.host,
      scheme == "http" || scheme == "https"
    else { throw fail("arshjul sync: \(quoted(address)) is not an http(s) URL", code: 2) }
    if scheme == "http" && !allowHttp && !CalendarURL.isThisMachine(host: host) {
      throw fail(
        "arshjul sync: the password would go in clear text over http to \(host); use https, or --allow-http if you must"
      )
    }
    if let theme, plan.themeID(for: theme) == nil {
      throw fail("arshjul sync: --theme \(quoted(theme)) is not a theme of the plan; \(plan.themeChoices)")
    }
    if importNew && theme == nil { throw fail("arshjul sync: --import-new needs --theme for the events it brings in") }
    let (login, password) = try Credentials.password(host: host, user: user, file: passwordFile)
    let client = DAVClient(collection: target, user: login, password: password, timeout: timeout)
    // A state made for another calendar is not the base for this one.
    var state = stored.flatMap { $0.url == address ? $0 : nil } ?? SyncState(url: address)
    // The URL is kept from the start: a sync cut short (network down,
    // kill -9) is finished by running `arshjul sync PLAN` again.
    if !dryRun && stored?.url != address {
      do { try SyncStateFile.write(state, for: path) } catch { throw fail("arshjul sync: \(error.message)") }
    }
    let run = SyncRun(
      plan: plan, state: state, client: client, dryRun: dryRun, importNew: importNew, theme: theme,
      stamp: SystemClock.now)
    if let outcome = run.execute(checkFirst: stored == nil || stored?.url != address, create: create) {
      throw fail("arshjul sync: \(outcome.message)")
    }
    state = run.state
    plan = run.plan
    if dryRun {
      try printOut(summary(run) + " (dry run: nothing changed)\n" + run.lines.map { "  \($0)\n" }.joined())
      return
    }
    plan.calendarURL = address
    if plan != loaded.plan {
      do {
        _ = try PlanFile.save(plan, to: path, expecting: contentHash(loaded.bytes))
      } catch {
        throw fail("arshjul sync: \(error.message); the calendar has the changes, the next sync brings them in")
      }
    }
    do { try SyncStateFile.write(state, for: path) } catch { throw fail("arshjul sync: \(error.message)") }
    try printOut(summary(run) + "\n" + run.lines.map { "  \($0)\n" }.joined())
    if run.conflicts > 0 { throw ExitCode(1) }
  }

  func summary(_ r: SyncRun) -> String {
    "sent \(r.sent.new) new, \(r.sent.changed) changed, \(r.sent.deleted) deleted; "
      + "received \(r.received.changed) changed, \(r.received.deleted) deleted, \(r.received.imported) imported; "
      + "\(r.conflicts) conflict(s)"
  }
}

/// Runs async work from a synchronous command and waits for it.
enum Blocking {
  static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
      box.value = await work()
      done.signal()
    }
    done.wait()
    return box.value!
  }

  final class Box<T>: @unchecked Sendable { var value: T? }
}
