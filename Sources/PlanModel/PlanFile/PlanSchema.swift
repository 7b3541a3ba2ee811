/// The plan file's schema: what a plan, its themes, activities, milestones,
/// layers and conflicts are made of, read with the decoder's field
/// helpers (PlanDecoder.swift) and held to the value rules (ValueRules).

/// A plan file's decoder and a tree's.
typealias FileDecoder = PlanDecoder<JSONTape>
package typealias TreeDecoder = PlanDecoder<JSONTree>

extension PlanDecoder {
  /// A whole plan, or every problem that keeps it from being one.
  static func decode(_ document: Document) -> (plan: Plan?, problems: [Problem]) {
    var decoder = PlanDecoder(document: document)
    guard let plan = decoder.decodePlan(document.root), decoder.found.isEmpty else {
      return (nil, decoder.problems)
    }
    return (plan, [])
  }
}

extension PlanDecoder where Document == JSONTree {
  /// A plan made as a tree (an edit, a merge) checked by the same rules as
  /// a file, read from the tree itself. Its problems have no place.
  static func decode(tree: JSONNode) -> (plan: Plan?, problems: [Problem]) {
    decode(JSONTree(tree))
  }

  /// One activity or milestone made as a tree (a calendar event's, a
  /// merged item's), read by the same rules as in a file.
  /// With `strict`, an item with any problem is nil (as in a plan file);
  /// without, what could be read of it.
  static func item<T>(tree: JSONNode, strict: Bool, _ decode: (inout TreeDecoder, Int) -> T?) -> T? {
    var decoder = PlanDecoder(document: JSONTree(tree))
    let item = decode(&decoder, decoder.document.root)
    return strict && !decoder.found.isEmpty ? nil : item
  }

  package static func activity(tree: JSONNode, themes: Set<String>, strict: Bool = false) -> Activity? {
    item(tree: tree, strict: strict) { $0.decodeActivity($1, themes: themes) }
  }

  package static func milestone(tree: JSONNode, themes: Set<String>, strict: Bool = false) -> Milestone? {
    item(tree: tree, strict: strict) { $0.decodeMilestone($1, themes: themes) }
  }
}

extension PlanDecoder where Document == JSONTape {
  /// A plan as it would be written, checked by reading the bytes back
  /// (`Plan.validated`: what is saved is what was checked). Its problems
  /// have no place: the text they would point into is never shown.
  static func decode(written bytes: [UInt8]) -> (plan: Plan?, problems: [Problem]) {
    guard let document = try? JSONParser.tape(bytes) else {
      return (nil, [Problem("the plan could not be written as JSON")])
    }
    let read = decode(document)
    return (read.plan, read.problems.map { Problem($0.message) })
  }
}

extension PlanDecoder {
  // MARK: the plan

