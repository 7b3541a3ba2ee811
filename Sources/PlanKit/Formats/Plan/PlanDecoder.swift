import Foundation

/// Turns a parsed JSON tree into a `Plan`, collecting every problem at once
/// (a planner fixing a file by hand wants the whole list, not one per run).
struct PlanDecoder {
  var problems: [Problem] = []
  /// Dates far outside any plan would only let arithmetic run off the calendar.
  static let years = 1000...9000

  mutating func problem(_ message: String, at position: SourcePosition) {
    problems.append(Problem(message, at: position))
  }

  /// Reads the members of one JSON object, remembering which were known.
  /// Objects here have a dozen members: a linear search beats a dictionary.
  struct Fields {
    let list: [JSONMember]
    let position: SourcePosition
    /// What the object is, for messages ("activity \"frukosttraff\""); made only when needed.
    var kind: String
    var id: String?
    var known: [String] = []

    init(_ members: [JSONMember], at position: SourcePosition, what: String) {
      list = members
      self.position = position
      kind = what
    }

    var what: String {
      get { id.map { "\(kind) \(quoted($0))" } ?? kind }
      set { kind = newValue }
    }

    func member(_ key: String) -> JSONMember? { list.first { $0.key == key } }

    mutating func node(_ key: String) -> JSONNode? {
      known.append(key)
      return member(key)?.node
    }

    var extra: [String: JSONNode] {
      var out: [String: JSONNode] = [:]
      for m in list where !known.contains(m.key) { out[m.key] = m.node }
      return out
    }
  }

  mutating func object(_ node: JSONNode, what: String) -> Fields? {
    guard case .object(let members) = node.value else {
      problem("\(what) must be an object, found \(node.value.kindName)", at: node.position)
      return nil
    }
    return Fields(members, at: node.position, what: what)
  }

  mutating func string(_ f: inout Fields, _ key: String, required: Bool) -> (String, SourcePosition)? {
    guard let n = f.node(key) else {
      if required { problem("\(f.what) has no \"\(key)\"", at: f.position) }
      return nil
    }
    guard case .string(let s) = n.value else {
      problem("\(f.what): \"\(key)\" must be a string, found \(n.value.kindName)", at: n.position)
      return nil
    }
    return (s, n.position)
  }

  /// A one-line text (title, name, owner): no control characters.
  mutating func text(_ f: inout Fields, _ key: String, required: Bool, multiline: Bool = false) -> String? {
    guard let (s, pos) = string(&f, key, required: required) else { return nil }
    if required && s.trimmed.isEmpty {
      problem("\(f.what): \"\(key)\" is empty", at: pos)
      return nil
    }
    let limit = multiline ? TextLimits.notes : TextLimits.line
    if s.utf8.count > limit && s.unicodeScalars.count > limit {
      problem(
        "\(f.what): \"\(key)\" is \(s.unicodeScalars.count) characters long; at most \(limit) are allowed", at: pos)
      return nil
    }
    if let bad = s.unicodeScalars.first(where: { isControl($0) && !(multiline && ($0 == "\n" || $0 == "\t")) }) {
      problem(
        "\(f.what): \"\(key)\" \(quoted(s)) holds a control character (U+\(hexDigits(bad.value, width: 4)))"
          + (multiline ? "" : "; it must be one line of plain text"), at: pos)
      return nil
    }
    if let bad = s.unicodeScalars.first(where: TextLimits.isNoncharacter) {
      problem(
        "\(f.what): \"\(key)\" holds U+\(hexDigits(bad.value, width: 4)), which is not a character (and not allowed in XML or iCalendar)",
        at: pos)
      return nil
    }
    return s
  }

  mutating func identifier(_ f: inout Fields, _ key: String) -> String? {
    guard let (s, pos) = string(&f, key, required: true) else { return nil }
    guard Identifier.isValid(s) else {
      problem("\(f.what): id \(quoted(s)) may hold only \(Identifier.rule)", at: pos)
      return nil
    }
    return s
  }

