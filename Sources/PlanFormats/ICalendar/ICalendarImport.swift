import Foundation
import PlanModel

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
    return try apply(roots, file: file, to: &plan, theme: theme, expand: expand)
  }

  /// Calendars already parsed (a sync reads the server's event once and
  /// imports its parts).
  package static func apply(
    _ roots: [ICalComponent], file: String, to plan: inout Plan, theme: String?, expand: Bool
  ) throws(ImportError) -> ImportReport {
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
}
