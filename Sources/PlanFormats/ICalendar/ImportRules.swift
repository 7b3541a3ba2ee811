import PlanModel

/// How a calendar's repeat rules become a plan's: mapped where the plan
/// can say the same, expanded into single days where it cannot.
extension ICalendarImport {
  /// Nil when the event is not a repeat in a zone of its own, or is one
  /// the plan cannot say and `--expand` was not given (then it is listed).
  static func foreignRepeat(
    _ event: ICalComponent, _ activity: Activity, zones: ICalTime.Zones, plan: Plan, expand: Bool
  )
    -> ForeignRepeat?
  {
    guard event.first("RRULE") != nil, let startProp = event.first("DTSTART"),
      OwnZoneOccurrences.isForeign(startProp, zones: zones, plan: plan)
    else { return nil }
    let horizon = plan.yearRange(plan.planningYear(today: activity.start))
    guard let real = OwnZoneOccurrences.occurrences(event, zones: zones, horizon: horizon) else { return nil }
    // Thursday 23:30 UTC is Friday here: the weekly BYDAY, read as the plan's weekday.
    var shift = 0
    if let own = ICalTime.day(startProp.value.trimmed.prefix(8)) {
      shift = ((activity.start.weekday - own.weekday) % 7 + 7) % 7
      if shift == 6 { shift = -1 }
    }
    let (rule, unsaid) = ruleProblem(
      event, activity: activity, overrides: [], plan: plan, zones: zones, weekdayShift: shift)
    if unsaid == nil {
      var mapped = activity
      mapped.repeatRule = rule
      if let rule, OwnZoneOccurrences.planned(mapped, horizon: horizon) == real {
        return .keep(rule)
      }
    } else if !expand {
      return nil
    }
    let zone = startProp.value.trimmed.hasSuffix("Z") ? "UTC" : startProp.param("TZID") ?? ""
    var parts: [Activity] = []
    for run in OwnZoneOccurrences.runs(real) {
      if unsaid == nil, run.count > 1, var repeating = rule {
        var piece = OwnZoneOccurrences.single(activity, run[0])
        repeating.end = .until(run[run.count - 1].start.day)
        piece.repeatRule = repeating
        if OwnZoneOccurrences.planned(piece, horizon: horizon) == run,
          problem(of: piece, in: plan, themes: Set(plan.themes.map(\.id))) == nil
        {
          parts.append(piece)
          continue
        }
      }
      parts += run.map { OwnZoneOccurrences.single(activity, $0) }
    }
    return .parts(
      parts, occurrences: real,
      why: unsaid.map { "\($0) (in \(zone))" }
        ?? "repeats in \(zone), where its time in the plan's zone (\(plan.timeZone)) is not the same all year")
  }

  /// The plan's repeat for the event, or why it cannot have one (a repeat
  /// neither: no RRULE). Mapped once per event: the check of the mapped
  /// rule is a plan's validation, a tenth of an import.
  static func ruleProblem(
    _ event: ICalComponent, activity: Activity, overrides: [ICalComponent], plan: Plan, zones: ICalTime.Zones,
    weekdayShift: Int = 0
  ) -> (rule: Repeat?, problem: String?) {
    if overrides.contains(where: { $0.first("RECURRENCE-ID")?.param("RANGE")?.uppercased() == "THISANDFUTURE" }) {
      return (nil, "a change to one occurrence and all after it (RANGE=THISANDFUTURE)")
    }
    if !overrides.isEmpty { return (nil, "\(overrides.count) single occurrence(s) changed (RECURRENCE-ID)") }
    if event.all("RRULE").count > 1 { return (nil, "\(event.all("RRULE").count) repeat rules (RRULE)") }
    if event.first("RDATE") != nil { return (nil, "extra dates (RDATE)") }
    guard event.first("RRULE") != nil else { return (nil, nil) }
    return mapRule(event, activity, plan, zones: zones, weekdayShift: weekdayShift)
  }