  mutating func day(_ f: inout Fields, _ key: String, required: Bool) -> Day? {
    guard let (s, pos) = string(&f, key, required: required) else { return nil }
    guard let d = Day(iso: s) else {
      problem("\(f.what): \"\(key)\" \(quoted(s)) is not a date; write YYYY-MM-DD of a day that exists", at: pos)
      return nil
    }
    guard PlanDecoder.years.contains(d.year) else {
      problem("\(f.what): \"\(key)\" \(quoted(s)) is outside the years a plan may use (1000–9000)", at: pos)
      return nil
    }
    return d
  }

  mutating func int(_ f: inout Fields, _ key: String, required: Bool) -> (Int, SourcePosition)? {
    guard let n = f.node(key) else {
      if required { problem("\(f.what) has no \"\(key)\"", at: f.position) }
      return nil
    }
    guard case .number(let text) = n.value, let v = Int(text) else {
      problem("\(f.what): \"\(key)\" must be a whole number, found \(n.value.kindName)", at: n.position)
      return nil
    }
    return (v, n.position)
  }

  mutating func bool(_ f: inout Fields, _ key: String) -> Bool? {
    guard let n = f.node(key) else { return nil }
    guard case .bool(let b) = n.value else {
      problem("\(f.what): \"\(key)\" must be true or false, found \(n.value.kindName)", at: n.position)
      return nil
    }
    return b
  }

  mutating func array(_ f: inout Fields, _ key: String) -> [JSONNode] {
    guard let n = f.node(key) else { return [] }
    guard case .array(let items) = n.value else {
      problem("\(f.what): \"\(key)\" must be an array, found \(n.value.kindName)", at: n.position)
      return []
    }
    return items
  }

  // MARK: the plan

