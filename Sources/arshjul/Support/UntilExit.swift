import Foundation

/// What a one-shot command has read stays until the process ends: `main`
/// leaves with `exit`, and the system takes the memory back in one go,
/// where taking 20,000 activities apart one string at a time cost about a
/// millisecond and a half. Only for what is no longer changed: a kept plan
/// that is changed afterwards would be copied whole.
enum UntilExit {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var kept: [Any] = []

  static func keep(_ things: Any...) {
    lock.withLock { kept.append(contentsOf: things) }
  }
}
