import Foundation
import PlanModel

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
    String(decoding: exportBytes(plan, options: options), as: UTF8.self)
  }

  /// The calendar as the UTF-8 bytes of the file.
  public static func exportBytes(_ plan: Plan, options: ICalendarOptions) -> [UInt8] {
    PieceOutput.kept(expecting: 64 * 1024 + plan.activities.count * 400) { write(plan, options: options, into: $0) }
      .bytes
  }

  /// Events written at a time: as many as keep every core busy, few enough
  /// that the file is never held whole (20,000 activities make 6.6 MB).
  static let batch = 4096

  /// The file, handed to `out` as it is made. A big plan's events are made
  /// in parts on all cores, a batch at a time, and handed on in order, so
  /// the bytes are the same as one pass.
  public static func write(_ plan: Plan, options: ICalendarOptions, into out: PieceOutput) {
    var c = ContentLines(capacity: 8192)
    let w = Wording(plan.language)
    let themeFilter = options.themes.map(Set.init)
    func wanted(_ theme: String) -> Bool { themeFilter?.contains(theme) ?? true }

    // Indices are sorted, not the items: an activity is a big value to move.
    let activities = plan.activities.indices.filter { i in
      guard wanted(plan.activities[i].theme) else { return false }
      guard let r = options.range else { return true }
      var any = false
      plan.activities[i].forEachOccurrence(in: r) { _ in any = true }
      return any
    }.sorted { i, j in
      // Fields, not whole items: copying an activity costs a retain per string.
      let (si, sj) = (plan.activities[i].start, plan.activities[j].start)
      return si != sj ? si < sj : plan.activities[i].id < plan.activities[j].id
    }
    let milestones = plan.milestones.indices.filter { i in
      let m = plan.milestones[i]
      return wanted(m.theme) && (options.range?.contains(m.date) ?? true)
    }.sorted { i, j in
      let (di, dj) = (plan.milestones[i].date, plan.milestones[j].date)
      return di != dj ? di < dj : plan.milestones[i].id < plan.milestones[j].id
    }

    c.add("BEGIN", "VCALENDAR")
    c.add("VERSION", "2.0")
    c.add("PRODID", productID)
    c.add("CALSCALE", "GREGORIAN")
    // No METHOD: a file for import and subscription is not an iTIP message,
    // and METHOD:PUBLISH would oblige every event to carry an ORGANIZER
    // (RFC 5546 §3.2.1), which libical-based clients check.
    // TEXT escaping drops control characters itself: no separate pass.
    c.text("NAME", plan.title)
    c.text("X-WR-CALNAME", plan.title)
    // The years the timed events reach, for the time zone's rules.
    var first = Int.max
    var last = Int.min
    for i in activities where plan.activities[i].time != nil {
      first = min(first, plan.activities[i].start.year)
    }
    for i in activities where plan.activities[i].time != nil {
      last = max(last, plan.activities[i].lastDay?.year ?? max(plan.activities[i].start.year, first) + 10)
    }
    if first != Int.max {
      c.add("X-WR-TIMEZONE", plan.timeZone)
      VTimeZone.write(plan.timeZone, years: (first - 1)...(last + 1), into: &c)
    }
    let stamp = utcStamp(options.stamp)
    let zone = TimeZoneRules.zone(plan.timeZone)
    // Each theme's CATEGORIES value, escaped once rather than per event.
    let categories = Dictionary(uniqueKeysWithValues: plan.themes.map { ($0.id, ContentLines.escape($0.name)) })
    let tz = "TZID=" + plan.timeZone
    out.append(bytes: c.bytes)
    // The events are independent: a batch is written in parts on all
    // cores and the parts handed on in order, so the output is the same.
    for first in stride(from: 0, to: activities.count, by: batch) {
      let batch = activities[first..<min(activities.count, first + batch)]
      let parts = InParts.map(count: batch.count, threshold: 2000) { range in
        var lines = ContentLines(capacity: 400 * range.count + 1024)
        for i in batch[(batch.startIndex + range.lowerBound)..<(batch.startIndex + range.upperBound)] {
          event(
            plan.activities[i], plan: plan, stamp: stamp, wording: w, zone: zone, tz: tz, categories: categories,
            into: &lines)
        }
        return lines.bytes
      }
      for part in parts { out.append(bytes: part) }
    }
    var tail = ContentLines()
    for i in milestones { event(plan.milestones[i], plan: plan, stamp: stamp, wording: w, into: &tail) }
    tail.add("END", "VCALENDAR")
    out.append(bytes: tail.bytes)
    out.finish()
  }

  static func date(_ d: Day) -> String {
    let (y, m, dd) = d.ymd
    return pad(y, 4) + pad(m, 2) + pad(dd, 2)
  }

  static func utcStamp(_ seconds: Int) -> String {
    let day = Day(seconds: seconds)
    let rest = seconds - day.ordinal * 86400
    return date(day) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2) + "Z"
  }

  static func event(
    _ a: borrowing Activity, plan: Plan, stamp: String, wording w: Wording, zone: TimeZone?, tz: String,
    categories: [String: String], into c: inout ContentLines
  ) {
    c.add("BEGIN", "VEVENT")
    // A foreign UID is TEXT from elsewhere and is escaped; our own is ids.
    if let foreign = EventUID.foreign(a) {
      c.text("UID", foreign)
    } else {
      c.add("UID", EventUID.own(a.id, plan))
    }
    c.add("DTSTAMP", stamp)
    if let t = a.time {
      c.date("DTSTART", params: tz, a.start, t.start)
      c.date("DTEND", params: tz, a.end, t.end)
    } else {
      c.date("DTSTART", params: "VALUE=DATE", a.start)
      c.date("DTEND", params: "VALUE=DATE", a.end + 1)  // exclusive
    }
    if let r = a.repeatRule {
      c.add("RRULE", rrule(r, a, plan, zone: zone))
      for d in r.except.sorted() {
        if let t = a.time {
          c.date("EXDATE", params: tz, d, t.start)
        } else {
          c.date("EXDATE", params: "VALUE=DATE", d)
        }
      }
    }
    c.text("SUMMARY", a.title)
    let notes = a.notes.flatMap { $0.isEmpty ? nil : $0 }
    let owner = a.owner.flatMap { $0.isEmpty ? nil : $0 }
    if notes != nil || owner != nil {
      c.begin("DESCRIPTION")
      if let notes { c.escaped(notes) }
      if let owner {
        if notes != nil { c.escaped("\n\n") }
        c.raw(ICalendarConventions.ownerTag(w))
        c.escaped(owner)
      }
      c.end()
    }
    if let loc = a.location, !loc.isEmpty { c.text("LOCATION", loc) }
    c.add("CATEGORIES", categories[a.theme] ?? ContentLines.escape(a.theme))
    if a.status == .cancelled { c.add("STATUS", "CANCELLED") }
    if a.time == nil { c.add("TRANSP", "TRANSPARENT") }
    c.add("END", "VEVENT")
  }

  static func rrule(_ r: Repeat, _ a: Activity, _ plan: Plan, zone: TimeZone?) -> String {
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
        let offset = zone.map { TimeZoneRules.offset($0, day: u, minutes: t.start.minutes) } ?? 0
        parts.append("UNTIL=" + utcStamp(u.ordinal * 86400 + t.start.minutes * 60 - offset))
      } else {
        parts.append("UNTIL=" + date(u))
      }
    }
    return parts.joined(separator: ";")
  }

  static func event(_ m: borrowing Milestone, plan: Plan, stamp: String, wording w: Wording, into c: inout ContentLines)
  {
    let theme = plan.theme(m.theme)?.name ?? m.theme
    c.add("BEGIN", "VEVENT")
    c.add("UID", EventUID.of(m, plan))
    c.add("DTSTAMP", stamp)
    c.date("DTSTART", params: "VALUE=DATE", m.date)
    c.date("DTEND", params: "VALUE=DATE", m.date + 1)
    c.text("SUMMARY", ICalendarConventions.milestoneMark + m.title)
    var description = ICalendarConventions.milestoneHead(done: m.done, w)
    if let notes = m.notes, !notes.isEmpty { description += "\n\n" + notes }
    c.text("DESCRIPTION", description)
    c.add("CATEGORIES", ContentLines.escape(theme) + "," + ContentLines.escape(w.milestoneWord))
    c.add("TRANSP", "TRANSPARENT")
    c.add("X-ARSHJUL-KIND", "milestone")
    c.add("END", "VEVENT")
  }
}
