/// The plan file, format version 1 (see docs/plan-format.md).
public struct Plan: Sendable, Equatable {
  public static let formatName = "arshjul-plan"
  public static let formatVersion = 1

  public var id: String
  public var title: String
  public var language: Language
  public var timeZone: String
  public var startMonth: Int
  /// The planning year to open at; nil means the year of the plan's items.
  public var year: Int?
  public var themes: [Theme]
  public var activities: [Activity]
  public var milestones: [Milestone]
  /// The plan's own breaks (school holidays and the like), named.
  public var breaks: [Break] = []
  /// Which public holidays apply: Swedish (the default) or none.
  public var holidayCalendar: HolidayCalendar = .se
  /// Other calendars and plans shown beside this one, read-only.
  public var layers: [PlanLayer] = []
  /// The CalDAV calendar `arshjul sync` keeps this plan in, once it has.
  public var calendarURL: String?
  /// Merge conflicts waiting for a planner's choice (empty in a clean plan).
  public var conflicts: [Conflict] = []
  /// Fields this build does not know, kept so that a save loses nothing.
  public var extra: [String: JSONNode]

  public init(
    id: String, title: String, language: Language = .sv, timeZone: String = "Europe/Stockholm",
    startMonth: Int = 1, year: Int? = nil, themes: [Theme] = [], activities: [Activity] = [],
    milestones: [Milestone] = [],
    extra: [String: JSONNode] = [:]
  ) {
    self.id = id
    self.title = title
    self.language = language
    self.timeZone = timeZone
    self.startMonth = startMonth
    self.year = year
    self.themes = themes
    self.activities = activities
    self.milestones = milestones
    self.extra = extra
  }

  public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
  public func themeIndex(_ id: String) -> Int? { themes.firstIndex { $0.id == id } }

  /// Every id in use, activities and milestones share one namespace so that an
  /// id names one item (and one iCalendar UID).
  public var itemIDs: Set<String> { Set(activities.map(\.id)).union(milestones.map(\.id)) }

  /// The three themes of the programme the product grew from.
  public static func standardThemes(language: Language) -> [Theme] {
    switch language {
    case .sv:
      [
        Theme(id: "stottande-strukturer", name: "Stöttande strukturer", color: .named("blue")),
        Theme(id: "samverkan", name: "Samverkan", color: .named("green")),
        Theme(id: "motesplatser", name: "Mötesplatser", color: .named("magenta")),
      ]
    case .en:
      [
        Theme(id: "stottande-strukturer", name: "Supporting structures", color: .named("blue")),
        Theme(id: "samverkan", name: "Collaboration", color: .named("green")),
        Theme(id: "motesplatser", name: "Meeting places", color: .named("magenta")),
      ]
    }
  }
}

public enum Language: String, Sendable, CaseIterable {
  case sv, en
}

public struct Theme: Sendable, Equatable {
  public var id: String
  public var name: String
  public var color: ThemeColor
  public var extra: [String: JSONNode]
  public init(id: String, name: String, color: ThemeColor, extra: [String: JSONNode] = [:]) {
    self.id = id
    self.name = name
    self.color = color
    self.extra = extra
  }
}

public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
  case named(String)
  case rgb(UInt8, UInt8, UInt8)

  public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  public init?(_ text: String) {
    if ThemeColor.names.contains(text) {
      self = .named(text)
      return
    }
    let u = Array(text.utf8)
    guard u.count == 7, u[0] == UInt8(ascii: "#"), let v = UInt32(String(text.dropFirst()), radix: 16) else {
      return nil
    }
    self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
  }

  public var description: String {
    switch self {
    case .named(let n): n
    case .rgb(let r, let g, let b):
      "#" + hexDigits(UInt32(r), width: 2).lowercased() + hexDigits(UInt32(g), width: 2).lowercased()
        + hexDigits(UInt32(b), width: 2).lowercased()
    }
  }

  /// sRGB values for drawing (the SVG wheel, 256-colour terminals).
  public var rgb: (r: UInt8, g: UInt8, b: UInt8) {
    switch self {
    case .rgb(let r, let g, let b): (r, g, b)
    case .named(let n):
      switch n {
      case "black": (0x33, 0x33, 0x33)
      case "red": (0xC0, 0x39, 0x2B)
      case "green": (0x2E, 0x8B, 0x57)
      case "yellow": (0xD4, 0xA0, 0x17)
      case "blue": (0x2E, 0x6D, 0xB4)
      case "magenta": (0x9B, 0x3C, 0x8F)
      case "cyan": (0x1A, 0x9C, 0xB0)
      default: (0xAA, 0xAA, 0xAA)
      }
    }
  }
}

public enum Status: String, Sendable, CaseIterable {
  case planned, ongoing, done, cancelled
}

public struct ClockSpan: Sendable, Equatable {
  public var start: TimeOfDay
  public var end: TimeOfDay
  public var extra: [String: JSONNode]
  public init(start: TimeOfDay, end: TimeOfDay, extra: [String: JSONNode] = [:]) {
    self.start = start
    self.end = end
    self.extra = extra
  }
}

