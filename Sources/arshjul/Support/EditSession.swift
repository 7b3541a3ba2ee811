import Foundation
import PlanFormats
import PlanModel
import PlanStore
import PlanUI

/// Carries out the UI's effects on the file system: saves, the journal,
/// reloads. It owns the lock and knows which file state the edits are on.
final class EditSession {
  let path: String
  var lock: PlanLock?
  /// The hash of the plan file as last read or written by us. Worked out
  /// when first needed (a save, the journal), not before the first frame:
  /// hashing a 6 MB plan takes about 9 ms.
  var base: String {
    get {
      if let baseHash { return baseHash }
      let hash = contentHash(baseBytes)
      baseHash = hash
      baseBytes = []
      return hash
    }
    set {
      baseHash = newValue
      baseBytes = []
    }
  }
  private var baseHash: String?
  private var baseBytes: [UInt8]
  let loaded: Plan
  let force: Bool
  /// The base of a journal left by an earlier session, while it may be restored.
  var journalBase: String?

  let journal: JournalWriter
  /// What background work (a sync) has to say to the UI.
  let inbox = Inbox()
  /// The password typed at the UI's prompt, for this session's later syncs
  /// (in memory only: never written, never passed to another program).
  let typedPassword = TypedPassword()

  init(path: String, loaded: LoadedPlan, force: Bool = false) {
    self.path = path
    self.force = force
    journal = JournalWriter(path: path)
    self.loaded = loaded.plan
    baseBytes = loaded.bytes
  }

  enum Leftover {
    case none
    case found(Plan, fileChanged: Bool)
    case unreadable(String)
  }

  /// Unsaved edits left by an earlier session; a journal that only repeats
  /// the file is dropped, one that cannot be read is moved aside and named.
  func leftoverJournal() -> Leftover {
    switch Journal.find(for: path) {
    case .none:
      return .none
    case .unreadable(let why, let keptAs):
      let kept = keptAs.map { "; kept as \(visibleName($0))" } ?? ""
      return .unreadable(why + kept)
    case .entry(let entry):
      if entry.plan == loaded {
        Journal.remove(for: path)
        return .none
      }
      journalBase = entry.base
      return .found(entry.plan, fileChanged: entry.base != base)
    }
  }

  /// Runs one effect; nil means quit. The answer goes back into `update`.
  func perform(_ effect: Effect) -> [Message]? {
    switch effect {
    case .quit:
      journal.finish()
      return nil
    case .save(let plan):
      return save(plan, expecting: base)
    case .saveOverwrite(let plan):
      return save(plan, expecting: nil)
    case .saveCopy(let plan):
      let copy = copyPath()
      do {
        try AtomicFile.writeBeside(plan: AtomicFile.resolve(path), parts: [plan.fileBytes()], to: copy)
        return [.saved(copy: copy)]
      } catch {
        return [.saveFailed(error.message)]
      }
    case .rollOver(let plan):
      return [.notice(rollOver(plan))]
    case .journalRestored:
      // The restored edits were made on the file as it was then: a save
      // must find that version on disk, or go through the conflict dialog.
      if let journalBase { base = journalBase }
      journalBase = nil
      return []
    case .writeJournal(let plan):
      guard lock != nil else { return [] }
      journal.write(plan, base: base)
      return journal.takeFailure().map { [.saveFailed(journalFailure($0))] } ?? []
    case .removeJournal:
      if lock != nil { journal.remove() }
      return []
    case .sync(let plan, let password):
      let path = path
      let inbox = inbox
      let typed = typedPassword
      if let password { typed.value = password }
      Thread.detachNewThread {
        inbox.post(.syncFinished(SyncFromUI.run(plan, path: path, typed: typed)))
      }
      return []
    case .keepSyncState(let state):
      do {
        try SyncStateFile.write(state, for: path)
        return []
      } catch {
        return [.saveFailed(error.message)]
      }
    case .reload:
      do {
        let fresh = try PlanFile.load(path)
        base = contentHash(fresh.bytes)
        return [.reloaded(fresh.plan)]
      } catch {
        return [.saveFailed(error.lines.first ?? "cannot reload")]
      }
    }
  }

  /// Tries a failed journal write again; says so once it goes through.
  func retryJournal() -> [Message] {
    guard lock != nil, journal.retry() else { return [] }
    if let failure = journal.takeFailure() { return [.saveFailed(journalFailure(failure))] }
    return []
  }

  func journalFailure(_ why: String) -> String {
    SessionWords(loaded.language).journalFailed(why)
  }

  func save(_ plan: Plan, expecting: String?) -> [Message] {
    do {
      let bytes = try PlanFile.save(plan, to: path, expecting: expecting, force: force)
      base = contentHash(bytes)
      journal.remove()
      return [.saved(copy: nil)]
    } catch {
      if error.code == .conflict { return [.saveConflict] }
      // Tell the truth about where the edits are.
      let kept = SessionWords(loaded.language).editsKept(inJournal: journal.isCurrent)
      return [.saveFailed(error.message + " – " + kept)]
    }
  }

  /// Next year's plan beside this one: `plan-2022.json` → `plan-2023.json`
  /// (or `plan-2023.json` added to a name without a year); never over a file.
  func rollOver(_ plan: Plan) -> String {
    let words = SessionWords(plan.language)
    let year = plan.planningYear(today: SystemClock.today(in: plan.timeZone))
    let dir = (path as NSString).deletingLastPathComponent
    var name = (path as NSString).lastPathComponent
    if name.hasSuffix(".json") { name = String(name.dropLast(5)) }
    name =
      name.contains(String(year))
      ? name.replacingOccurrences(of: String(year), with: String(year + 1)) : "\(name)-\(year + 1)"
    let target = (dir.isEmpty ? "" : dir + "/") + name + ".json"
    if FileBytes.exists(target) {
      return words.nextYearExists(visibleName(target))
    }
    let result: Rollover.Result
    do {
      result = try NextYearPlan.write(
        plan, from: year, Rollover.Options(year: year + 1, newID: SystemClock.newUUID()), to: target)
    } catch {
      switch error {
      case .file(let e): return e.message
      case .invalid(let problems):
        let why = problems.first?.message ?? ""
        return words.nextYearFailed(why)
      }
    }
    let holidays = result.onHolidays
    return words.nextYearMade(visibleName(target), onHolidays: holidays)
  }

  /// `plan.json` → `plan.kopia-2022-03-28-0915.json`, beside it.
  func copyPath() -> String {
    let stamp = SystemClock.localStamp()
    let base = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
    var candidate = "\(base).kopia-\(stamp).json"
    var n = 2
    while FileBytes.exists(candidate) {
      candidate = "\(base).kopia-\(stamp)-\(n).json"
      n += 1
    }
    return candidate
  }
}
