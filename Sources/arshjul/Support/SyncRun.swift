import CalDAV
import Foundation
import PlanFormats
import PlanModel
import SyncEngine

/// The command's side of one sync: the engine on the CalDAV store, waited
/// for, with its notes in words. The decisions are `SyncDecisions`'s, the
/// requests `SyncEngine`'s.
final class SyncRun: @unchecked Sendable {
  let engine: SyncEngine<DAVStore>
  let client: DAVClient

  init(
    plan: Plan, state: SyncState, client: DAVClient, dryRun: Bool, importNew: Bool, theme: String?, stamp: Int,
    progress: Bool = isatty(2) == 1
  ) {
    self.client = client
    let shown: @Sendable (Int, Int) -> Void = { finished, total in
      FileHandle.standardError.write(Data("\rsync: \(finished)/\(total) sent".utf8))
      if finished == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
    engine = SyncEngine(
      plan: plan, state: state, store: DAVStore(client: client), dryRun: dryRun, importNew: importNew, theme: theme,
      stamp: stamp, progress: progress ? shown : nil)
  }

  var plan: Plan { engine.plan }
  var state: SyncState { engine.state }
  var sent: SyncEngine<DAVStore>.Sent { engine.sent }
  var received: SyncDecisions.Received { engine.received }
  var conflicts: Int { engine.conflicts }
  var lines: [String] { engine.notes.map(SyncWords.line) }

  /// The whole sync, waited for: first (for a calendar not synced with
  /// before) whether the URL is a calendar, made with `create` when it is
  /// not there; nil when it went through.
  func execute(checkFirst: Bool, create: Bool) -> DAVError? {
    let client = client
    let engine = engine
    let title = engine.plan.title
    return Blocking.wait { () async -> DAVError? in
      do {
        if checkFirst {
          do {
            try await client.checkCalendar()
          } catch DAVError.notFound where create {
            try await client.create(name: title)
          }
        }
        try await engine.run()
        return nil
      } catch let error as DAVError {
        return error
      } catch let error as StoreError {
        switch error {
        case .failed(let e as DAVError): return e
        case .failed(let e): return .other("\(e)")
        case .gone: return .gone
        case .precondition: return .precondition
        case .refused(let status, let reason): return .status(status, "sync", reason)
        }
      } catch {
        return .other("\(error)")
      }
    }
  }
}