public struct Activity: Sendable, Equatable, Identifiable {
  public var id: String
  public var title: String
  public var theme: String
  public var start: Day
  /// Inclusive.
  public var end: Day
  public var notes: String?
  public var status: Status
  /// Meant to be on holidays and in breaks (a national-day celebration): no warning.
  public var holidayOK = false
  public var extra: [String: JSONNode]
  // What most activities leave out is kept behind a pointer each (see
  // `Boxed`): an activity takes 120 bytes instead of 248, which is most of
  // what a 20,000-activity plan needs beyond its text.
  private var boxedTime: Boxed<ClockSpan>?
  private var boxedRepeat: Boxed<Repeat>?
  private var boxedDetails: Boxed<Details>?

  public var time: ClockSpan? {
    get { boxedTime?.value }
    set { boxedTime = newValue.map(Boxed.init) }
  }

  public var repeatRule: Repeat? {
    get { boxedRepeat?.value }
    set { boxedRepeat = newValue.map(Boxed.init) }
  }

  public var owner: String? {
    get { boxedDetails?.value.owner }
    set { details.owner = newValue }
  }

  public var location: String? {
    get { boxedDetails?.value.location }
    set { details.location = newValue }
  }

  /// The UID of the calendar event it was imported from (or synced with),
  /// when that was not this plan's own; re-importing updates by it.
  public var uid: String? {
    get { boxedDetails?.value.uid }
    set { details.uid = newValue }
  }

  /// The file it was imported from (its name), to tell what disappeared there.
  public var source: String? {
    get { boxedDetails?.value.source }
    set { details.source = newValue }
  }

  /// The optional texts, together: none set is no box at all, so two
  /// activities without them compare equal however they got there.
  private struct Details: Sendable, Equatable {
    var owner: String?
    var location: String?
    var uid: String?
    var source: String?
  }

  private var details: Details {
    get { boxedDetails?.value ?? Details() }
    set { boxedDetails = newValue == Details() ? nil : Boxed(newValue) }
  }

  public init(
    id: String, title: String, theme: String, start: Day, end: Day? = nil, time: ClockSpan? = nil,
    repeatRule: Repeat? = nil, owner: String? = nil, location: String? = nil, notes: String? = nil,
    status: Status = .planned, extra: [String: JSONNode] = [:]
  ) {
    self.id = id
    self.title = title
    self.theme = theme
    self.start = start
    self.end = end ?? start
    self.notes = notes
    self.status = status
    self.extra = extra
    self.time = time
    self.repeatRule = repeatRule
    self.owner = owner
    self.location = location
  }

  /// Length in days of one occurrence, minus one (0 for a single day).
  public var spanDays: Int { end - start }
}

/// A named period of the plan's own: `Sportlov v. 8`, `Sommaruppehåll`.
public struct Break: Sendable, Equatable {
  public var name: String
  public var start: Day
  /// Inclusive.
  public var end: Day
  public init(name: String, start: Day, end: Day) {
    self.name = name
    self.start = start
    self.end = end
  }
}

public enum HolidayCalendar: String, Sendable, CaseIterable {
  case se, none
}

public struct Milestone: Sendable, Equatable, Identifiable {
  public var id: String
  public var title: String
  public var date: Day
  public var theme: String
  public var done: Bool
  public var notes: String?
  /// Work of its theme must be done by then: an activity over it is warned of.
  public var deadline = false
  public var extra: [String: JSONNode]
  public init(
    id: String, title: String, date: Day, theme: String, done: Bool = false, notes: String? = nil,
    extra: [String: JSONNode] = [:]
  ) {
    self.id = id
    self.title = title
    self.date = date
    self.theme = theme
    self.done = done
    self.notes = notes
    self.extra = extra
  }
}

public struct Repeat: Sendable, Equatable {
  /// The intervals a rule may have: every week up to every 1000 years.
  public static let intervals = 1...1000
  public enum Frequency: String, Sendable, CaseIterable { case week, month, year }
  /// How a monthly repeat picks its day.
  public enum MonthlyOn: String, Sendable, CaseIterable {
    case date, weekday
    case lastWeekday = "last-weekday"
  }
  public enum End: Sendable, Equatable {
    case never
    case until(Day)
    case count(Int)
  }

  public var every: Frequency
  public var interval: Int
  public var on: MonthlyOn?
  public var end: End
  public var except: [Day]
  public var extra: [String: JSONNode]

  public init(
    every: Frequency, interval: Int = 1, on: MonthlyOn? = nil, end: End = .never, except: [Day] = [],
    extra: [String: JSONNode] = [:]
  ) {
    self.every = every
    self.interval = interval
    self.on = on
    self.end = end
    self.except = except
    self.extra = extra
  }

  public var monthlyOn: MonthlyOn { on ?? .date }
}
