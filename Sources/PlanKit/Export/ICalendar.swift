public struct ICalendarOptions: Sendable {
  /// Only items with an occurrence in this range; nil = all.
  public var range: DayRange?
  /// Only these themes; nil = all.
  public var themes: [String]?
  /// DTSTAMP, seconds since 1970 UTC: the clock comes from outside so that
  /// the same plan always gives the same file but for this line.
  public var stamp: Int

  public init(range: DayRange? = nil, themes: [String]? = nil, stamp: Int) {
    self.range = range
    self.themes = themes
    self.stamp = stamp
  }
}

/// The plan as an iCalendar (RFC 5545) calendar: one VEVENT per activity
/// (all-day or timed in the plan's zone, with RRULE/EXDATE) and one all-day
/// VEVENT per milestone.
public enum ICalendar {
  public static let productID = "-//arshjul//arshjul year-wheel planner//EN"

  public static func export(_ plan: Plan, options: ICalendarOptions) -> String {
    var c = ContentLines()
    let w = Wording(plan.language)
    let themeFilter = options.themes.map(Set.init)
    func wanted(_ theme: String) -> Bool { themeFilter?.contains(theme) ?? true }

    let activities = plan.activities.filter { a in
      guard wanted(a.theme) else { return false }
      guard let r = options.range else { return true }
      var any = false
      a.forEachOccurrence(in: r) { _ in any = true }
      return any
    }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    let milestones = plan.milestones.filter { m in
      wanted(m.theme) && (options.range?.contains(m.date) ?? true)
    }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }

    c.add("BEGIN", "VCALENDAR")
    c.add("VERSION", "2.0")
    c.add("PRODID", productID)
    c.add("CALSCALE", "GREGORIAN")
    c.add("METHOD", "PUBLISH")
    c.text("NAME", sanitized(plan.title))
    c.text("X-WR-CALNAME", sanitized(plan.title))
    let timed = activities.filter { $0.time != nil }
    if !timed.isEmpty {
      c.add("X-WR-TIMEZONE", plan.timeZone)
      let first = timed.map(\.start.year).min()!
      let last = timed.map { a in a.lastDay?.year ?? max(a.start.year, first) + 10 }.max()!
      VTimeZone.write(plan.timeZone, years: (first - 1)...(last + 1), into: &c)
    }
    let stamp = utcStamp(options.stamp)
    for a in activities { event(a, plan: plan, stamp: stamp, wording: w, into: &c) }
    for m in milestones { event(m, plan: plan, stamp: stamp, wording: w, into: &c) }
    c.add("END", "VCALENDAR")
    return c.text
  }

  static func uid(_ item: String, _ plan: Plan) -> String { "\(item)-\(plan.id)@arshjul" }

  static func date(_ d: Day) -> String {
    let (y, m, dd) = d.ymd
    return pad(y, 4) + pad(m, 2) + pad(dd, 2)
  }

  static func local(_ d: Day, _ t: TimeOfDay) -> String {
    date(d) + "T" + pad(t.hour, 2) + pad(t.minute, 2) + "00"
  }

  static func utcStamp(_ seconds: Int) -> String {
    let day = Day(ordinal: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    let rest = seconds - day.ordinal * 86400
    return date(day) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2) + "Z"
  }

  static func event(_ a: Activity, plan: Plan, stamp: String, wording w: Wording, into c: inout ContentLines) {
    let theme = plan.theme(a.theme)?.name ?? a.theme
    c.add("BEGIN", "VEVENT")
    c.add("UID", uid(a.id, plan))
    c.add("DTSTAMP", stamp)
    if let t = a.time {
      let tz = "TZID=" + plan.timeZone
      c.add("DTSTART", params: tz, local(a.start, t.start))
      c.add("DTEND", params: tz, local(a.end, t.end))
    } else {
      c.add("DTSTART", params: "VALUE=DATE", date(a.start))
      c.add("DTEND", params: "VALUE=DATE", date(a.end + 1))  // exclusive
    }
    if let r = a.repeatRule {
      c.add("RRULE", rrule(r, a, plan))
      for d in r.except.sorted() {
        if let t = a.time {
          c.add("EXDATE", params: "TZID=" + plan.timeZone, local(d, t.start))
        } else {
          c.add("EXDATE", params: "VALUE=DATE", date(d))
        }
      }
    }
    c.text("SUMMARY", sanitized(a.title))
    var description: [String] = []
    if let notes = a.notes, !notes.isEmpty { description.append(sanitized(notes, keepNewlines: true)) }
    if let owner = a.owner, !owner.isEmpty { description.append("\(w.ownerWord): \(sanitized(owner))") }
    if !description.isEmpty { c.text("DESCRIPTION", description.joined(separator: "\n\n")) }
    if let loc = a.location, !loc.isEmpty { c.text("LOCATION", sanitized(loc)) }
    c.add("CATEGORIES", ContentLines.escape(sanitized(theme)))
    if a.status == .cancelled { c.add("STATUS", "CANCELLED") }
    if a.time == nil { c.add("TRANSP", "TRANSPARENT") }
    c.add("END", "VEVENT")
  }

  static func rrule(_ r: Repeat, _ a: Activity, _ plan: Plan) -> String {
    var parts: [String] = []
    switch r.every {
    case .week: parts.append("FREQ=WEEKLY")
    case .month: parts.append("FREQ=MONTHLY")
    case .year: parts.append("FREQ=YEARLY")
    }
    if r.interval != 1 { parts.append("INTERVAL=\(r.interval)") }
    if r.every == .month {
      let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][a.start.weekday - 1]
      switch r.monthlyOn {
      case .date: parts.append("BYMONTHDAY=\(a.start.dayOfMonth)")
      case .weekday: parts.append("BYDAY=\(a.start.weekdayOrdinalInMonth)\(day)")
      case .lastWeekday: parts.append("BYDAY=-1\(day)")
      }
    }
    switch r.end {
    case .never: break
    case .count(let n): parts.append("COUNT=\(n)")
    case .until(let u):
      if let t = a.time {
        // With a TZID on DTSTART, UNTIL must be UTC (RFC 5545 §3.3.10): the
        // start of an occurrence on the last day, in UTC.
        let offset = TimeZoneRules.offset(plan.timeZone, day: u, minutes: t.start.minutes)
        parts.append("UNTIL=" + utcStamp(u.ordinal * 86400 + t.start.minutes * 60 - offset))
      } else {
        parts.append("UNTIL=" + date(u))
      }
    }
    return parts.joined(separator: ";")
  }

  static func event(_ m: Milestone, plan: Plan, stamp: String, wording w: Wording, into c: inout ContentLines) {
    let theme = plan.theme(m.theme)?.name ?? m.theme
    c.add("BEGIN", "VEVENT")
    c.add("UID", uid(m.id, plan))
    c.add("DTSTAMP", stamp)
    c.add("DTSTART", params: "VALUE=DATE", date(m.date))
    c.add("DTEND", params: "VALUE=DATE", date(m.date + 1))
    c.text("SUMMARY", "◆ " + sanitized(m.title))
    var description = "\(w.milestoneWord) (\(w.milestoneState(m.done)))"
    if let notes = m.notes, !notes.isEmpty { description += "\n\n" + sanitized(notes, keepNewlines: true) }
    c.text("DESCRIPTION", description)
    c.add("CATEGORIES", ContentLines.escape(sanitized(theme)) + "," + ContentLines.escape(w.milestoneWord))
    c.add("TRANSP", "TRANSPARENT")
    c.add("X-ARSHJUL-KIND", "milestone")
    c.add("END", "VEVENT")
  }
}