  mutating func decodePlan(_ root: Int) -> Plan? {
    guard document.kind(root) == .object else {
      problem(.notAPlan(found: document.kind(root)), at: document.offset(root))
      return nil
    }
    guard var f = object(root, what: "the plan") else { return nil }
    if let (format, pos) = string(&f, "format", required: true), format != Plan.formatName {
      problem(.format(format), at: pos)
      return nil
    }
    if let (version, pos) = int(&f, "version", required: true), version != Plan.formatVersion {
      problem(.version(version), at: pos)
      return nil
    }
    let id = identifier(&f, "id")
    let title = text(&f, "title", required: true)
    var language = Language.sv
    if let (l, pos) = string(&f, "language", required: false) {
      if let lang = Language(rawValue: l) {
        language = lang
      } else {
        problem(.language(l), at: pos)
      }
    }
    var timeZone = "Europe/Stockholm"
    if let (tz, pos) = string(&f, "timeZone", required: false) {
      if TimeZoneRules.isKnown(tz) {
        timeZone = tz
      } else {
        problem(.timeZone(tz), at: pos)
      }
    }
    var startMonth = 1
    if let (m, pos) = int(&f, "startMonth", required: false) {
      if (1...12).contains(m) { startMonth = m } else { problem(.startMonth(m), at: pos) }
    }
    var year: Int?
    if let (y, pos) = int(&f, "year", required: false) {
      if DateLimits.years.contains(y) {
        year = y
      } else {
        problem(.year(y), at: pos)
      }
    }

    var themes: [Theme] = []
    var themePositions: [String: Int] = [:]
    // A theme with a problem is reported once; its id still counts as a
    // theme, so its activities do not each add an error of their own.
    var brokenThemeIDs: [String] = []
    for node in array(&f, "themes") {
      guard let theme = decodeTheme(node) else {
        if let id = peekID(node) { brokenThemeIDs.append(id) }
        continue
      }
      if themePositions[theme.id] != nil {
        problem(.themeIDTwice(theme.id), at: document.offset(node))
        continue
      }
      themePositions[theme.id] = document.offset(node)
      themes.append(theme)
    }
    if themes.isEmpty && found.isEmpty {
      // Every activity and milestone belongs to a theme: a plan needs one.
      problem(.noThemes, at: member(f, "themes").map(document.offset) ?? f.offset)
    }
    let themeIDs = Set(themes.map(\.id) + brokenThemeIDs)
    let activityNodes = array(&f, "activities")
    let milestoneNodes = array(&f, "milestones")
    var seenIDs = IDTable(capacity: activityNodes.count + milestoneNodes.count)
    func checkUnique(_ id: String?, _ node: Int, _ d: inout PlanDecoder) -> Bool {
      guard let id else { return true }
      if let first = seenIDs.insert(id, at: d.document.offset(node)) {
        d.problem(.idTwice(id), at: d.document.offset(node), firstAt: first)
        return false
      }
      return true
    }
    let decoded = decodeActivities(activityNodes, themes: themeIDs)
    found += decoded.problems
    let anyFailed = !decoded.failed.isEmpty
    for (i, node) in activityNodes.enumerated() {
      _ = checkUnique(anyFailed && decoded.failed.contains(i) ? peekID(node) : decoded.activities[i].id, node, &self)
    }
    // Any activity that failed or repeats an id left a problem: then no plan is made.
    let activities = decoded.activities
    var milestones: [Milestone] = []
    milestones.reserveCapacity(milestoneNodes.count)
    for node in milestoneNodes {
      let unique = checkUnique(peekID(node), node, &self)
      if let m = decodeMilestone(node, themes: themeIDs), unique { milestones.append(m) }
    }
    let calendarURL = text(&f, "calendarURL", required: false)
    var holidays = HolidayCalendar.se
    if let (h, pos) = string(&f, "holidays", required: false) {
      if let c = HolidayCalendar(rawValue: h) {
        holidays = c
      } else {
        problem(.holidays(h), at: pos)
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
        problem(
          .breakEndsBeforeStart(end: end, start: start), of: b.kind,
          at: member(b, "end").map(document.offset) ?? document.offset(node))
        continue
      }
      if let other = breaks.first(where: { $0.start <= end && start <= $0.end }) {
        problem(.breakOverlaps(other.name), of: b.kind, at: document.offset(node))
        continue
      }
      breaks.append(Break(name: name, start: start, end: end))
    }
    var layers: [PlanLayer] = []
    for node in array(&f, "layers") {
      guard let layer = decodeLayer(node) else { continue }
      if layers.contains(where: { $0.id == layer.id }) {
        problem(.layerIDTwice(layer.id), at: document.offset(node))
        continue
      }
      layers.append(layer)
    }
    var conflicts: [Conflict] = []
    for node in array(&f, "conflicts") {
      if let c = decodeConflict(node) { conflicts.append(c) }
    }
    places = seenIDs
    guard let id, let title, found.isEmpty else { return nil }
    var plan = Plan(
      id: id, title: title, language: language, timeZone: timeZone, startMonth: startMonth, year: year, themes: themes,
      activities: activities, milestones: milestones, extra: extra(f))
    plan.conflicts = conflicts
    plan.calendarURL = calendarURL
    plan.breaks = breaks
    plan.layers = layers
    plan.holidayCalendar = holidays
    return plan
  }

  mutating func decodeLayer(_ node: Int) -> PlanLayer? {
    guard var f = object(node, what: "a layer") else { return nil }
    guard let id = identifier(&f, "id") else { return nil }
    f.kind = "layer"
    f.id = id
    let name = text(&f, "name", required: true)
    var source = text(&f, "source", required: true)
    if let s = source, let why = PlanLayer.sourceProblem(s) {
      problem(
        .layerSource(masked: CalendarURL.masked(s), why: why), of: f.what,
        at: member(f, "source").map(document.offset) ?? f.offset)
      source = nil
    }
    let busy = bool(&f, "busy") ?? false
    guard let name, let source else { return nil }
    return PlanLayer(id: id, name: name, source: source, busy: busy, extra: extra(f))
  }

