import Foundation

/// What an import did (or, with --dry-run, would do).
public struct ImportReport: Sendable {
  public init() {}
  public var added: [String] = []
  public var updated: [String] = []
  public var unchanged = 0
  /// Events not brought in, each with its UID, title and why.
  public var skipped: [String] = []
  /// Items of an earlier import from the same source that the file no longer has (kept).
  public var gone: [String] = []
  /// Anything else worth a line (components skipped, times rounded).
  public var notes: [String] = []

  public var changed: Bool { !added.isEmpty || !updated.isEmpty }
}

/// What in an input file cannot be imported, and where: data; the words
/// `FILE:LINE: error: …` (an error) or `FILE:LINE: …` (a skipped event in
/// the report) are made from it in one place.
public struct ImportProblem: Sendable, Equatable {
  /// "kalender.ics:12", or the file's name alone.
  public var place: String
  public var message: String

  public init(file: String, line: Int? = nil, _ message: String) {
    place = visibleName(file) + (line.map { ":\($0)" } ?? "")
    self.message = message
  }

  /// As editors and CI read an error.
  public var errorLine: String { "\(place): error: \(message)" }
  /// As the report lists what was skipped.
  public var skipLine: String { "\(place): \(message)" }
}

/// An input that cannot be imported; nothing is written.
public struct ImportError: Error, Sendable {
  public var problems: [ImportProblem]
  public init(_ problems: [ImportProblem]) { self.problems = problems }
  /// `FILE:LINE: error: …`, one a problem.
  public var lines: [String] { problems.map(\.errorLine) }
}

/// iCalendar (RFC 5545) in: VEVENTs become activities (or, for this plan's
/// own milestones, milestones again), idempotently — an event of this plan
/// maps back to its item by UID, a foreign one is matched by the UID kept on
/// the activity, one without a UID by its start and summary — so the same
/// file imported twice changes nothing the second time.
public enum ICalendarImport {
  /// The `uid` kept for an event that had none: its start and summary.
  public static let keyPrefix = "nouid:"

  struct Item {
    var uid: String
    var ownID: String?
    var isMilestone: Bool
    var activity: Activity
    var done = false
    var line: Int
  }

  /// The calendar's own name (X-WR-CALNAME, as Google, Apple and arshjul
  /// write it), when it has one.
  public static func calendarName(_ bytes: [UInt8]) -> String? {
    guard let roots = try? ICalendarParser.parse(bytes), let name = roots.first?.first("X-WR-CALNAME")?.text,
      !name.trimmed.isEmpty
    else { return nil }
    return oneLine(name)
  }