  mutating func decodePlan(_ root: JSONNode) -> Plan? {
    guard case .object = root.value else {
      problem("a plan must be a JSON object at the top level, found \(root.value.kindName)", at: root.position)
      return nil
    }
    guard var f = object(root, what: "the plan") else { return nil }
    if let (format, pos) = string(&f, "format", required: true), format != Plan.formatName {
      problem("\"format\" is \(quoted(format)); a plan file says \"\(Plan.formatName)\"", at: pos)
      return nil
    }
    if let (version, pos) = int(&f, "version", required: true), version != Plan.formatVersion {
      let why =
        version > Plan.formatVersion
        ? "is newer than this arshjul reads (\(Plan.formatVersion)); update arshjul"
        : "is not a version of the plan format"
      problem("plan format version \(version) \(why)", at: pos)
      return nil
    }
    let id = identifier(&f, "id")
    let title = text(&f, "title", required: true)
    var language = Language.sv
    if let (l, pos) = string(&f, "language", required: false) {
      if let lang = Language(rawValue: l) {
        language = lang
      } else {
        problem("\"language\" \(quoted(l)) must be \"sv\" or \"en\"", at: pos)
      }
    }
    var timeZone = "Europe/Stockholm"
    if let (tz, pos) = string(&f, "timeZone", required: false) {
      if TimeZoneRules.isKnown(tz) {
        timeZone = tz
      } else {
        problem("\"timeZone\" \(quoted(tz)) is not a known time zone (e.g. \"Europe/Stockholm\")", at: pos)
      }
    }
    var startMonth = 1
    if let (m, pos) = int(&f, "startMonth", required: false) {
      if (1...12).contains(m) { startMonth = m } else { problem("\"startMonth\" \(m) must be 1–12", at: pos) }
    }
    var year: Int?
    if let (y, pos) = int(&f, "year", required: false) {
      if (1900...2200).contains(y) { year = y } else { problem("\"year\" \(y) must be 1900–2200", at: pos) }
    }

    var themes: [Theme] = []
    var themePositions: [String: SourcePosition] = [:]
    // A theme with a problem is reported once; its id still counts as a
    // theme, so its activities do not each add an error of their own.
    var brokenThemeIDs: [String] = []
    for node in array(&f, "themes") {
      guard let theme = decodeTheme(node) else {
        if let id = peekID(node) { brokenThemeIDs.append(id) }
        continue
      }
      if themePositions[theme.id] != nil {
        problem("theme id \(quoted(theme.id)) is used twice", at: node.position)
        continue
      }
      themePositions[theme.id] = node.position
      themes.append(theme)
    }
    if themes.isEmpty && problems.isEmpty {
      // Every activity and milestone belongs to a theme: a plan needs one.
      problem("the plan has no themes; add at least one", at: f.member("themes")?.node.position ?? f.position)
    }
    let themeIDs = Set(themes.map(\.id) + brokenThemeIDs)
    var seenIDs: [String: SourcePosition] = [:]
    func checkUnique(_ id: String?, _ pos: SourcePosition, _ d: inout PlanDecoder) -> Bool {
      guard let id else { return true }
      if let first = seenIDs[id] {
        d.problem("id \(quoted(id)) is used twice (first at line \(first.line))", at: pos)
        return false
      }
      seenIDs[id] = pos
      return true
    }
    var activities: [Activity] = []
    let activityNodes = array(&f, "activities")
    let decoded = PlanDecoder.decodeActivities(activityNodes, themes: themeIDs)
    problems += decoded.problems
    for (node, a) in zip(activityNodes, decoded.activities) {
      let unique = checkUnique(peekID(node), node.position, &self)
      if let a, unique { activities.append(a) }
    }
    var milestones: [Milestone] = []
    for node in array(&f, "milestones") {
      let unique = checkUnique(peekID(node), node.position, &self)
      if let m = decodeMilestone(node, themes: themeIDs), unique { milestones.append(m) }
    }
    let calendarURL = text(&f, "calendarURL", required: false)
    var holidays = HolidayCalendar.se
    if let (h, pos) = string(&f, "holidays", required: false) {
      if let c = HolidayCalendar(rawValue: h) {
        holidays = c
      } else {
        problem("\"holidays\" \(quoted(h)) must be \"se\" (Swedish public holidays) or \"none\"", at: pos)
      }
    }
    var breaks: [Break] = []
    for node in array(&f, "breaks") {
      guard var b = object(node, what: "a break") else { continue }
      let name = text(&b, "name", required: true)
      let start = day(&b, "start", required: true)
      let end = day(&b, "end", required: true)
      guard let name, let start, let end else { continue }
      b.kind = "break \(quoted(name))"
      if end < start {
        problem("\(b.kind): end \(end) is before start \(start)", at: b.member("end")?.node.position ?? node.position)
        continue
      }
      if let other = breaks.first(where: { $0.start <= end && start <= $0.end }) {
        problem("\(b.kind) overlaps break \(quoted(other.name))", at: node.position)
        continue
      }
      breaks.append(Break(name: name, start: start, end: end))
    }
    var conflicts: [Conflict] = []
    for node in array(&f, "conflicts") {
      if let c = decodeConflict(node) { conflicts.append(c) }
    }
    guard let id, let title, problems.isEmpty else { return nil }
    var plan = Plan(
      id: id, title: title, language: language, timeZone: timeZone, startMonth: startMonth, year: year, themes: themes,
      activities: activities, milestones: milestones, extra: f.extra)
    plan.conflicts = conflicts
    plan.calendarURL = calendarURL
    plan.breaks = breaks
    plan.holidayCalendar = holidays
    return plan
  }

  /// A recorded merge conflict; its values are kept as they are (they are
  /// checked when a planner picks one).
  mutating func decodeConflict(_ node: JSONNode) -> Conflict? {
    guard var f = object(node, what: "a conflict") else { return nil }
    guard let (k, pos) = string(&f, "kind", required: true) else { return nil }
    guard let kind = Conflict.Kind(rawValue: k) else {
      problem("a conflict's \"kind\" \(quoted(k)) must be plan, theme, activity or milestone", at: pos)
      return nil
    }
    let id = string(&f, "id", required: true)?.0
    let field = string(&f, "field", required: false)?.0
    let label = string(&f, "theirLabel", required: false)?.0
    guard let id else { return nil }
    var c = Conflict(
      kind: kind, id: id, field: field, base: f.node("base"), ours: f.node("ours"), theirs: f.node("theirs"),
      theirLabel: label)
    c.position = node.position
    return c
  }

  /// The activities, in parts on all cores when there are many: each is
  /// checked on its own, so the parts do not meet until they are joined.
  static func decodeActivities(_ nodes: [JSONNode], themes: Set<String>) -> (
    activities: [Activity?], problems: [Problem]
  ) {
    let parts = InParts.map(count: nodes.count, threshold: 4000) { range in
      var decoder = PlanDecoder()
      let list = nodes[range].map { decoder.decodeActivity($0, themes: themes) }
      return (list, decoder.problems)
    }
    return (parts.flatMap(\.0), parts.flatMap(\.1))
  }

