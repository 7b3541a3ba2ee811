import Foundation
import PlanFormats
import PlanModel
import PlanStore

/// Writes the recovery journal off the UI thread, so an edit of a big plan
/// answers at once; the last plan asked for is the one written ("within a
/// moment"), and a removal is ordered after any write still to come. A
/// failed write is kept and tried again, and until one succeeds nobody
/// claims the edits are in the journal.
final class JournalWriter: @unchecked Sendable {
  private let path: String
  private let queue = DispatchQueue(label: "arshjul.journal")
  private let lock = NSLock()
  private var pending: (plan: Plan, base: String)?
  /// The newest plan asked for, until it is on disk.
  private var unwritten: (plan: Plan, base: String)?
  private var failure: String?
  /// The last write failed and none has succeeded since.
  private var failing = false
  private var lastTry = 0.0

  init(path: String) { self.path = path }

  func write(_ plan: Plan, base: String) {
    lock.lock()
    let scheduled = pending != nil
    pending = (plan, base)
    unwritten = (plan, base)
    lock.unlock()
    guard !scheduled else { return }  // the write already queued takes the newest plan
    queue.async { [self] in
      lock.lock()
      let job = pending
      pending = nil
      lock.unlock()
      guard let job else { return }
      do {
        try Journal.write(job.plan, base: job.base, for: path)
        lock.lock()
        if let u = unwritten, u.plan == job.plan, u.base == job.base { unwritten = nil }
        failure = nil
        failing = false
        lock.unlock()
      } catch {
        lock.lock()
        failure = (error as? FileError)?.message ?? "\(error)"
        failing = true
        lock.unlock()
      }
    }
  }

  /// Whether the journal on disk holds the newest edits.
  var isCurrent: Bool {
    finish()
    lock.lock()
    defer { lock.unlock() }
    return unwritten == nil
  }

  /// Writes the newest plan again after a failure, at most every 2 seconds;
  /// true when a try was made.
  func retry() -> Bool {
    lock.lock()
    let job = failing && pending == nil ? unwritten : nil
    lock.unlock()
    guard let job else { return false }
    let now = Date().timeIntervalSince1970
    guard now - lastTry >= 2 else { return false }
    lastTry = now
    write(job.plan, base: job.base)
    finish()
    return true
  }

  func remove() {
    lock.lock()
    pending = nil
    unwritten = nil
    failure = nil
    failing = false
    lock.unlock()
    queue.sync { Journal.remove(for: path) }
  }

  /// Waits for the journal to be on disk: before quitting.
  func finish() { queue.sync {} }

  func takeFailure() -> String? {
    lock.lock()
    defer { lock.unlock() }
    let f = failure
    failure = nil
    return f
  }
}