  public static func apply(
    _ bytes: [UInt8], file: String, to plan: inout Plan, theme: String?, expand: Bool
  ) throws(ImportError) -> ImportReport {
    let roots: [ICalComponent]
    do {
      roots = try ICalendarParser.parse(bytes)
    } catch {
      throw ImportError([ImportProblem(file: file, line: error.line, error.message)])
    }
    var report = ImportReport()
    var errors: [ImportProblem] = []
    var items: [Item] = []
    let source = (file as NSString).lastPathComponent
    let w = Wording(plan.language)
    if roots.allSatisfy({ !$0.children.contains { $0.name == "VEVENT" } }),
      roots.contains(where: { $0.children.contains { $0.name == "VTODO" } })
    {
      throw ImportError([ImportProblem(file: file, line: 1, "the file holds only tasks (VTODO), no events to bring in")]
      )
    }
    for cal in roots {
      if cal.first(ICalendarParser.wrappedMark) != nil {
        report.notes.append(
          "\(visibleName(file)) has no BEGIN:VCALENDAR; its events were read as if it had (as khal writes them)")
      }
      var skippedKinds: [String: Int] = [:]
      var zonesByID: [String: ICalComponent] = [:]
      for c in cal.children {
        switch c.name {
        case "VTIMEZONE": if let id = c.first("TZID")?.value { zonesByID[id] = c }
        case "VEVENT": break
        default: skippedKinds[c.name, default: 0] += 1
        }
      }
      for (kind, n) in skippedKinds.sorted(by: { $0.key < $1.key }) { report.notes.append("\(n) \(kind) skipped") }
      let zones = ICalTime.Zones(plan: TimeZoneRules.zone(plan.timeZone), file: zonesByID)
      let themeIDs = Set(plan.themes.map(\.id))
      let events = cal.children.filter { $0.name == "VEVENT" }
      let masters = Set(events.filter { $0.first("RECURRENCE-ID") == nil }.compactMap { $0.first("UID")?.value })
      let overrides = Dictionary(grouping: events.filter { $0.first("RECURRENCE-ID") != nil }) {
        $0.first("UID")?.value ?? ""
      }
      var uidsSeen: [String: Int] = [:]
      var themeFor: [String: String?] = [:]
      for event in events {
        // An override whose series is not in the file (an invitation to
        // one occurrence) is an event of its own date; with its series it
        // belongs to the series' rule.
        let recurrence = event.first("RECURRENCE-ID")
        if recurrence != nil, masters.contains(event.first("UID")?.value ?? "") { continue }
        var uidValue = event.first("UID")?.text
        if let id = recurrence?.value, let u = uidValue {
          uidValue = u + "#" + id
          report.notes.append(
            "\(visibleName(file)):\(event.line): \(quoted(u)) changes one occurrence (\(id)) of a series that is not in the file; brought in as an event of its own"
          )
        }
        // Two events with one UID and no RECURRENCE-ID: the second is kept
        // too, under a key made from the UID and its place among them.
        if let u = uidValue {
          uidsSeen[u, default: 0] += 1
          if let n = uidsSeen[u], n > 1 {
            uidValue = "\(u)#\(n)"
            report.notes.append(
              "\(visibleName(file)):\(event.line): a second event with the UID \(quoted(u)); brought in as an item of its own"
            )
          }
        }
        let summary = event.first("SUMMARY")?.text ?? ""
        let label = "\(uidValue ?? "(no UID)") \(quoted(summary))"
        guard let startProp = event.first("DTSTART") else {
          errors.append(ImportProblem(file: file, line: event.line, "VEVENT \(label) has no DTSTART"))
          continue
        }
        guard let start = zones.local(startProp) else {
          errors.append(
            ImportProblem(
              file: file, line: startProp.line, "DTSTART \(quoted(startProp.value)) is not a date or date-time"))
          continue
        }
        var notes: [String] = []
        guard
          var activity = makeActivity(
            event, start: start, zones: zones, plan: plan, wording: w, summary: summary, notes: &notes,
            file: file, errors: &errors)
        else { continue }
        // A zone nobody can tell the offset of: the plan's, and said so.
        if let tzid = startProp.param("TZID"), ICalTime.clock(startProp.value.trimmed) != nil, !zones.knows(tzid) {
          notes.append(
            "the zone \(quoted(tzid)) is not known and the file has no VTIMEZONE for it; its times are taken as the plan's (\(plan.timeZone))"
          )
        }
        // Dates a plan can hold; anything else is this event's error, not the file's.
        guard DateLimits.years.contains(activity.start.year), DateLimits.years.contains(activity.end.year) else {
          errors.append(
            ImportProblem(
              file: file, line: startProp.line,
              "VEVENT \(label): its dates (\(activity.start.iso)–\(activity.end.iso)) are outside \(DateLimits.yearsText)"
            ))
          continue
        }
        let kind = event.first("X-ARSHJUL-KIND")?.value
        let own = uidValue.flatMap { EventUID.ownID($0, plan) }
        let isMilestone = kind == "milestone" && own != nil
        let uid = uidValue ?? keyPrefix + start.day.iso + (start.minutes.map { "T\($0)" } ?? "") + "|" + summary
        // The theme: CATEGORIES by name or id, else --theme, else the item's own.
        let categories = event.all("CATEGORIES").flatMap(\.list)
        // Looked up once per distinct text: every event of an export names its theme.
        var themeID: String?
        for text in categories + (theme.map { [$0] } ?? []) {
          let id = themeFor[text] ?? plan.themeID(for: text)
          themeFor[text] = .some(id)
          if let id {
            themeID = id
            break
          }
        }
        activity.theme = themeID ?? ""
        // A repeat in a zone of its own keeps the plan's repeat only where
        // that gives exactly its occurrences; else they come in one by one.
        var keptRule: Repeat?
        let changed = overrides.isEmpty ? [] : overrides[uidValue ?? ""] ?? []
        if !isMilestone, changed.isEmpty {
          switch foreignRepeat(event, activity, zones: zones, plan: plan, expand: expand) {
          case .keep(let rule)?: keptRule = rule
          case .parts(let parts, let real, let why)?:
            for shape in Set(real.map(OwnZoneOccurrences.shape)) {
              switch shape {
              case .noLength: report.notes.append("\(label): no length in the plan's time; brought in as days")
              case .acrossMidnight:
                report.notes.append("\(label): runs past midnight in the plan's time; brought in as whole days")
              case .timed: break
              }
            }
            for var part in parts {
              fitToLimits(&part, label: label, notes: &notes)
              items.append(
                Item(uid: uid + "#" + part.start.iso, ownID: nil, isMilestone: false, activity: part, line: event.line))
            }
            let repeats = parts.filter { $0.repeatRule != nil }.count
            report.notes.append(
              "\(label): \(why); brought in as "
                + (repeats == 0
                  ? "\(real.count) single occurrences"
                  : "\(parts.count) parts at their own times (\(repeats) repeating)"))
            continue
          case nil: break
          }
        }
        // A rule the plan cannot say: reported, or expanded into single occurrences.
        let (mappedRule, unsupported) =
          keptRule != nil
          ? (keptRule, nil)
          : ruleProblem(event, activity: activity, overrides: changed, plan: plan, zones: zones)
        if let why = unsupported {
          guard expand else {
            report.skipped.append("\(label): \(why); --expand brings in its single occurrences")
            continue
          }
          let singles = expandEvent(
            event, activity: activity, uid: uid, overrides: changed, zones: zones, plan: plan)
          guard let singles else {
            report.skipped.append("\(label): \(why), and it cannot be expanded either")
            continue
          }
          items += singles.map {
            Item(uid: $0.uid, ownID: nil, isMilestone: false, activity: $0.activity, line: event.line)
          }
          report.notes.append("\(label): \(why); brought in as \(singles.count) single occurrences")
          report.notes += notes.map { "\(label): \($0)" }
          continue
        }
        activity.repeatRule = mappedRule
        fitToLimits(&activity, label: label, notes: &report.notes)
        if let why = problem(of: activity, in: plan, themes: themeIDs) {
          errors.append(ImportProblem(file: file, line: event.line, "VEVENT \(label): \(why)"))
          continue
        }
        var item = Item(uid: uid, ownID: own, isMilestone: isMilestone, activity: activity, line: event.line)
        if isMilestone { readMilestone(event, &item, wording: w) }
        report.notes += notes.map { "\(label): \($0)" }
        items.append(item)
      }
    }
    // What could not come in is listed with its place, and the rest comes
    // in; a file none of whose events could is an error.
    if items.isEmpty && !(errors.isEmpty && report.skipped.isEmpty) {
      throw ImportError(errors + report.skipped.map { ImportProblem(file: file, $0) })
    }
    report.skipped += errors.map(\.skipLine)
    try upsert(items, into: &plan, source: source, file: file, report: &report)
    return report
  }