  mutating func decodeTheme(_ node: JSONNode) -> Theme? {
    guard var f = object(node, what: "a theme") else { return nil }
    let id = identifier(&f, "id")
    if let id {
      f.kind = "theme"
      f.id = id
    }
    let name = text(&f, "name", required: true)
    var color = ThemeColor.named("white")
    if let (c, pos) = string(&f, "color", required: false) {
      if let parsed = ThemeColor(c) {
        color = parsed
      } else {
        problem(
          "\(f.what): color \(quoted(c)) must be one of \(ThemeColor.names.joined(separator: " ")) or #rrggbb",
          at: pos)
      }
    }
    guard let id, let name else { return nil }
    return Theme(id: id, name: name, color: color, extra: f.extra)
  }

  mutating func themeRef(_ f: inout Fields, themes: Set<String>) -> String? {
    guard let (t, pos) = string(&f, "theme", required: true) else { return nil }
    guard themes.contains(t) else {
      problem(
        "\(f.what): theme \(quoted(t)) is not one of the plan's themes (\(themes.sorted().joined(separator: ", ")))",
        at: pos)
      return nil
    }
    return t
  }

  mutating func decodeActivity(_ node: JSONNode, themes: Set<String>) -> Activity? {
    guard var f = object(node, what: "an activity") else { return nil }
    guard let id = identifier(&f, "id") else {
      _ = f.node("title")
      return nil
    }
    f.kind = "activity"
    f.id = id
    let title = text(&f, "title", required: true)
    let theme = themeRef(&f, themes: themes)
    let start = day(&f, "start", required: true)
    var end = day(&f, "end", required: false)
    if let s = start, let e = end, e < s {
      problem("\(f.what): end \(e) is before start \(s)", at: f.member("end")!.node.position)
      end = nil
    }
    var time: ClockSpan?
    if let tn = f.node("time") { time = decodeTime(tn, what: f.what) }
    var rule: Repeat?
    if let rn = f.node("repeat"), let s = start { rule = decodeRepeat(rn, start: s, what: f.what) }
    let owner = text(&f, "owner", required: false)
    let location = text(&f, "location", required: false)
    let notes = text(&f, "notes", required: false, multiline: true)
    var status = Status.planned
    if let (s, pos) = string(&f, "status", required: false) {
      if let st = Status(rawValue: s) {
        status = st
      } else {
        problem(
          "\(f.what): status \(quoted(s)) must be one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))",
          at: pos)
      }
    }
    let uid = text(&f, "uid", required: false)
    let source = text(&f, "source", required: false)
    let holidayOK = bool(&f, "holidayOK") ?? false
    guard let title, let theme, let start else { return nil }
    var activity = Activity(
      id: id, title: title, theme: theme, start: start, end: end ?? start, time: time, repeatRule: rule,
      owner: owner, location: location, notes: notes, status: status, extra: f.extra)
    activity.uid = uid
    activity.source = source
    activity.holidayOK = holidayOK
    return activity
  }

  mutating func decodeTime(_ node: JSONNode, what: String) -> ClockSpan? {
    guard var f = object(node, what: "\(what): \"time\"") else { return nil }
    func clock(_ key: String, _ d: inout PlanDecoder) -> TimeOfDay? {
      guard let (s, pos) = d.string(&f, key, required: true) else { return nil }
      guard let t = TimeOfDay(s) else {
        d.problem("\(f.what): \(key) \(quoted(s)) is not a time; write HH:MM (00:00–23:59)", at: pos)
        return nil
      }
      return t
    }
    let s = clock("start", &self)
    let e = clock("end", &self)
    guard let s, let e else { return nil }
    if e <= s {
      problem("\(f.what): end \(e) is not after start \(s)", at: f.member("end")!.node.position)
      return nil
    }
    return ClockSpan(start: s, end: e, extra: f.extra)
  }

