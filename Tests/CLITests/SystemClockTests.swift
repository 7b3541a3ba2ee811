import Foundation
import Testing

@testable import arshjul

/// "Today" asks the C library for the zone's offset (no ICU); it must say
/// what Foundation's zone database says, summer and winter, and leave TZ as
/// it found it.
@Suite struct SystemClockTests {
  @Test func theZoneFilesAgreeWithFoundation() throws {
    let instants: [time_t] = [1_648_000_000, 1_648_342_800, 1_648_346_400, 1_667_000_000, 1_700_000_000, 1_720_000_000]
    for zone in ["Europe/Stockholm", "Europe/London", "America/New_York", "Asia/Kolkata", "UTC"] {
      for t in instants {
        let ours = try #require(SystemClock.zoneinfoOffset(zone, at: t), "\(zone)")
        let theirs = TimeZone(identifier: zone)!.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))
        #expect(ours == theirs, "\(zone) \(t)")
      }
    }
    #expect(SystemClock.zoneinfoOffset("Nowhere/Atlantis", at: 0) == nil)
    #expect(SystemClock.zoneinfoOffset("../../etc/passwd", at: 0) == nil)
    #expect(getenv("TZ").map { String(cString: $0) } == ProcessInfo.processInfo.environment["TZ"])
  }
}
