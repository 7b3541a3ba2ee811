import Foundation
import PlanKit
import PlanStore

/// The clock lives at the edge; the core takes "today" as a parameter.
enum SystemClock {
  static func today(in zone: String) -> Day {
    if let fixed = ProcessInfo.processInfo.environment["ARSHJUL_TODAY"], let d = Day(iso: fixed) {
      return d  // for reproducible tests and screenshots
    }
    let now = Date()
    let offset = TimeZone(identifier: zone)?.secondsFromGMT(for: now) ?? 0
    let seconds = Int(now.timeIntervalSince1970) + offset
    return Day(seconds: seconds)
  }

  /// Seconds since 1970 UTC; ARSHJUL_STAMP fixes it for golden files.
  static var now: Int {
    if let fixed = ProcessInfo.processInfo.environment["ARSHJUL_STAMP"], let s = Int(fixed) { return s }
    return Int(Date().timeIntervalSince1970)
  }

  static func newUUID() -> String { UUID().uuidString.lowercased() }

  /// "2022-03-28-0915", local time, for names of copies.
  static func localStamp() -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd-HHmm"
    return f.string(from: Date())
  }
}
