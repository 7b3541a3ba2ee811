import Foundation

/// The one place the model asks the system's zone database, for validating
/// `timeZone` and describing it in iCalendar (VTIMEZONE).
public enum TimeZoneRules {
  public static func isKnown(_ identifier: String) -> Bool {
    // Every plan made by arshjul says Europe/Stockholm: known without asking
    // the database, whose first question loads ICU's data (about 2 ms and
    // 3 MB for every command that reads a plan).
    if identifier == "Europe/Stockholm" || identifier == "UTC" { return true }
    return zone(identifier) != nil && identifier.contains("/")
  }

  /// A zone of the system's database by its IANA name: the one place it is
  /// asked (the importer's TZIDs, the plan's zone, the writer's VTIMEZONE).
  public static func zone(_ identifier: String) -> TimeZone? { TimeZone(identifier: identifier) }

  /// The zone's UTC offset in seconds at a local day and time.
  public static func offset(_ identifier: String, day: Day, minutes: Int) -> Int {
    guard let tz = zone(identifier) else { return 0 }
    return offset(tz, day: day, minutes: minutes)
  }

  /// The same with the zone already looked up (an export asks many times).
  package static func offset(_ tz: TimeZone, day: Day, minutes: Int) -> Int {
    // Guess with the offset at the naive instant, then correct once.
    let naive = Double(day.ordinal * 86400 + minutes * 60)
    let guess = tz.secondsFromGMT(for: Date(timeIntervalSince1970: naive))
    return tz.secondsFromGMT(for: Date(timeIntervalSince1970: naive - Double(guess)))
  }

  public struct Transition: Sendable, Equatable {
    /// Seconds since 1970 (UTC) when it happens.
    public var instant: Int
    public var offsetBefore: Int
    public var offsetAfter: Int
    public var abbreviation: String
    public var isDaylight: Bool
  }

  /// Transitions in [from, to), in order.
  public static func transitions(_ identifier: String, from: Day, to: Day) -> [Transition] {
    guard let tz = TimeZone(identifier: identifier) else { return [] }
    var result: [Transition] = []
    var date = Date(timeIntervalSince1970: Double(from.ordinal * 86400))
    let stop = Date(timeIntervalSince1970: Double(to.ordinal * 86400))
    while let next = tz.nextDaylightSavingTimeTransition(after: date), next < stop {
      let before = tz.secondsFromGMT(for: next.addingTimeInterval(-1))
      let after = tz.secondsFromGMT(for: next)
      result.append(
        Transition(
          instant: Int(next.timeIntervalSince1970), offsetBefore: before, offsetAfter: after,
          abbreviation: tz.abbreviation(for: next) ?? "", isDaylight: tz.isDaylightSavingTime(for: next)))
      date = next
    }
    return result
  }
}