  /// A recorded merge conflict; its values are kept as they are (they are
  /// checked when a planner picks one).
  mutating func decodeConflict(_ node: Int) -> Conflict? {
    guard var f = object(node, what: "a conflict") else { return nil }
    guard let (k, pos) = string(&f, "kind", required: true) else { return nil }
    guard let kind = Conflict.Kind(rawValue: k) else {
      problem(.conflictKind(k), at: pos)
      return nil
    }
    let id = string(&f, "id", required: true)?.0
    let path = string(&f, "field", required: false)?.0
    let label = string(&f, "theirLabel", required: false)?.0
    guard let id else { return nil }
    let values = [field(&f, "base"), field(&f, "ours"), field(&f, "theirs")].map { $0.map(document.node) }
    var c = Conflict(
      kind: kind, id: id, field: path, base: values[0], ours: values[1], theirs: values[2], theirLabel: label)
    // Conflicts come in file order: one locator counts on from the last.
    if conflictLocator == nil { conflictLocator = SourceLocator(document.bytes) }
    c.position = conflictLocator!.position(of: document.offset(node))
    return c
  }

  /// The activities, in parts on all cores when there are many: each is
  /// checked on its own, so the parts do not meet until they are joined.
  func decodeActivities(_ nodes: [Int], themes: Set<String>) -> (
    activities: [Activity], failed: Set<Int>, problems: [(problem: FileProblem, offset: Int, lineOf: Int?)]
  ) {
    let document = document
    let (activities, parts) = InParts.array(count: nodes.count, threshold: 4000) { range, out in
      var decoder = PlanDecoder(document: document)
      var failed: [Int] = []
      for i in range {
        if let a = decoder.decodeActivity(nodes[i], themes: themes) {
          (out + i).initialize(to: a)
        } else {
          // A hole that is never read: the plan has a problem and is not made.
          (out + i).initialize(to: Activity(id: "", title: "", theme: "", start: Day(year: 2000, month: 1, day: 1)!))
          failed.append(i)
        }
      }
      return (decoder.found, failed)
    }
    return (activities, Set(parts.flatMap(\.1)), parts.flatMap(\.0))
  }

