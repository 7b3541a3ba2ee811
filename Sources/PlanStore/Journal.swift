import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The recovery journal: after every edit the whole plan as it stands on
/// screen goes to `PLAN.arshjul-journal` (atomically, never through a link,
/// never more readable than the plan), so kill -9, a closed terminal or a
/// crash loses nothing. A clean save or quit removes it.
public enum Journal {
  public static func path(for plan: String) -> String { AtomicFile.resolve(plan) + ".arshjul-journal" }

  /// `base` is the hash of the plan file the edits were made on.
  public static func write(_ plan: Plan, base: String, for planPath: String) throws(FileError) {
    try AtomicFile.writeBeside(
      plan: AtomicFile.resolve(planPath), parts: [JournalFormat.encode(plan, base: base)], to: path(for: planPath))
  }

  public typealias Entry = JournalFormat.Entry

  /// What is beside a plan at start-up.
  public enum Found: Sendable {
    case none
    case entry(Entry)
    /// A journal that cannot be read back (tampered, cut short, or a link
    /// arshjul did not make): moved aside to `keptAs` (nil when it could not
    /// be moved), never silently deleted.
    case unreadable(why: String, keptAs: String?)
  }

  public static func find(for planPath: String) -> Found {
    let journal = path(for: planPath)
    guard FileBytes.exists(journal) else { return .none }
    let why: String
    do {
      let bytes = try FileBytes.read(journal, limit: PlanFile.maxBytes, noFollow: true)
      if let entry = JournalFormat.decode(bytes) { return .entry(entry) }
      why = "the recovery journal \(shown(journal)) cannot be read back"
    } catch {
      why = error.message
    }
    return .unreadable(why: why, keptAs: moveAside(journal))
  }

  /// The journal of a plan, if there is one that can be read.
  public static func read(for planPath: String) -> Entry? {
    guard let bytes = try? FileBytes.read(path(for: planPath), limit: PlanFile.maxBytes, noFollow: true) else {
      return nil
    }
    return JournalFormat.decode(bytes)
  }

  /// `PLAN.arshjul-journal` → `PLAN.arshjul-journal.bad-N`, the first N free.
  static func moveAside(_ journal: String) -> String? {
    for n in 1..<1000 {
      let target = journal + ".bad-\(n)"
      if FileBytes.exists(target) { continue }
      // link + unlink: never replaces a file that appeared meanwhile.
      if link(journal, target) == 0 || (errno == EPERM && rename(journal, target) == 0) {
        unlink(journal)
        return target
      }
      if errno != EEXIST { return nil }
    }
    return nil
  }

  public static func exists(for planPath: String) -> Bool { FileBytes.exists(path(for: planPath)) }

  public static func remove(for planPath: String) {
    unlink(path(for: planPath))
  }
}
