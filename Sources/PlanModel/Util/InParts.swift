import Foundation

/// Work on a big list split into consecutive parts run on all cores (at
/// most four), the results returned in the parts' order so the outcome is
/// the same as one pass. Below `threshold` items it is one part on this thread.
public enum InParts {
  public static func map<T: Sendable>(count: Int, threshold: Int, _ work: @Sendable (Range<Int>) -> T) -> [T] {
    let parts = count >= threshold ? min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) : 1
    let chunk = (count + parts - 1) / max(1, parts)
    let slots = Slots<T>(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      slots.set(part, work(min(count, part * chunk)..<min(count, (part + 1) * chunk)))
    }
    return slots.all()
  }

  /// Two independent pieces of work, side by side when `together` (and there
  /// are two cores), one after the other otherwise.
  static func both<A: Sendable, B: Sendable>(
    together: Bool, _ a: @Sendable () -> A, _ b: @Sendable () -> B
  ) -> (A, B) {
    guard together, ProcessInfo.processInfo.activeProcessorCount > 1 else { return (a(), b()) }
    let first = Slots<A>(count: 1)
    let second = Slots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      if i == 0 { first.set(0, a()) } else { second.set(0, b()) }
    }
    return (first.all()[0], second.all()[0])
  }

  /// An array of `count` elements made in parts straight into its own
  /// storage (no joining copy): `work` must initialize every index of its
  /// range in the buffer it is given, and returns what else it found.
  static func array<T, Extra: Sendable>(
    count: Int, threshold: Int, _ work: @Sendable (Range<Int>, UnsafeMutablePointer<T>) -> Extra
  ) -> ([T], [Extra]) {
    guard count > 0 else { return ([], []) }
    var extras: [Extra] = []
    let made = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = Storage(pointer: buffer.baseAddress!)
      extras = map(count: count, threshold: threshold) { range in work(range, base.pointer) }
      initialized = count
    }
    return (made, extras)
  }

  /// The array's storage, shared by the parts; each writes only its own range.
  private struct Storage<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
  }

  /// Where the parts leave their results; each writes only its own slot.
  private final class Slots<T>: @unchecked Sendable {
    private var values: [T?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) {
      lock.lock()
      values[i] = value
      lock.unlock()
    }
    func all() -> [T] {
      lock.lock()
      defer { lock.unlock() }
      return values.map { $0! }
    }
  }
}
