import Foundation
import PlanModel

/// DATE and DATE-TIME values of an iCalendar file, turned into days and
/// clock times in the plan's zone: UTC (`Z`), a zone by TZID (the system's
/// database, also by a Windows name or a vendor-prefixed TZID, else the
/// file's own VTIMEZONE), or floating (taken as the plan's local time).
package struct ICalTime: Equatable {
  package var day: Day
  /// Minutes after midnight; nil for a DATE (all-day).
  var minutes: Int?

  package struct Zones {
    let plan: TimeZone?
    /// VTIMEZONEs of the file by TZID (as written, and without the colon
    /// Outlook leaves at the end: `TZID:Pacific Standard Time:`).
    let file: [String: ICalComponent]

    package init(plan: TimeZone?, file: [String: ICalComponent]) {
      self.plan = plan
      var byID = file
      for (id, c) in file {
        let bare = ICalTime.bareTZID(id)
        if byID[bare] == nil { byID[bare] = c }
      }
      self.file = byID
    }

    /// The plan's local time for a value with its parameters; nil when the
    /// value is not a date.
    func local(_ p: ICalProperty) -> ICalTime? {
      local(p.value, tzid: p.param("TZID"), isDate: p.param("VALUE") == "DATE")
    }

    package func local(_ raw: String, tzid: String?, isDate: Bool = false) -> ICalTime? {
      if let (day, minutes, utc) = ICalTime.digits(raw) {
        guard let minutes, !isDate else { return ICalTime(day: day, minutes: nil) }
        guard let t = instant(day: day, minutes: minutes, utc: utc, tzid: tzid), plan != nil else {
          return ICalTime(day: day, minutes: minutes)
        }
        return planLocal(t)
      }
      let value = raw.trimmed
      guard value.count >= 8, let day = ICalTime.day(value.prefix(8)) else { return nil }
      if value.count == 8 || isDate { return ICalTime(day: day, minutes: nil) }
      guard let minutes = ICalTime.clock(value) else { return nil }
      guard let utc = instant(day: day, minutes: minutes, utc: value.hasSuffix("Z"), tzid: tzid), plan != nil
      else { return ICalTime(day: day, minutes: minutes) }
      return planLocal(utc)
    }

    /// Seconds since 1970 UTC of a date-time; floating and unknown zones
    /// are the plan's own local time.
    func instant(day: Day, minutes: Int, utc: Bool, tzid: String?) -> Int? {
      if utc { return day.ordinal * 86400 + minutes * 60 }
      if let tzid, let t = toUTC(day: day, minutes: minutes, tzid: tzid) { return t }
      guard let plan else { return nil }
      return ICalTime.toUTC(day: day, minutes: minutes, zone: plan)
    }

    /// The plan's clock for an instant.
    func planLocal(_ utc: Int) -> ICalTime {
      let local = utc + (plan?.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc))) ?? 0)
      let d = Day(seconds: local)
      return ICalTime(day: d, minutes: (local - d.ordinal * 86400) / 60)
    }

    /// The plan's zone without the file's VTIMEZONEs (how a rule's UNTIL and
    /// EXDATE are read when the rule is mapped).
    var planOnly: Zones { Zones(plan: plan, file: [:]) }

    /// Whether a TZID names a zone this file or the zone database knows.
    func knows(_ tzid: String) -> Bool { file[ICalTime.bareTZID(tzid)] != nil || ICalTime.zone(tzid) != nil }

    /// Seconds since 1970 UTC for a local time in the named zone: the zone
    /// database first (also for Windows names and vendor-prefixed TZIDs),
    /// else the file's own VTIMEZONE rules.
    func toUTC(day: Day, minutes: Int, tzid: String) -> Int? {
      // Most timed events of a calendar are in the plan's own zone: no
      // zone made again for each (a twentieth of an import).
      if let plan, tzid == plan.identifier { return ICalTime.toUTC(day: day, minutes: minutes, zone: plan) }
      if let zone = ICalTime.zone(tzid) { return ICalTime.toUTC(day: day, minutes: minutes, zone: zone) }
      if let vtz = file[ICalTime.bareTZID(tzid)], let offset = ICalTime.offset(vtz, day: day, minutes: minutes) {
        return day.ordinal * 86400 + minutes * 60 - offset
      }
      return nil
    }
  }

  /// A local time in a zone as seconds since 1970 UTC. A time the spring
  /// change skips is read with the offset from before it, and one the autumn
  /// change gives twice is its first (RFC 5545 §3.3.5).
  static func toUTC(day: Day, minutes: Int, zone: TimeZone) -> Int {
    let naive = day.ordinal * 86400 + minutes * 60
    func offset(_ t: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))) }
    let before = naive - offset(naive - 86400)
    let after = naive - offset(naive + 86400)
    let beforeHolds = offset(before) == naive - before
    let afterHolds = offset(after) == naive - after
    switch (beforeHolds, afterHolds) {
    case (true, true): return min(before, after)
    case (false, true): return after
    default: return before
    }
  }

  /// Minutes after midnight of a DATE-TIME ("…T103000[Z]"); nil when it is not one.
  /// A value written the usual way, `YYYYMMDD` or `YYYYMMDDTHHMMSS` with
  /// or without `Z`, read from its bytes; nil for anything else (which the
  /// general reading then takes). Every event has two or three of them.
  static func digits(_ value: String) -> (day: Day, minutes: Int?, utc: Bool)? {
    value.utf8.withContiguousStorageIfAvailable { b -> (Day, Int?, Bool)? in
      let n = b.count
      guard n == 8 || n == 15 || n == 16 else { return nil }
      func number(_ from: Int, _ count: Int) -> Int? {
        var v = 0
        for i in from..<from + count {
          let d = Int(b[i]) - 48
          guard d >= 0 && d <= 9 else { return nil }
          v = v * 10 + d
        }
        return v
      }
      guard let y = number(0, 4), let m = number(4, 2), let d = number(6, 2), let day = Day(year: y, month: m, day: d)
      else { return nil }
      if n == 8 { return (day, nil, false) }
      guard b[8] == UInt8(ascii: "T"), n == 15 || b[15] == UInt8(ascii: "Z"), let hh = number(9, 2),
        let mm = number(11, 2), let ss = number(13, 2), hh < 24, mm < 60, ss < 61
      else { return nil }
      return (day, hh * 60 + mm, n == 16)
    } ?? nil
  }

  static func clock(_ value: String) -> Int? {
    guard value.count >= 15, value[value.index(value.startIndex, offsetBy: 8)] == "T",
      let hh = Int(value.dropFirst(9).prefix(2)), let mm = Int(value.dropFirst(11).prefix(2)),
      let ss = Int(value.dropFirst(13).prefix(2)), hh < 24, mm < 60, ss < 61
    else { return nil }
    return hh * 60 + mm
  }

  /// A TZID without the trailing colon and spaces some writers leave.
  static func bareTZID(_ id: String) -> String {
    var s = Substring(id)
    while let last = s.last, last == ":" || last == " " { s = s.dropLast() }
    return String(s)
  }

  /// The zone a TZID names in the zone database: an IANA name, one behind a
  /// vendor prefix ("/mozilla.org/20070129_1/America/New_York",
  /// "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin": RFC 5545's
  /// globally unique form, the IANA name being its tail), or a Windows name
  /// as Outlook writes it (CLDR's mapping, through ICU).
  static func zone(_ tzid: String) -> TimeZone? {
    let id = bareTZID(tzid)
    if let z = TimeZoneRules.zone(id) { return z }
    if id.hasPrefix("/") {
      let parts = id.split(separator: "/")
      for k in stride(from: min(3, parts.count), through: 1, by: -1) {
        let tail = parts.suffix(k).joined(separator: "/")
        if tail.contains("/") || k == 1, let z = TimeZoneRules.zone(tail) { return z }
      }
    }
    return WindowsZones.iana(id).flatMap(TimeZoneRules.zone)
  }

  static func day(_ s: Substring) -> Day? {
    guard s.count == 8, s.allSatisfy(\.isASCII), let y = Int(s.prefix(4)), let m = Int(s.dropFirst(4).prefix(2)),
      let d = Int(s.suffix(2))
    else { return nil }
    return Day(year: y, month: m, day: d)
  }

  /// The offset a file's VTIMEZONE gives at a local time: the STANDARD or
  /// DAYLIGHT part whose latest onset (its DTSTART, repeated by a yearly
  /// RRULE of BYMONTH and BYDAY) lies before it.
  static func offset(_ vtz: ICalComponent, day: Day, minutes: Int) -> Int? {
    var best: (onset: Int, offset: Int)?
    let now = day.ordinal * 1440 + minutes
    for part in vtz.children where part.name == "STANDARD" || part.name == "DAYLIGHT" {
      guard let to = part.first("TZOFFSETTO").flatMap({ parseOffset($0.value) }),
        let start = part.first("DTSTART").flatMap({ ICalTime.Zones(plan: nil, file: [:]).local($0.value, tzid: nil) })
      else { continue }
      var onsets: [Int] = [start.day.ordinal * 1440 + (start.minutes ?? 0)]
      if let rule = part.first("RRULE")?.value {
        let fields = ruleFields(rule)
        if let month = fields["BYMONTH"].flatMap(Int.init), let byday = fields["BYDAY"],
          let (n, weekday) = ordinalWeekday(byday)
        {
          for year in [day.year - 1, day.year] {
            if let d = Day.nthWeekday(n, weekday: weekday, year: year, month: month) {
              onsets.append(d.ordinal * 1440 + (start.minutes ?? 0))
            }
          }
        }
      }
      for onset in onsets where onset <= now && onset >= (best?.onset ?? Int.min) {
        best = (onset, to)
      }
    }
    return best?.offset
  }

  static func parseOffset(_ s: String) -> Int? {
    let t = s.trimmed
    guard t.count >= 5, let sign = t.first, sign == "+" || sign == "-", let h = Int(t.dropFirst().prefix(2)),
      let m = Int(t.dropFirst(3).prefix(2))
    else { return nil }
    return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
  }

  static func ruleFields(_ rule: String) -> [String: String] {
    var out: [String: String] = [:]
    for part in rule.split(separator: ";") {
      let kv = part.split(separator: "=", maxSplits: 1)
      if kv.count == 2 { out[String(kv[0]).uppercased()] = String(kv[1]).uppercased() }
    }
    return out
  }

  static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

  /// "2TU" → (2, 2); "-1FR" → (-1, 5); "MO" → (0, 1).
  static func ordinalWeekday(_ s: String) -> (Int, Int)? {
    let code = String(s.suffix(2))
    guard let w = weekdays.firstIndex(of: code) else { return nil }
    let prefix = s.dropLast(2)
    if prefix.isEmpty { return (0, w + 1) }
    guard let n = Int(prefix.hasPrefix("+") ? prefix.dropFirst() : prefix), n != 0, abs(n) <= 53 else { return nil }
    return (n, w + 1)
  }
}

