/// What is wrong in a plan file, as data: the place it concerns (`what`,
/// named as `arshjul check` names it: `activity "x": "time"`) and why.
/// The words are made in one place, `message`, in the file format's own
/// language (English, like the keys), so a reworded message changes
/// nothing that reads a problem.
struct FileProblem: Sendable, Equatable {
  enum Expected: Sendable, Equatable {
    case string, wholeNumber, bool, array
  }

  enum Reason: Sendable, Equatable {
    /// The file's top level is not an object.
    case notAPlan(found: JSONTape.Kind)
    case notAnObject(found: JSONTape.Kind)
    case missing(key: String)
    case mustBe(Expected, key: String, found: JSONTape.Kind)
    case notADate(key: String, text: String)
    case notATime(key: String, text: String)
    /// A value against the rules every edit is held to (`ValueRules`).
    case value(ValueProblem, key: String)
    case format(String)
    case version(Int)
    case language(String)
    case timeZone(String)
    case startMonth(Int)
    case year(Int)
    case holidays(String)
    case themeIDTwice(String)
    case layerIDTwice(String)
    /// An item's id used before (the message names that line: `firstAt`).
    case idTwice(String)
    case noThemes
    case breakEndsBeforeStart(end: Day, start: Day)
    case breakOverlaps(String)
    case layerSource(masked: String, why: String)
    case conflictKind(String)
    case color(String)
    case status(String)
    case every(String)
    case monthlyOn(String)
    case untilAndCount
    case exceptNotADate(described: String)
  }

  /// The place, as the file names it; nil for the plan as a whole.
  var what: String?
  var reason: Reason

  var message: String {
    let words = reason.words
    guard let what else { return words }
    switch reason {
    case .notAnObject, .missing, .breakOverlaps: return what + " " + words
    default: return what + ": " + words
    }
  }
}

extension FileProblem.Reason {
  var words: String {
    switch self {
    case .notAPlan(let found): "a plan must be a JSON object at the top level, found \(found.kindName)"
    case .notAnObject(let found): "must be an object, found \(found.kindName)"
    case .missing(let key): "has no \"\(key)\""
    case .mustBe(let expected, let key, let found):
      "\"\(key)\" must be \(expected.words), found \(found.kindName)"
    case .notADate(let key, let text): "\"\(key)\" \(quoted(text)) is not a date; write YYYY-MM-DD of a day that exists"
    case .notATime(let key, let text): "\(key) \(quoted(text)) is not a time; write HH:MM (00:00–23:59)"
    case .value(let p, let key): p.words(key: key)
    case .format(let f): "\"format\" is \(quoted(f)); a plan file says \"\(Plan.formatName)\""
    case .version(let v):
      "plan format version \(v) "
        + (v > Plan.formatVersion
          ? "is newer than this arshjul reads (\(Plan.formatVersion)); update arshjul"
          : "is not a version of the plan format")
    case .language(let l): "\"language\" \(quoted(l)) must be \"sv\" or \"en\""
    case .timeZone(let tz): "\"timeZone\" \(quoted(tz)) is not a known time zone (e.g. \"Europe/Stockholm\")"
    case .startMonth(let m): "\"startMonth\" \(m) must be 1–12"
    case .year(let y): "\"year\" \(y) must be \(DateLimits.yearsText)"
    case .holidays(let h): "\"holidays\" \(quoted(h)) must be \"se\" (Swedish public holidays) or \"none\""
    case .themeIDTwice(let id): "theme id \(quoted(id)) is used twice"
    case .layerIDTwice(let id): "layer id \(quoted(id)) is used twice"
    case .idTwice(let id): "id \(quoted(id)) is used twice"
    case .noThemes: "the plan has no themes; add at least one"
    case .breakEndsBeforeStart(let end, let start): "end \(end) is before start \(start)"
    case .breakOverlaps(let other): "overlaps break \(quoted(other))"
    case .layerSource(let masked, let why): "\"source\" \(quoted(masked)): \(why)"
    case .conflictKind(let k):
      "a conflict's \"kind\" \(quoted(k)) must be \(Conflict.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
    case .color(let c): "color \(quoted(c)) must be one of \(ThemeColor.names.joined(separator: " ")) or #rrggbb"
    case .status(let s): "status \(quoted(s)) must be one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))"
    case .every(let e): "every \(quoted(e)) must be week, month or year"
    case .monthlyOn(let o): "on \(quoted(o)) must be date, weekday or last-weekday"
    case .untilAndCount: "give \"until\" or \"count\", not both"
    case .exceptNotADate(let described): "except holds \(described), not a date YYYY-MM-DD"
    }
  }
}

extension FileProblem.Expected {
  var words: String {
    switch self {
    case .string: "a string"
    case .wholeNumber: "a whole number"
    case .bool: "true or false"
    case .array: "an array"
    }
  }
}