  mutating func decodeTheme(_ node: Int) -> Theme? {
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
        problem(.color(c), of: f.what, at: pos)
      }
    }
    guard let id, let name else { return nil }
    return Theme(id: id, name: name, color: color, extra: extra(f))
  }

  mutating func themeRef(_ f: inout Fields, themes: Set<String>) -> String? {
    guard let (t, pos) = string(&f, "theme", required: true) else { return nil }
    // A plan has a handful of themes: comparing beats hashing, 20,000 times.
    guard themes.count <= 8 ? themes.contains(where: { $0 == t }) : themes.contains(t) else {
      problem(.value(.unknownTheme(t, themes: themes), key: "theme"), of: f.what, at: pos)
      return nil
    }
    return t
  }

  mutating func decodeActivity(_ node: Int, themes: Set<String>) -> Activity? {
    guard var f = object(node, what: "an activity") else { return nil }
    guard let id = identifier(&f, "id") else {
      _ = self.field(&f, "title")
      return nil
    }
    f.kind = "activity"
    f.id = id
    let title = text(&f, "title", required: true)
    let theme = themeRef(&f, themes: themes)
    let start = day(&f, "start", required: true)
    var end = day(&f, "end", required: false)
    if let s = start, let e = end, e < s {
      problem(.value(.endBeforeStart(end: e, start: s), key: "end"), of: f.what, at: document.offset(member(f, "end")!))
      end = nil
    }
    var time: ClockSpan?
    if let tn = field(&f, "time") { time = decodeTime(tn, of: f) }
    var rule: Repeat?
    if let rn = field(&f, "repeat"), let s = start { rule = decodeRepeat(rn, start: s, of: f) }
    let owner = text(&f, "owner", required: false)
    let location = text(&f, "location", required: false)
    let notes = text(&f, "notes", required: false, multiline: true)
    var status = Status.planned
    if let (s, pos) = string(&f, "status", required: false) {
      if let st = Status(rawValue: s) {
        status = st
      } else {
        problem(.status(s), of: f.what, at: pos)
      }
    }
    let uid = text(&f, "uid", required: false)
    let source = text(&f, "source", required: false)
    let holidayOK = bool(&f, "holidayOK") ?? false
    guard let title, let theme, let start else { return nil }
    var activity = Activity(
      id: id, title: title, theme: theme, start: start, end: end ?? start, time: time, repeatRule: rule,
      owner: owner, location: location, notes: notes, status: status, extra: extra(f))
    activity.uid = uid
    activity.source = source
    activity.holidayOK = holidayOK
    return activity
  }

  mutating func decodeTime(_ node: Int, of owner: Fields) -> ClockSpan? {
    guard var f = object(node, part: "time", of: owner) else { return nil }
    func clock(_ key: StaticString, _ d: inout PlanDecoder) -> TimeOfDay? {
      guard let (s, pos) = d.string(&f, key, required: true) else { return nil }
      guard let t = TimeOfDay(s) else {
        d.problem(.notATime(key: "\(key)", text: s), of: f.what, at: pos)
        return nil
      }
      return t
    }
    let s = clock("start", &self)
    let e = clock("end", &self)
    guard let s, let e else { return nil }
    if e <= s {
      problem(.value(.timeNotAfter(start: s, end: e), key: "end"), of: f.what, at: document.offset(member(f, "end")!))
      return nil
    }
    return ClockSpan(start: s, end: e, extra: extra(f))
  }

  mutating func decodeRepeat(_ node: Int, start: Day, of owner: Fields) -> Repeat? {
    guard var f = object(node, part: "repeat", of: owner) else { return nil }
    var every: Repeat.Frequency?
    if let (e, pos) = string(&f, "every", required: true) {
      every = Repeat.Frequency(rawValue: e)
      if every == nil { problem(.every(e), of: f.what, at: pos) }
    }
    var interval = 1
    if let (i, pos) = int(&f, "interval", required: false) {
      if Repeat.intervals.contains(i) {
        interval = i
      } else {
        problem(.value(.interval(i), key: "interval"), of: f.what, at: pos)
      }
    }
    var on: Repeat.MonthlyOn?
    if let (o, pos) = string(&f, "on", required: false) {
      if let read = Repeat.MonthlyOn(rawValue: o) {
        if let wrong = ValueRules.on(read, every: every, start: start) {
          problem(.value(wrong, key: "on"), of: f.what, at: pos)
        } else {
          on = read
        }
      } else {
        problem(.monthlyOn(o), of: f.what, at: pos)
      }
    }
    var end = Repeat.End.never
    let until = day(&f, "until", required: false)
    let count = int(&f, "count", required: false)
    if until != nil && count != nil {
      problem(.untilAndCount, of: f.what, at: document.offset(member(f, "count")!))
    } else if let u = until {
      if u < start {
        problem(
          .value(.untilBeforeStart(until: u, start: start), key: "until"), of: f.what,
          at: document.offset(member(f, "until")!))
      } else {
        end = .until(u)
      }
    } else if let (c, pos) = count {
      if Repeat.counts.contains(c) {
        end = .count(c)
      } else {
        problem(.value(.count(c), key: "count"), of: f.what, at: pos)
      }
    }
    var except: [(Day, Int)] = []
    for n in array(&f, "except") {
      guard document.kind(n) == .string, let d = Day(iso: document.string(n)) else {
        problem(.exceptNotADate(described: describe(n)), of: f.what, at: document.offset(n))
        continue
      }
      except.append((d, document.offset(n)))
    }
    guard let every else { return nil }
    let rule = Repeat(every: every, interval: interval, on: on, end: end)
    for (d, pos) in except where ValueRules.misses(rule, start: start, except: d) {
      problem(.value(.exceptMissed(d), key: "except"), of: f.what, at: pos)
    }
    return Repeat(
      every: every, interval: interval, on: on, end: end, except: except.map(\.0), extra: extra(f))
  }

  /// The item's id as written, to find duplicates even among broken items.
  func peekID(_ node: Int) -> String? {
    guard document.kind(node) == .object, let id = document.member(node, "id")?.value, document.kind(id) == .string
    else {
      return nil
    }
    return document.string(id)
  }

  func describe(_ n: Int) -> String {
    document.kind(n) == .string ? quoted(document.string(n)) : kindName(n)
  }

  mutating func decodeMilestone(_ node: Int, themes: Set<String>) -> Milestone? {
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
    var milestone = Milestone(
      id: id, title: title, date: date, theme: theme, done: done, notes: notes, extra: extra(f))
    milestone.deadline = deadline
    return milestone
  }
}