  /// The plan's repeat for an event's RRULE and EXDATEs.
  /// `weekdayShift`: how many days the plan's date is from the event's own
  /// (Thursday 23:30 UTC is Friday in Stockholm: +1), so a weekly BYDAY is
  /// read as the plan's weekday.
  static func mapRule(_ event: ICalComponent, _ a: Activity, _ plan: Plan, zones: ICalTime.Zones, weekdayShift: Int = 0)
    -> (
      rule: Repeat?, problem: String?
    )
  {
    guard let raw = event.first("RRULE")?.value else { return (nil, nil) }
    let f = ICalTime.ruleFields(raw)
    let allowed: Set<String> = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"]
    if let other = f.keys.sorted().first(where: { !allowed.contains($0) }) { return (nil, "the rule uses \(other)") }
    let interval = f["INTERVAL"].flatMap(Int.init) ?? 1
    var on: Repeat.MonthlyOn?
    let every: Repeat.Frequency
    switch f["FREQ"] {
    case "WEEKLY":
      every = .week
      if f["BYMONTHDAY"] != nil || f["BYMONTH"] != nil { return (nil, "a weekly rule limited to some months or days") }
      if let byday = f["BYDAY"] {
        guard let (n, wd) = ICalTime.ordinalWeekday(byday), n == 0,
          (wd - 1 + weekdayShift + 7) % 7 + 1 == a.start.weekday,
          !byday.contains(",")
        else {
          return (nil, "weekly on several days or another day than it starts (BYDAY=\(byday))")
        }
      }
    case "MONTHLY":
      every = .month
      if f["BYMONTH"] != nil { return (nil, "a monthly rule limited to some months") }
      if let byday = f["BYDAY"] {
        guard !byday.contains(","), f["BYMONTHDAY"] == nil, let (n, wd) = ICalTime.ordinalWeekday(byday), n != 0,
          wd == a.start.weekday
        else { return (nil, "a monthly rule on several or other weekdays (BYDAY=\(byday))") }
        if n == -1 {
          on = .lastWeekday
        } else if n == a.start.weekdayOrdinalInMonth {
          on = .weekday
        } else {
          return (nil, "BYDAY=\(byday) is not the weekday it starts on")
        }
      } else if let md = f["BYMONTHDAY"], Int(md) != a.start.dayOfMonth {
        return (nil, "BYMONTHDAY=\(md) is not the day it starts on")
      }
    case "YEARLY":
      every = .year
      if f["BYDAY"] != nil { return (nil, "a yearly rule on weekdays") }
      if let m = f["BYMONTH"], Int(m) != a.start.month { return (nil, "BYMONTH=\(m) is not the month it starts in") }
      if let md = f["BYMONTHDAY"], Int(md) != a.start.dayOfMonth {
        return (nil, "BYMONTHDAY=\(md) is not the day it starts on")
      }
    case let freq:
      return (nil, "FREQ=\(freq ?? "?") has no repeat of its own in a plan")
    }
    var end = Repeat.End.never
    if let u = f["UNTIL"] {
      guard let day = untilDay(u, of: event, a, zones: zones) else { return (nil, "UNTIL=\(u) is not a date") }
      end = .until(day)
    } else if let c = f["COUNT"].flatMap(Int.init) {
      end = .count(c)
    }
    var rule = Repeat(every: every, interval: interval, on: on, end: end)
    // EXDATE: the days skipped; one that is not an occurrence changes nothing.
    var probe = a
    probe.repeatRule = rule
    for p in event.all("EXDATE") {
      for v in p.value.split(separator: ",") {
        guard let t = zones.planOnly.local(String(v), tzid: p.param("TZID")) else { continue }
        if probe.occurrences(in: DayRange(from: t.day, to: t.day)).contains(where: { $0.start == t.day }) {
          rule.except.append(t.day)
        }
      }
    }
    rule.except = Array(Set(rule.except)).sorted()
    probe.repeatRule = rule
    if let problem = problem(of: probe, in: plan, themes: Set(plan.themes.map(\.id))) { return (nil, problem) }
    return (rule, nil)
  }

  /// The last day an UNTIL lets in. For a rule of whole days it is the
  /// date as written, also when a time in UTC follows it (23:00Z on the
  /// 23rd is the 24th in Stockholm, and would add a day); for a timed rule
  /// the instant in the plan's time (`lastDay`).
  static func untilDay(_ u: String, of event: ICalComponent, _ a: Activity, zones: ICalTime.Zones) -> Day? {
    if let start = event.first("DTSTART"), start.param("VALUE") == "DATE" || start.value.trimmed.count == 8 {
      return ICalTime.day(u.trimmed.prefix(8))
    }
    return zones.planOnly.local(u, tzid: nil).map { lastDay($0, startMinutes: a.time?.start.minutes) }
  }