  /// A title over a plan's line limit or notes over its notes limit are cut,
  /// with a note; never silently.
  static func fitToLimits(_ a: inout Activity, label: String, notes: inout [String]) {
    if a.title.count > TextLimits.line {
      a.title = String(a.title.prefix(TextLimits.line))
      notes.append("\(label): the title was cut to \(TextLimits.line) characters")
    }
    if let n = a.notes, n.count > TextLimits.notes {
      a.notes = String(n.prefix(TextLimits.notes))
      notes.append("\(label): the description was cut to \(TextLimits.notes) characters")
    }
    for (name, value) in [("location", a.location), ("owner", a.owner)] {
      if let v = value, v.count > TextLimits.line {
        if name == "location" {
          a.location = String(v.prefix(TextLimits.line))
        } else {
          a.owner = String(v.prefix(TextLimits.line))
        }
        notes.append("\(label): the \(name) was cut to \(TextLimits.line) characters")
      }
    }
  }

  /// Why an activity made from an event could not stand in the plan (a
  /// forbidden character, a rule that ends before it starts…), or nil.
  static func problem(of a: Activity, in plan: Plan, themes: Set<String>) -> String? {
    // Its id and theme are given later (upsert); the rest is checked here.
    var alone = a
    if alone.id.isEmpty { alone.id = "event" }
    if alone.theme.isEmpty { alone.theme = plan.themes.first?.id ?? "" }
    return alone.problems(themes: themes).first?.words
  }

