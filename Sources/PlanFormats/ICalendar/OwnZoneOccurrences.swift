import PlanModel

/// A repeating event written in a zone other than the plan's (UTC,
/// America/Chicago, "Pacific Standard Time"): where its occurrences really
/// fall, worked out in its own zone — BYDAY on its own weekdays, its own
/// daylight saving time — and then told in the plan's time. The import
/// keeps the plan's repeat only when it gives exactly these; otherwise the
/// occurrences come in one by one, with a note (docs/plan-format.md says why).
enum OwnZoneOccurrences {
  /// Start and end of one occurrence, in the plan's time.
  struct Occurrence: Equatable {
    var start: ICalTime
    var end: ICalTime
  }

  /// Whether DTSTART is a date-time in a zone of its own: UTC, or a TZID
  /// the file or the zone database knows that is not the plan's.
  static func isForeign(_ p: ICalProperty, zones: ICalTime.Zones, plan: Plan) -> Bool {
    let value = p.value.trimmed
    guard p.param("VALUE") != "DATE", ICalTime.clock(value) != nil else { return false }
    if value.hasSuffix("Z") { return !["UTC", "Etc/UTC", "GMT"].contains(plan.timeZone) }
    guard let tzid = p.param("TZID"), zones.knows(tzid) else { return false }
    return ICalTime.zone(tzid)?.identifier != plan.timeZone
  }

  /// Every occurrence that starts within `horizon` (plan days); nil when
  /// the rule cannot be worked out (a part RuleExpansion does not know).
  static func occurrences(_ event: ICalComponent, zones: ICalTime.Zones, horizon: DayRange) -> [Occurrence]? {
    guard let sp = event.first("DTSTART") else { return nil }
    let raw = sp.value.trimmed
    let utc = raw.hasSuffix("Z")
    let tzid = utc ? nil : sp.param("TZID")
    guard let ownDay = ICalTime.day(raw.prefix(8)), let clock = ICalTime.clock(raw),
      let first = zones.instant(day: ownDay, minutes: clock, utc: utc, tzid: tzid)
    else { return nil }
    // The length, in seconds, from DTEND or DURATION.
    var length = 0
    if let e = event.first("DTEND") {
      let v = e.value.trimmed
      guard let d = ICalTime.day(v.prefix(8)), let m = ICalTime.clock(v),
        let end = zones.instant(day: d, minutes: m, utc: v.hasSuffix("Z"), tzid: e.param("TZID"))
      else { return nil }
      length = end - first
    } else if let d = event.first("DURATION") {
      guard let s = icalDuration(d.value) else { return nil }
      length = s
    }
    // Instants of the occurrences: the rules' days in the event's own
    // calendar (a little wider than the plan's year) at its own clock time.
    let wide = DayRange(from: horizon.from - 2, to: horizon.to + 2)
    var starts: Set<Int> = []
    for rule in event.all("RRULE") {
      var f = ICalTime.ruleFields(rule.value)
      let until = f["UNTIL"]
      f["UNTIL"] = nil
      // DTSTART is always an occurrence (RFC 5545 §3.8.5.3), also where the
      // rule itself would not give it; COUNT then counts the rule's own, as
      // dateutil (and recurring-ical-events) do.
      if let first = zones.instant(day: ownDay, minutes: clock, utc: utc, tzid: tzid) { starts.insert(first) }
      guard let days = RuleExpansion.days(f, start: ownDay, until: nil, within: wide) else { return nil }
      var limit = Int.max
      if let until {
        let u = until.trimmed
        guard let d = ICalTime.day(u.prefix(8)),
          let l = ICalTime.clock(u).flatMap({ zones.instant(day: d, minutes: $0, utc: u.hasSuffix("Z"), tzid: tzid) })
            ?? zones.instant(day: d, minutes: 1439, utc: false, tzid: tzid)  // a date: the whole of that day
        else { return nil }
        limit = l
      }
      for d in days {
        if let t = zones.instant(day: d, minutes: clock, utc: utc, tzid: tzid), t <= limit { starts.insert(t) }
      }
    }
    for p in event.all("RDATE") {
      // A period (start/end) has a length of its own: the general import reports it.
      guard p.param("VALUE") != "PERIOD" else { return nil }
      for v in p.value.split(separator: ",") {
        let s = String(v).trimmed
        guard !s.contains("/"), let d = ICalTime.day(s.prefix(8)) else { return nil }
        let m = ICalTime.clock(s) ?? clock
        let z = s.hasSuffix("Z") ? nil : p.param("TZID") ?? tzid
        if let t = zones.instant(day: d, minutes: m, utc: s.hasSuffix("Z"), tzid: z) { starts.insert(t) }
      }
    }
    var excluded: Set<Int> = []
    for p in event.all("EXDATE") {
      for v in p.value.split(separator: ",") {
        let s = String(v).trimmed
        guard let d = ICalTime.day(s.prefix(8)) else { continue }
        // An EXDATE as a date takes out that day's occurrence.
        let m = ICalTime.clock(s) ?? clock
        let z = s.hasSuffix("Z") ? nil : p.param("TZID") ?? tzid
        if let t = zones.instant(day: d, minutes: m, utc: s.hasSuffix("Z"), tzid: z) { excluded.insert(t) }
      }
    }
    var out: [Occurrence] = []
    for t in starts.subtracting(excluded).sorted() {
      let start = zones.planLocal(t)
      guard horizon.contains(start.day) else { continue }
      out.append(Occurrence(start: start, end: zones.planLocal(t + length)))
    }
    return out
  }

