/// What a plan's rules say against one value, as data. The plan file's
/// decoder checks each value it reads with these rules and words them with
/// `words(key:)`; an item made in memory (an imported event, a rule mapped
/// from RRULE) is checked by the same rules with `Activity.problems(themes:)`,
/// without a detour through JSON.
public enum ValueProblem: Sendable, Equatable {
  case empty
  case tooLong(count: Int, limit: Int)
  /// The text as it is (for the message) and the first control character.
  case control(String, Unicode.Scalar, multiline: Bool)
  case noncharacter(Unicode.Scalar)
  /// A date as written, outside `DateLimits.dates`.
  case outsideYears(String)
  case badID(String)
  case unknownTheme(String, themes: Set<String>)
  case endBeforeStart(end: Day, start: Day)
  case timeNotAfter(start: TimeOfDay, end: TimeOfDay)
  case interval(Int)
  case onNotMonthly
  case notLastWeekday(Day)
  case fifthWeekday(Day)
  case untilBeforeStart(until: Day, start: Day)
  case count(Int)
  case exceptMissed(Day)

  /// The plan file's words for it, after "activity "x": " (and the part,
  /// "repeat": ); `key` is the member it is about.
  public func words(key: String) -> String {
    switch self {
    case .empty: return "\"\(key)\" is empty"
    case .tooLong(let count, let limit):
      return "\"\(key)\" is \(count) characters long; at most \(limit) are allowed"
    case .control(let s, let bad, let multiline):
      return "\"\(key)\" \(quoted(s)) holds a control character (U+\(hexDigits(bad.value, width: 4)))"
        + (multiline ? "" : "; it must be one line of plain text")
    case .noncharacter(let bad):
      return
        "\"\(key)\" holds U+\(hexDigits(bad.value, width: 4)), which is not a character (and not allowed in XML or iCalendar)"
    case .outsideYears(let s):
      return
        "\"\(key)\" \(quoted(s)) is outside the years a plan may use (\(DateLimits.dates.lowerBound)–\(DateLimits.dates.upperBound))"
    case .badID(let s): return "id \(quoted(s)) may hold only \(Identifier.rule)"
    case .unknownTheme(let t, let themes):
      return "theme \(quoted(t)) is not one of the plan's themes (\(themes.sorted().joined(separator: ", ")))"
    case .endBeforeStart(let e, let s): return "end \(e) is before start \(s)"
    case .timeNotAfter(let s, let e): return "end \(e) is not after start \(s)"
    case .interval(let i):
      return "interval \(i) must be \(Repeat.intervals.lowerBound)–\(Repeat.intervals.upperBound)"
    case .onNotMonthly: return "\"on\" belongs to a monthly repeat only"
    case .notLastWeekday(let start):
      return "on last-weekday needs a start on the last such weekday of its month; \(start) is not"
    case .fifthWeekday(let start): return "\(start) is a fifth weekday, which most months lack; use on last-weekday"
    case .untilBeforeStart(let u, let start): return "until \(u) is before the first occurrence \(start)"
    case .count(let c): return "count \(c) must be \(Repeat.counts.lowerBound)–\(Repeat.counts.upperBound)"
    case .exceptMissed(let d): return "except \(d) is not a day this activity repeats on"
    }
  }
}

/// The rules themselves, one function per kind of value, in the order the
/// decoder applies them.
public enum ValueRules {
  /// A text field: a required one not blank, within its limit, no control
  /// character (a newline and a tab in notes) and no noncharacter.
  /// `plain`: the caller already knows it holds neither (the decoder's tape
  /// tells for JSON strings without escapes).
  public static func text(_ s: String, required: Bool, multiline: Bool, plain: Bool = false) -> ValueProblem? {
    if required && s.isBlank { return .empty }
    let limit = multiline ? TextLimits.notes : TextLimits.line
    if s.utf8.count > limit && s.unicodeScalars.count > limit {
      return .tooLong(count: s.unicodeScalars.count, limit: limit)
    }
    if plain || s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
    if let bad = s.unicodeScalars.first(where: { isControl($0) && !(multiline && ($0 == "\n" || $0 == "\t")) }) {
      return .control(s, bad, multiline: multiline)
    }
    if let bad = s.unicodeScalars.first(where: TextLimits.isNoncharacter) { return .noncharacter(bad) }
    return nil
  }

  /// A monthly repeat's "on" for a rule starting on `start`.
  public static func on(_ on: Repeat.MonthlyOn, every: Repeat.Frequency?, start: Day) -> ValueProblem? {
    if every != nil && every != .month { return .onNotMonthly }
    if on == .lastWeekday && !start.isLastWeekdayOfMonth { return .notLastWeekday(start) }
    if on == .weekday && start.weekdayOrdinalInMonth == 5 { return .fifthWeekday(start) }
    return nil
  }