  static func makeActivity(
    _ event: ICalComponent, start: ICalTime, zones: ICalTime.Zones, plan: Plan, wording w: Wording, summary: String,
    notes: inout [String], file: String, errors: inout [ImportProblem]
  ) -> Activity? {
    var end: ICalTime?
    if let p = event.first("DTEND") {
      end = zones.local(p)
      if end == nil {
        errors.append(ImportProblem(file: file, line: p.line, "DTEND \(quoted(p.value)) is not a date or date-time"))
        return nil
      }
    } else if let p = event.first("DURATION") {
      guard let seconds = icalDuration(p.value) else {
        errors.append(ImportProblem(file: file, line: p.line, "DURATION \(quoted(p.value)) is not a duration"))
        return nil
      }
      let total = start.day.ordinal * 86400 + (start.minutes ?? 0) * 60 + seconds
      let day = Day(seconds: total)
      end = ICalTime(day: day, minutes: start.minutes == nil ? nil : (total - day.ordinal * 86400) / 60)
      if start.minutes == nil { end = ICalTime(day: Day(seconds: total), minutes: nil) }
    }
    var a = Activity(id: "", title: summary.trimmed.isEmpty ? "(utan titel)" : summary, theme: "", start: start.day)
    if let startMinutes = start.minutes {
      let e = end ?? start
      let endTotal = e.day.ordinal * 1440 + (e.minutes ?? 0)
      let startTotal = start.day.ordinal * 1440 + startMinutes
      if startMinutes == 0 && endTotal - startTotal >= 1439 {
        // A whole day written as midnight plus (almost) 24 hours, as calcurse does.
        a.end = Day(seconds: (endTotal - 1) * 60)
      } else if endTotal <= startTotal {
        notes.append("no length; brought in as a day")
      } else if e.day == start.day || (e.day == start.day + 1 && e.minutes == 0) {
        let endOfDay = e.day == start.day ? e.minutes! : 1439
        a.time = ClockSpan(
          start: TimeOfDay(hour: startMinutes / 60, minute: startMinutes % 60)!,
          end: TimeOfDay(hour: endOfDay / 60, minute: endOfDay % 60)!)
      } else {
        a.end = Day(seconds: (endTotal - 1) * 60)
        notes.append("timed over several days; brought in as whole days")
      }
    } else if let e = end, e.day > start.day {
      a.end = e.day - 1  // DTEND of a DATE is the day after
      if e.minutes != nil { notes.append("a date that ends at a time; brought in as whole days") }
    } else if end != nil {
      notes.append("no length; brought in as a day")
    }
    if let loc = event.first("LOCATION")?.text, !loc.trimmed.isEmpty { a.location = oneLine(loc) }
    var description = event.first("DESCRIPTION")?.text
    // Our own export writes the owner last in the description: read it back.
    if let d = description, let found = ICalendarConventions.owner(in: d) {
      a.owner = found.owner
      description = found.rest
    }
    if a.owner == nil, let cn = event.first("ORGANIZER")?.param("CN"), !cn.trimmed.isEmpty { a.owner = oneLine(cn) }
    if let d = description, !d.trimmed.isEmpty { a.notes = noteText(d) }
    if event.first("STATUS")?.value.uppercased() == "CANCELLED" { a.status = .cancelled }
    a.title = oneLine(a.title)
    return a
  }