  mutating func decodeRepeat(_ node: JSONNode, start: Day, what: String) -> Repeat? {
    guard var f = object(node, what: "\(what): \"repeat\"") else { return nil }
    var every: Repeat.Frequency?
    if let (e, pos) = string(&f, "every", required: true) {
      every = Repeat.Frequency(rawValue: e)
      if every == nil { problem("\(f.what): every \(quoted(e)) must be week, month or year", at: pos) }
    }
    var interval = 1
    if let (i, pos) = int(&f, "interval", required: false) {
      if Repeat.intervals.contains(i) {
        interval = i
      } else {
        problem(
          "\(f.what): interval \(i) must be \(Repeat.intervals.lowerBound)–\(Repeat.intervals.upperBound)", at: pos)
      }
    }
    var on: Repeat.MonthlyOn?
    if let (o, pos) = string(&f, "on", required: false) {
      on = Repeat.MonthlyOn(rawValue: o)
      if on == nil {
        problem("\(f.what): on \(quoted(o)) must be date, weekday or last-weekday", at: pos)
      } else if every != nil && every != .month {
        problem("\(f.what): \"on\" belongs to a monthly repeat only", at: pos)
        on = nil
      } else if on == .lastWeekday && !start.isLastWeekdayOfMonth {
        problem(
          "\(f.what): on last-weekday needs a start on the last such weekday of its month; \(start) is not",
          at: pos)
        on = nil
      } else if on == .weekday && start.weekdayOrdinalInMonth == 5 {
        problem(
          "\(f.what): \(start) is a fifth weekday, which most months lack; use on last-weekday", at: pos)
        on = nil
      }
    }
    var end = Repeat.End.never
    let until = day(&f, "until", required: false)
    let count = int(&f, "count", required: false)
    if until != nil && count != nil {
      problem("\(f.what): give \"until\" or \"count\", not both", at: f.member("count")!.node.position)
    } else if let u = until {
      if u < start {
        problem("\(f.what): until \(u) is before the first occurrence \(start)", at: f.member("until")!.node.position)
      } else {
        end = .until(u)
      }
    } else if let (c, pos) = count {
      if c >= 1 && c <= 10_000 { end = .count(c) } else { problem("\(f.what): count \(c) must be 1–10000", at: pos) }
    }
    var except: [(Day, SourcePosition)] = []
    for n in array(&f, "except") {
      guard case .string(let s) = n.value, let d = Day(iso: s) else {
        problem("\(f.what): except holds \(describe(n)), not a date YYYY-MM-DD", at: n.position)
        continue
      }
      except.append((d, n.position))
    }
    guard let every else { return nil }
    let rule = Repeat(every: every, interval: interval, on: on, end: end)
    // A skipped date that the rule never hits is a mistake (calendars warn of it too).
    let probe = Activity(id: "-", title: "-", theme: "-", start: start, repeatRule: rule)
    for (d, pos) in except where !probe.occurrences(in: DayRange(from: d, to: d)).contains(where: { $0.start == d }) {
      problem("\(f.what): except \(d) is not a day this activity repeats on", at: pos)
    }
    return Repeat(
      every: every, interval: interval, on: on, end: end, except: except.map(\.0), extra: f.extra)
  }

  /// The item's id as written, to find duplicates even among broken items.
  func peekID(_ node: JSONNode) -> String? {
    guard case .object(let members) = node.value,
      case .string(let id)? = members.first(where: { $0.key == "id" })?.node.value
    else { return nil }
    return id
  }

  func describe(_ n: JSONNode) -> String {
    if case .string(let s) = n.value { return quoted(s) }
    return n.value.kindName
  }

  mutating func decodeMilestone(_ node: JSONNode, themes: Set<String>) -> Milestone? {
    guard var f = object(node, what: "a milestone") else { return nil }
    guard let id = identifier(&f, "id") else { return nil }
    f.kind = "milestone"
    f.id = id
    let title = text(&f, "title", required: true)
    let date = day(&f, "date", required: true)
    let theme = themeRef(&f, themes: themes)
    let done = bool(&f, "done") ?? false
    let notes = text(&f, "notes", required: false, multiline: true)
    guard let title, let date, let theme else { return nil }
    let deadline = bool(&f, "deadline") ?? false
    var milestone = Milestone(id: id, title: title, date: date, theme: theme, done: done, notes: notes, extra: f.extra)
    milestone.deadline = deadline
    return milestone
  }
}
