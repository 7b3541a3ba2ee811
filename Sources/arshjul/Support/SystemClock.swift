import Foundation
import PlanModel
import PlanStore

/// The clock lives at the edge; the core takes "today" as a parameter.
enum SystemClock {
  static func today(in zone: String) -> Day {
    if let fixed = ProcessInfo.processInfo.environment["ARSHJUL_TODAY"], let d = Day(iso: fixed) {
      return d  // for reproducible tests and screenshots
    }
    let now = time(nil)
    let offset =
      zoneinfoOffset(zone, at: now) ?? TimeZoneRules.zone(zone)?.secondsFromGMT(for: Date()) ?? 0
    return Day(seconds: now + offset)
  }

  private static let zoneLock = NSLock()

  /// The zone's UTC offset now, from the system's zone files by way of the C
  /// library: Foundation's TimeZone would load ICU's data first (about 3 MB
  /// for every command that asks what day it is). Nil when the zone has no
  /// file here; then Foundation answers.
  static func zoneinfoOffset(_ zone: String, at now: time_t) -> Int? {
    guard !zone.isEmpty, !zone.hasPrefix("/"), !zone.contains(".."), access("/usr/share/zoneinfo/" + zone, R_OK) == 0
    else { return nil }
    return zoneLock.withLock {
      // TZ is the process's, so it is put back as it was.
      let saved = getenv("TZ").map { String(cString: $0) }
      setenv("TZ", ":" + zone, 1)
      tzset()
      var t = now
      var parts = tm()
      let ok = localtime_r(&t, &parts) != nil
      if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
      tzset()
      return ok ? parts.tm_gmtoff : nil
    }
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