  /// A description as a plan's notes hold it: line breaks as "\n", other
  /// control characters (which a plan does not hold) as spaces, and every
  /// other character as it is — U+2028, bidi marks and zero-width joiners
  /// included, so the plan's own export comes back unchanged.
  static func noteText(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" }) else { return s }
    var out = String.UnicodeScalarView()
    var lastCR = false
    for scalar in s.unicodeScalars {
      defer { lastCR = scalar == "\r" }
      if scalar == "\n" {
        if !lastCR { out.append("\n") }
      } else if scalar == "\r" {
        out.append("\n")
      } else if isControl(scalar) {
        out.append(" ")
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  static func oneLine(_ s: String) -> String {
    let t = sanitized(s).trimmed
    return t.unicodeScalars.count > TextLimits.line ? String(t.unicodeScalars.prefix(TextLimits.line)) : t
  }

  /// What to do with a repeating event in a zone other than the plan's.
  enum ForeignRepeat {
    /// The plan's repeat gives exactly its occurrences.
    case keep(Repeat)
    /// Its occurrences in parts, and why: each run of them at one time in
    /// the plan's zone as a repeat of its own where the plan's repeat gives
    /// exactly that run (a weekly UTC meeting: winter, summer, winter), the
    /// rest one by one.
    case parts([Activity], occurrences: [OwnZoneOccurrences.Occurrence], why: String)
  }

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

  static func readMilestone(_ event: ICalComponent, _ item: inout Item, wording w: Wording) {
    var title = item.activity.title
    if title.hasPrefix(ICalendarConventions.milestoneMark) {
      title.removeFirst(ICalendarConventions.milestoneMark.count)
    }
    item.activity.title = title
    // "Milstolpe (klar)\n\nnotes"
    if let d = event.first("DESCRIPTION")?.text {
      let head = d.components(separatedBy: "\n\n").first ?? d
      item.done = ICalendarConventions.done(inHead: head) ?? false
      let rest = d.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
      item.activity.notes = rest.isEmpty ? nil : rest
    } else {
      item.activity.notes = nil
    }
  }

  /// Adds new items and updates those already there; a field whose value
  /// means the same as before keeps its old form (and unknown fields).
  static func upsert(
    _ items: [Item], into plan: inout Plan, source: String, file: String, report: inout ImportReport
  ) throws(ImportError) {
    var seenUIDs = Set<String>()
    var problems: [ImportProblem] = []
    // Indexes made once, so an import is linear in the events and the plan
    // (a scan per event made 20,000 events take 18 s).
    var activityAt: [String: Int] = [:]
    var activityWithUID: [String: Int] = [:]
    for (i, a) in plan.activities.enumerated() {
      activityAt[a.id] = activityAt[a.id] ?? i
      if let u = a.uid { activityWithUID[u] = activityWithUID[u] ?? i }
    }
    var milestoneAt: [String: Int] = [:]
    for (i, m) in plan.milestones.enumerated() { milestoneAt[m.id] = milestoneAt[m.id] ?? i }
    var taken = plan.itemIDs
    for item in items {
      seenUIDs.insert(item.uid)
      var incoming = item.activity
      if let own = item.ownID {
        if item.isMilestone, let i = milestoneAt[own] {
          var m = plan.milestones[i]
          let before = m
          m.title = incoming.title
          m.date = incoming.start
          m.done = item.done
          m.notes = incoming.notes
          if !incoming.theme.isEmpty { m.theme = incoming.theme }
          if m != before {
            plan.milestones[i] = m
            report.updated.append(ICalendarConventions.milestoneMark + m.title)
          } else {
            report.unchanged += 1
          }
          continue
        }
        if let i = activityAt[own] {
          update(&plan.activities[i], with: incoming, report: &report)
          continue
        }
      }
      if let i = activityWithUID[item.uid] {
        update(&plan.activities[i], with: incoming, report: &report)
        continue
      }
      guard !incoming.theme.isEmpty else {
        problems.append(
          ImportProblem(
            file: file, line: item.line,
            "\(quoted(incoming.title)) has no theme of the plan in CATEGORIES; give --theme (\(plan.themeChoices))"))
        continue
      }
      let base = item.ownID ?? Identifier.slug(incoming.title)
      incoming.id = Identifier.unique(base.isEmpty ? "import" : base, taken: taken)
      taken.insert(incoming.id)
      if item.ownID == nil {
        incoming.uid = item.uid
        incoming.source = source
      }
      if item.isMilestone {
        plan.milestones.append(
          Milestone(
            id: incoming.id, title: incoming.title, date: incoming.start, theme: incoming.theme, done: item.done,
            notes: incoming.notes))
        report.added.append(ICalendarConventions.milestoneMark + incoming.title)
      } else {
        activityAt[incoming.id] = plan.activities.count
        if let u = incoming.uid { activityWithUID[u] = plan.activities.count }
        plan.activities.append(incoming)
        report.added.append(incoming.title)
      }
    }
    if !problems.isEmpty { throw ImportError(problems) }
    for a in plan.activities where a.source == source && a.uid != nil && !seenUIDs.contains(a.uid!) {
      report.gone.append("\(a.title) (\(a.id))")
    }
  }

  static func update(_ a: inout Activity, with new: Activity, report: inout ImportReport) {
    let before = a
    a.title = new.title
    a.start = new.start
    a.end = new.end
    if a.time?.start != new.time?.start || a.time?.end != new.time?.end { a.time = new.time }
    if !sameRule(a.repeatRule, new.repeatRule) { a.repeatRule = new.repeatRule }
    a.location = new.location
    a.notes = new.notes
    a.owner = new.owner
    if new.status == .cancelled {
      a.status = .cancelled
    } else if a.status == .cancelled {
      a.status = .planned
    }
    if a != before {
      report.updated.append(a.title)
    } else {
      report.unchanged += 1
    }
  }

  /// The same repeat, however it is written (`on: date` or nothing).
  static func sameRule(_ x: Repeat?, _ y: Repeat?) -> Bool {
    guard let x, let y else { return x == nil && y == nil }
    return x.every == y.every && x.interval == y.interval && (x.every != .month || x.monthlyOn == y.monthlyOn)
      && x.end == y.end && Set(x.except) == Set(y.except)
  }
}
