/// A calendar day with no time and no zone: what a planner means by
/// "8 February". Stored as a day number so arithmetic never meets a
/// daylight-saving hour or a midnight in the wrong zone.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public let ordinal: Int

  public init(ordinal: Int) { self.ordinal = ordinal }

  /// The day a count of seconds since 1970 falls on (in whatever zone the
  /// seconds are counted), rounding down also before 1970.
  public init(seconds: Int) {
    ordinal = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
  }

  /// nil when the date does not exist (2022-02-30, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    ordinal = Day.civilToOrdinal(year: year, month: month, day: day)
  }

  public var ymd: (year: Int, month: Int, day: Int) { Day.ordinalToCivil(ordinal) }
  public var year: Int { ymd.year }
  public var month: Int { ymd.month }
  public var dayOfMonth: Int { ymd.day }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let w = (ordinal + 3) % 7
    return (w < 0 ? w + 7 : w) + 1
  }

  public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }
  public static func + (d: Day, n: Int) -> Day { d.adding(days: n) }
  public static func - (d: Day, n: Int) -> Day { d.adding(days: -n) }
  public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }
  public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

  /// ISO 8601 `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = ymd
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
  }
  public var iso: String { description }

  /// Parses exactly `YYYY-MM-DD`; nil for anything else or a day that does not exist.
  public init?(iso text: String) { self.init(isoUTF8: text.utf8) }

  /// The same from UTF-8 bytes (a plan file's, read without making a string).
  public init?<Bytes: Sequence<UInt8>>(isoUTF8 bytes: Bytes) {
    // Digit by digit, without allocating: a plan has thousands of dates.
    var y = 0
    var m = 0
    var d = 0
    var position = 0
    for b in bytes {
      switch position {
      case 4, 7:
        guard b == UInt8(ascii: "-") else { return nil }
      case 0...3, 5, 6, 8, 9:
        guard b >= 0x30 && b <= 0x39 else { return nil }
        let v = Int(b - 0x30)
        if position < 4 { y = y * 10 + v } else if position < 7 { m = m * 10 + v } else { d = d * 10 + v }
      default:
        return nil
      }
      position += 1
    }
    guard position == 10 else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's days-from-civil algorithm (public domain description).
  static func civilToOrdinal(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  static func ordinalToCivil(_ n: Int) -> (year: Int, month: Int, day: Int) {
    let z = n + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

package func pad(_ v: Int, _ width: Int) -> String {
  let s = String(v)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

extension Day {
  /// ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday.
  public var isoWeek: (year: Int, week: Int) {
    let thursday = self + (4 - weekday)
    let y = thursday.year
    let jan1 = Day(ordinal: Day.civilToOrdinal(year: y, month: 1, day: 1))
    return (y, (thursday - jan1) / 7 + 1)
  }

  /// The first day of the month this day is in, moved by `months` (may be negative).
  public static func firstOfMonth(year: Int, month: Int, adding months: Int = 0) -> Day {
    let total = year * 12 + (month - 1) + months
    return Day(ordinal: civilToOrdinal(year: total / 12, month: total % 12 + 1, day: 1))
  }

  /// The n-th given weekday of a month (n > 0), or the n-th last (n < 0:
  /// -1 the last); nil when that month has none. The one copy: the plan's
  /// repeats, iCalendar's BYDAY and a VTIMEZONE's rules all count this way.
  public static func nthWeekday(_ n: Int, weekday: Int, year: Int, month: Int) -> Day? {
    guard n != 0, (1...12).contains(month) else { return nil }
    if n > 0 {
      let first = Day(ordinal: civilToOrdinal(year: year, month: month, day: 1))
      let offset = (weekday - first.weekday + 7) % 7
      let d = first + offset + (n - 1) * 7
      return d.month == month ? d : nil
    }
    let last = Day(ordinal: civilToOrdinal(year: year, month: month, day: daysIn(month: month, year: year)))
    let d = last - ((last.weekday - weekday + 7) % 7) + (n + 1) * 7
    return d.month == month ? d : nil
  }

  /// Which occurrence of its weekday in its month this day is (1…5).
  public var weekdayOrdinalInMonth: Int { (dayOfMonth - 1) / 7 + 1 }
  public var isLastWeekdayOfMonth: Bool { (self + 7).month != month }
}

/// A clock time of day, minutes since midnight.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let minutes: Int
  public init?(hour: Int, minute: Int) {
    guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
    minutes = hour * 60 + minute
  }
  public init?(_ text: String) {
    var digits = 0
    var value = 0
    var position = 0
    for b in text.utf8 {
      if position == 2 {
        guard b == UInt8(ascii: ":") else { return nil }
      } else {
        guard b >= 0x30 && b <= 0x39, position < 5 else { return nil }
        value = value * 10 + Int(b - 0x30)
        digits += 1
      }
      position += 1
    }
    guard position == 5, digits == 4 else { return nil }
    self.init(hour: value / 100, minute: value % 100)
  }
  public var hour: Int { minutes / 60 }
  public var minute: Int { minutes % 60 }
  public var description: String { pad(hour, 2) + ":" + pad(minute, 2) }
  public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}