  /// UNTIL is an instant: its day counts only when that day's occurrence
  /// starts by then (Google writes 22:59:59Z, the end of a day in Stockholm).
  static func lastDay(_ until: ICalTime, startMinutes: Int?) -> Day {
    guard let u = until.minutes, let s = startMinutes else { return until.day }
    return s <= u ? until.day : until.day - 1
  }

  /// A repeating event as single occurrences within the plan's year: its
  /// RRULE (and RDATE) expanded, EXDATEs left out, changed ones as changed.
  static func expandEvent(
    _ event: ICalComponent, activity: Activity, uid: String, overrides: [ICalComponent], zones: ICalTime.Zones,
    plan: Plan
  ) -> [(uid: String, activity: Activity)]? {
    // A change to this and every later occurrence is a new series from
    // there: not something single occurrences can be made from here.
    if overrides.contains(where: { $0.first("RECURRENCE-ID")?.param("RANGE")?.uppercased() == "THISANDFUTURE" }) {
      return nil
    }
    let horizon = plan.yearRange(plan.planningYear(today: activity.start))
    var days: [Day] = [activity.start]
    // Every RRULE's days (a second rule adds its own).
    let rules = event.all("RRULE")
    if !rules.isEmpty { days = [] }
    for rule in rules {
      var f = ICalTime.ruleFields(rule.value)
      let until = f["UNTIL"].flatMap { untilDay($0, of: event, activity, zones: zones) }
      f["UNTIL"] = nil
      guard let list = RuleExpansion.days(f, start: activity.start, until: until, within: horizon) else { return nil }
      days += list
    }
    // DTSTART is always an occurrence (RFC 5545 §3.8.5.3), also where the rule would not give it.
    if horizon.contains(activity.start) { days.append(activity.start) }
    // An RDATE at another time than the series' (two that day, say) is an
    // occurrence of its own, at its own time.
    var atOwnTime: [ICalTime] = []
    for p in event.all("RDATE") {
      for v in p.value.split(separator: ",") {
        guard let t = zones.local(String(v), tzid: p.param("TZID")), horizon.contains(t.day) else { continue }
        if let m = t.minutes, m != activity.time?.start.minutes { atOwnTime.append(t) } else { days.append(t.day) }
      }
    }
    var excluded = Set<Day>()
    for p in event.all("EXDATE") {
      for v in p.value.split(separator: ",") {
        if let t = zones.local(String(v), tzid: p.param("TZID")) { excluded.insert(t.day) }
      }
    }
    var moved: [Day: ICalComponent] = [:]
    for o in overrides {
      if let r = o.first("RECURRENCE-ID"), let t = zones.local(r) { moved[t.day] = o }
    }
    let length = activity.end - activity.start
    var out: [(String, Activity)] = []
    for day in Set(days).subtracting(excluded).sorted() {
      var single = activity
      single.repeatRule = nil
      single.start = day
      single.end = day + length
      if let o = moved[day] {
        if o.first("STATUS")?.value.uppercased() == "CANCELLED" { continue }
        if let s = o.first("DTSTART").flatMap(zones.local) {
          var ignored: [String] = []
          var errs: [ImportProblem] = []
          if var changed = makeActivity(
            o, start: s, zones: zones, plan: plan, wording: Wording(plan.language),
            summary: o.first("SUMMARY")?.text ?? activity.title, notes: &ignored, file: "", errors: &errs)
          {
            changed.theme = activity.theme
            single = changed
          }
        }
      }
      out.append((uid + "#" + day.iso, single))
    }
    for t in atOwnTime where !excluded.contains(t.day) {
      var single = activity
      single.repeatRule = nil
      single.start = t.day
      single.end = t.day + length
      if let time = activity.time, let m = t.minutes {
        let end = min(1439, m + time.end.minutes - time.start.minutes)
        single.time = ClockSpan(
          start: TimeOfDay(hour: m / 60, minute: m % 60)!, end: TimeOfDay(hour: end / 60, minute: end % 60)!)
      }
      out.append((uid + "#" + t.day.iso + "T" + String(t.minutes ?? 0), single))
    }
    return out.sorted { ($0.1.start, $0.0) < ($1.1.start, $1.0) }
  }
}