/// DURATION values (RFC 5545 §3.3.6): P1D, PT1H30M, P0DT23H59M0S, P2W.
func icalDuration(_ raw: String) -> Int? {
  var s = Substring(raw.trimmed.uppercased())
  var sign = 1
  if s.hasPrefix("-") {
    sign = -1
    s = s.dropFirst()
  } else if s.hasPrefix("+") {
    s = s.dropFirst()
  }
  guard s.hasPrefix("P") else { return nil }
  s = s.dropFirst()
  var seconds = 0
  var number = ""
  var inTime = false
  var any = false
  for c in s {
    if c.isNumber {
      number.append(c)
      continue
    }
    if c == "T" {
      inTime = true
      continue
    }
    // Range-checked: P999999999999999999W is that event's error, never a crash.
    guard let n = Int(number), n <= maxDurationSeconds else { return nil }
    number = ""
    any = true
    let unit: Int
    switch (c, inTime) {
    case ("W", false): unit = 7 * 86400
    case ("D", false): unit = 86400
    case ("H", true): unit = 3600
    case ("M", true): unit = 60
    case ("S", true): unit = 1
    default: return nil
    }
    let (part, overflow) = n.multipliedReportingOverflow(by: unit)
    guard !overflow, part <= maxDurationSeconds - seconds else { return nil }
    seconds += part
  }
  return any && number.isEmpty ? sign * seconds : nil
}

/// The longest DURATION read: 300 years (a plan's dates are 1900–2200).
let maxDurationSeconds = 300 * 366 * 86400