  /// The occurrences in runs that keep one clock time, one length and one
  /// weekday step in the plan's zone (a weekly 17:00 UTC meeting: 18:00 in
  /// winter, 19:00 in summer, 18:00 again).
  static func runs(_ all: [Occurrence]) -> [[Occurrence]] {
    var out: [[Occurrence]] = []
    for o in all {
      if let last = out.last?.last, last.start.minutes == o.start.minutes, last.end.minutes == o.end.minutes,
        last.end.day - last.start.day == o.end.day - o.start.day
      {
        out[out.count - 1].append(o)
      } else {
        out.append([o])
      }
    }
    return out
  }

  /// What the plan's own repeat of `a` gives in `horizon`, told the same way.
  static func planned(_ a: Activity, horizon: DayRange) -> [Occurrence] {
    guard let time = a.time else { return [] }
    return a.occurrences(in: horizon).filter { horizon.contains($0.start) }.map { o in
      let endMinutes = time.end.minutes == 1439 ? 0 : time.end.minutes
      let endDay = time.end.minutes == 1439 ? o.end + 1 : o.end
      return Occurrence(
        start: ICalTime(day: o.start, minutes: time.start.minutes), end: ICalTime(day: endDay, minutes: endMinutes))
    }
  }

  /// How an occurrence fits a plan's day: a time span within it (or to
  /// midnight), no length (or an end before its start on the clock, at the
  /// autumn change), or across midnight (then whole days).
  enum Shape: Hashable {
    case timed, noLength, acrossMidnight
  }

  static func shape(_ o: Occurrence) -> Shape {
    let s = o.start.minutes ?? 0
    let e = o.end.minutes ?? 0
    if o.end.day == o.start.day { return e > s ? .timed : .noLength }
    if o.end.day == o.start.day + 1 && e == 0 { return s > 0 ? .timed : .acrossMidnight }
    return o.end.day > o.start.day ? .acrossMidnight : .noLength
  }

  /// One occurrence as a single activity (the plan's clock; a night across
  /// midnight ends at 23.59, longer ones are whole days).
  static func single(_ base: Activity, _ o: Occurrence) -> Activity {
    var a = base
    a.repeatRule = nil
    a.start = o.start.day
    a.end = o.start.day
    a.time = nil
    let s = o.start.minutes ?? 0
    let e = o.end.minutes ?? 0
    if o.end.day == o.start.day && e > s {
      a.time = ClockSpan(start: TimeOfDay(hour: s / 60, minute: s % 60)!, end: TimeOfDay(hour: e / 60, minute: e % 60)!)
    } else if o.end.day == o.start.day + 1 && e == 0 {
      a.time = ClockSpan(start: TimeOfDay(hour: s / 60, minute: s % 60)!, end: TimeOfDay(hour: 23, minute: 59)!)
    } else if o.end.day > o.start.day {
      a.end = e == 0 ? o.end.day - 1 : o.end.day
    }
    return a
  }
}