  /// A skipped date that the rule never hits is a mistake (calendars warn of it too).
  public static func misses(_ rule: Repeat, start: Day, except d: Day) -> Bool {
    var plain = rule
    plain.except = []
    let probe = Activity(id: "-", title: "-", theme: "-", start: start, repeatRule: plain)
    return !probe.occurrences(in: DayRange(from: d, to: d)).contains(where: { $0.start == d })
  }
}

/// A value of an activity the plan's rules refuse: the member it is in
/// ("title"; "interval" in the part "repeat") and what is wrong.
public struct ItemProblem: Sendable, Equatable {
  public var part: String?
  public var key: String
  public var problem: ValueProblem

  /// As the plan file says it after "activity "x": ".
  public var words: String { (part.map { "\"\($0)\": " } ?? "") + problem.words(key: key) }

  /// As the plan file's check says it of the item: "activity "x": …" (an
  /// item without a valid id is "an activity", "a milestone").
  public func message(_ kind: String, id: String) -> String {
    (key == "id" ? (kind == "activity" ? "an activity" : "a \(kind)") : "\(kind) \(quoted(id))") + ": " + words
  }
}

extension Activity {
  /// What the plan file's rules say against this activity, in the order
  /// its decoder finds them; empty when a file could hold it as it is.
  public func problems(themes: Set<String>) -> [ItemProblem] {
    var found: [ItemProblem] = []
    func add(_ key: String, _ p: ValueProblem?, part: String? = nil) {
      if let p { found.append(ItemProblem(part: part, key: key, problem: p)) }
    }
    // Without an id nothing else is said (a file's item is named by it).
    guard Identifier.isValid(id) else { return [ItemProblem(part: nil, key: "id", problem: .badID(id))] }
    add("title", ValueRules.text(title, required: true, multiline: false))
    if !themes.contains(theme) { add("theme", .unknownTheme(theme, themes: themes)) }
    // A start outside the years is not a start: nothing is measured from it.
    let startHolds = DateLimits.dates.contains(start.year)
    if !startHolds { add("start", .outsideYears(start.iso)) }
    if !DateLimits.dates.contains(end.year) {
      add("end", .outsideYears(end.iso))
    } else if startHolds && end < start {
      add("end", .endBeforeStart(end: end, start: start))
    }
    if let t = time, t.end <= t.start { add("end", .timeNotAfter(start: t.start, end: t.end), part: "time") }
    if startHolds, let r = repeatRule { found += r.problems(start: start) }
    add("owner", owner.flatMap { ValueRules.text($0, required: false, multiline: false) })
    add("location", location.flatMap { ValueRules.text($0, required: false, multiline: false) })
    add("notes", notes.flatMap { ValueRules.text($0, required: false, multiline: true) })
    add("uid", uid.flatMap { ValueRules.text($0, required: false, multiline: false) })
    add("source", source.flatMap { ValueRules.text($0, required: false, multiline: false) })
    return found
  }
}

extension Milestone {
  /// What the plan file's rules say against this milestone, in the order
  /// its decoder finds them; empty when a file could hold it as it is.
  public func problems(themes: Set<String>) -> [ItemProblem] {
    var found: [ItemProblem] = []
    func add(_ key: String, _ p: ValueProblem?) {
      if let p { found.append(ItemProblem(part: nil, key: key, problem: p)) }
    }
    guard Identifier.isValid(id) else { return [ItemProblem(part: nil, key: "id", problem: .badID(id))] }
    add("title", ValueRules.text(title, required: true, multiline: false))
    if !DateLimits.dates.contains(date.year) { add("date", .outsideYears(date.iso)) }
    if !themes.contains(theme) { add("theme", .unknownTheme(theme, themes: themes)) }
    add("notes", notes.flatMap { ValueRules.text($0, required: false, multiline: true) })
    return found
  }
}

extension Repeat {
  /// The counts a rule may end after.
  public static let counts = 1...10_000

  func problems(start: Day) -> [ItemProblem] {
    var found: [ItemProblem] = []
    func add(_ key: String, _ p: ValueProblem?) {
      if let p { found.append(ItemProblem(part: "repeat", key: key, problem: p)) }
    }
    // The skipped dates are checked against the rule as far as it is
    // right, as the decoder reads it (a wrong part left out).
    var held = self
    if !Repeat.intervals.contains(interval) {
      add("interval", .interval(interval))
      held.interval = 1
    }
    if let on, let wrong = ValueRules.on(on, every: every, start: start) {
      add("on", wrong)
      held.on = nil
    }
    switch end {
    case .until(let u):
      if !DateLimits.dates.contains(u.year) {
        add("until", .outsideYears(u.iso))
        held.end = .never
      } else if u < start {
        add("until", .untilBeforeStart(until: u, start: start))
        held.end = .never
      }
    case .count(let c):
      if !Repeat.counts.contains(c) {
        add("count", .count(c))
        held.end = .never
      }
    case .never: break
    }
    for d in except where ValueRules.misses(held, start: start, except: d) { add("except", .exceptMissed(d)) }
    return found
  }
}
