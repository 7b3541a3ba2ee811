import Foundation
import PlanKit

/// Each dot's distance from the wheel's centre and its angle on the wheel,
/// for one canvas size. They are the same for every frame of that size, so
/// they are worked out once: a 200×60 terminal has 60,000 dots, and a
/// `hypot` and an `atan2` for each were most of a wheel frame.
final class DotPolar: @unchecked Sendable {
  static let shared = DotPolar()

  private struct Key: Equatable {
    var width: Int
    var height: Int
    var cx: Double
    var cy: Double
  }

  private let lock = NSLock()
  private var key: Key?
  private var table: [(rr: Double, a: Double)] = []

  /// Indexed by `y * width + x`.
  func table(width: Int, height: Int, cx: Double, cy: Double) -> [(rr: Double, a: Double)] {
    lock.lock()
    defer { lock.unlock() }
    let wanted = Key(width: width, height: height, cx: cx, cy: cy)
    if key == wanted { return table }
    var made: [(rr: Double, a: Double)] = []
    made.reserveCapacity(width * height)
    for py in 0..<height {
      for px in 0..<width {
        let fx = Double(px) + 0.5
        let fy = Double(py) + 0.5
        made.append((hypot(fx - cx, fy - cy), YearWheel.angle(x: fx, y: fy, cx: cx, cy: cy)))
      }
    }
    key = wanted
    table = made
    return made
  }
}
