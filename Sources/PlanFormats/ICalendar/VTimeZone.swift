import PlanModel

/// A VTIMEZONE for the plan's zone, made from the system's zone database.
/// Where the zone's changes follow one yearly rule over the years needed
/// (Europe/Stockholm: last Sunday of March and of October) it is written as
/// that rule, the form every calendar reads; otherwise each change is listed.
enum VTimeZone {
  static func write(_ zone: String, years: ClosedRange<Int>, into c: inout ContentLines) {
    let from = Day.firstOfMonth(year: years.lowerBound, month: 1)
    let to = Day.firstOfMonth(year: years.upperBound + 1, month: 1)
    let changes = TimeZoneRules.transitions(zone, from: from, to: to)
    c.add("BEGIN", "VTIMEZONE")
    c.add("TZID", zone)
    if changes.isEmpty {
      let offset = TimeZoneRules.offset(zone, day: from, minutes: 0)
      c.add("BEGIN", "STANDARD")
      c.add("DTSTART", "19700101T000000")
      c.add("TZOFFSETFROM", offsetText(offset))
      c.add("TZOFFSETTO", offsetText(offset))
      c.add("END", "STANDARD")
    } else {
      for daylight in [true, false] {
        let group = changes.filter { ($0.offsetAfter > $0.offsetBefore) == daylight }
        guard let first = group.first else { continue }
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        if let rule = yearlyRule(group) {
          observance(kind, first, rrule: rule, into: &c)
        } else {
          for t in group { observance(kind, t, rrule: nil, into: &c) }
        }
      }
    }
    c.add("END", "VTIMEZONE")
  }

  /// The wall-clock time a change happens at, in the offset before it.
  static func localOnset(_ t: TimeZoneRules.Transition) -> (day: Day, seconds: Int) {
    let local = t.instant + t.offsetBefore
    let day = Day(seconds: local)
    return (day, local - day.ordinal * 86400)
  }

  /// "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" when every change of the group falls
  /// on the same weekday rule of the same month at the same hour.
  static func yearlyRule(_ group: [TimeZoneRules.Transition]) -> String? {
    guard group.count >= 2 else { return nil }
    let onsets = group.map(localOnset)
    let first = onsets[0].day
    let sameBase = onsets.allSatisfy {
      $0.day.month == first.month && $0.day.weekday == first.weekday && $0.seconds == onsets[0].seconds
    }
    guard sameBase, Set(group.map { [$0.offsetBefore, $0.offsetAfter] }).count == 1 else { return nil }
    let years = onsets.map(\.day.year)
    guard years == Array(years[0]..<(years[0] + years.count)) else { return nil }
    let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][first.weekday - 1]
    if onsets.allSatisfy(\.day.isLastWeekdayOfMonth) {
      return "FREQ=YEARLY;BYMONTH=\(first.month);BYDAY=-1\(day)"
    }
    let n = first.weekdayOrdinalInMonth
    if n < 5 && onsets.allSatisfy({ $0.day.weekdayOrdinalInMonth == n }) {
      return "FREQ=YEARLY;BYMONTH=\(first.month);BYDAY=\(n)\(day)"
    }
    return nil
  }

  static func observance(
    _ kind: String, _ t: TimeZoneRules.Transition, rrule: String?, into c: inout ContentLines
  ) {
    let (day, seconds) = localOnset(t)
    c.add("BEGIN", kind)
    c.add(
      "DTSTART",
      ICalendar.date(day) + "T" + pad(seconds / 3600, 2) + pad(seconds / 60 % 60, 2) + pad(seconds % 60, 2))
    if let rrule { c.add("RRULE", rrule) }
    c.add("TZOFFSETFROM", offsetText(t.offsetBefore))
    c.add("TZOFFSETTO", offsetText(t.offsetAfter))
    if !t.abbreviation.isEmpty && !t.abbreviation.hasPrefix("GMT") { c.add("TZNAME", t.abbreviation) }
    c.add("END", kind)
  }

  static func offsetText(_ seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let a = abs(seconds)
    return sign + pad(a / 3600, 2) + pad(a / 60 % 60, 2)
  }
}
