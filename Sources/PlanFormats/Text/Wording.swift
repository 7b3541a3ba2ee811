import PlanModel

/// Dates, times and repeat rules in words, the way each language writes them:
/// "8 feb", "14–18 mars", "v. 6", "08.30–09.30", "andra tisdagen varje månad".
public struct Wording: Sendable {
  public let language: Language
  public init(_ language: Language) { self.language = language }

  var sv: Bool { language == .sv }

  /// "8 feb"; with the year when asked: "8 feb 2022".
  public func day(_ d: Day, year: Bool = false) -> String {
    let text = "\(d.dayOfMonth) \(Names.shortMonth(d.month, language))"
    return year ? "\(text) \(d.year)" : text
  }

  /// "14–18 mars", "28 nov–16 dec", "28 dec 2022–3 jan 2023", or one day.
  public func range(_ a: Day, _ b: Day) -> String {
    if a == b { return day(a) }
    if a.year != b.year { return day(a, year: true) + "–" + day(b, year: true) }
    if a.month == b.month { return "\(a.dayOfMonth)–\(b.dayOfMonth) \(Names.shortMonth(a.month, language))" }
    return day(a) + "–" + day(b)
  }

  /// A range with its year said once: "14–18 mars 2022", "28 dec 2022–3 jan 2023".
  public func rangeWithYear(_ a: Day, _ b: Day) -> String {
    a.year == b.year ? range(a, b) + " " + String(a.year) : range(a, b)
  }

  /// "1 januari–31 december 2022".
  public func period(_ r: DayRange) -> String {
    func long(_ d: Day, _ y: Bool) -> String {
      let m = Names.month(d.month, language)
      return y ? "\(d.dayOfMonth) \(m) \(d.year)" : "\(d.dayOfMonth) \(m)"
    }
    return long(r.from, r.from.year != r.to.year) + "–" + long(r.to, true)
  }

  /// "v." (English "w."): a week number's mark.
  public var weekMark: String { sv ? "v." : "w." }

  /// "v. 6" or "v. 3–24" (English "w. 6").
  public func weeks(_ a: Day, _ b: Day) -> String {
    let prefix = weekMark
    let wa = a.isoWeek.week
    let wb = b.isoWeek.week
    return wa == wb ? "\(prefix) \(wa)" : "\(prefix) \(wa)–\(wb)"
  }

  /// "08.30–09.30" in Swedish, "08:30–09:30" in English.
  public func time(_ t: ClockSpan) -> String { clock(t.start) + "–" + clock(t.end) }

  /// "10.02" (Swedish), "10:02".
  public func clock(_ x: TimeOfDay) -> String { pad(x.hour, 2) + (sv ? "." : ":") + pad(x.minute, 2) }

  static let svOrdinals = ["första", "andra", "tredje", "fjärde", "femte"]
  static let enOrdinals = ["first", "second", "third", "fourth", "fifth"]
  static let svWeekdayDefinite = ["måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen"]

  /// "varannan", "var 3:e" / "every other", "every 3".
  func every(_ n: Int, neuter: Bool = false) -> String {
    if sv {
      switch n {
      case 1: return neuter ? "varje" : "varje"
      case 2: return neuter ? "vartannat" : "varannan"
      default: return neuter ? "vart \(n):e" : "var \(n):e"
      }
    }
    switch n {
    case 1: return "every"
    case 2: return "every other"
    default: return "every \(n)"
    }
  }

  /// The repeat rule of `a` in words: "andra tisdagen varje månad till 13 dec, utom 12 juli".
  public func rule(_ a: Activity) -> String? {
    guard let r = a.repeatRule else { return nil }
    let wd = a.start.weekday
    var text: String
    switch (r.every, r.monthlyOn) {
    case (.week, _):
      if sv {
        text = r.interval == 1 ? "varje \(Names.weekday(wd, .sv))" : "\(every(r.interval)) \(Names.weekday(wd, .sv))"
      } else {
        text = r.interval == 1 ? "every \(Names.weekday(wd, .en))" : "\(every(r.interval)) \(Names.weekday(wd, .en))"
        if r.interval > 2 { text = "every \(r.interval) weeks on \(Names.weekday(wd, .en))" }
      }
    case (.month, .date):
      let d = a.start.dayOfMonth
      if sv {
        text = "den \(d) \(every(r.interval)) månad"
      } else {
        text =
          "on day \(d) of "
          + (r.interval == 1 ? "every month" : "\(every(r.interval)) month" + (r.interval > 2 ? "s" : ""))
      }
    case (.month, .weekday), (.month, .lastWeekday):
      let n = a.start.weekdayOrdinalInMonth
      let last = r.monthlyOn == .lastWeekday
      if sv {
        let which = last ? "sista" : Self.svOrdinals[n - 1]
        text = "\(which) \(Self.svWeekdayDefinite[wd - 1]) \(every(r.interval)) månad"
      } else {
        let which = last ? "last" : Self.enOrdinals[n - 1]
        let months = r.interval == 1 ? "every month" : "\(every(r.interval)) month" + (r.interval > 2 ? "s" : "")
        text = "\(which) \(Names.weekday(wd, .en)) of \(months)"
      }
    case (.year, _):
      text =
        sv
        ? "\(every(r.interval, neuter: true)) år"
        : (r.interval == 1 ? "every year" : "\(every(r.interval)) year" + (r.interval > 2 ? "s" : ""))
    }
    switch r.end {
    case .never: break
    case .until(let u): text += sv ? " till \(day(u))" : " until \(day(u))"
    case .count(let c): text += sv ? ", \(c) gånger" : ", \(c) times"
    }
    if !r.except.isEmpty {
      let shown = r.except.sorted()
      let list =
        shown.count <= 3
        ? shown.map { day($0) }.joined(separator: sv ? " och " : " and ")
        : (sv ? "\(shown.count) datum" : "\(shown.count) dates")
      text += sv ? ", utom \(list)" : ", except \(list)"
    }
    return text
  }

  public func status(_ s: Status) -> String { s.word(language) }

  public func milestoneState(_ done: Bool) -> String {
    sv ? (done ? "klar" : "ej klar") : (done ? "done" : "not done")
  }

  public var milestonesHeading: String { sv ? "Milstolpar" : "Milestones" }
  public var upcomingHeading: String { sv ? "Kommande" : "Upcoming" }
  public var milestoneWord: String { sv ? "Milstolpe" : "Milestone" }
  public var ownerWord: String { ItemField.owner.label(language) }
  /// The wheel's legend heading, on the poster and the web page.
  public var ringsOutsideIn: String { sv ? "Ringarna utifrån och in" : "The rings, outside in" }
  /// What another calendar drawn on the wheel is called.
  public var layerWord: String { sv ? "lager" : "layer" }
  /// "(från 28 mars 2022)": since when the upcoming list counts.
  public func upcomingFrom(_ d: Day) -> String { "(" + (sv ? "från " : "from ") + day(d, year: true) + ")" }
  /// A public holiday's or eve's name (Swedish, as `SwedishHolidays` has
  /// it; two on one day are joined by ";") in this language.
  public func holidayName(_ swedish: String) -> String {
    guard !sv else { return swedish }
    return swedish.split(separator: ";").map { Self.englishHolidays[String($0).trimmed] ?? String($0).trimmed }
      .joined(separator: "; ")
  }

  static let englishHolidays: [String: String] = [
    "Nyårsdagen": "New Year's Day", "Trettondedag jul": "Epiphany", "Långfredagen": "Good Friday",
    "Påskafton": "Easter Eve", "Påskdagen": "Easter Sunday", "Annandag påsk": "Easter Monday",
    "Första maj": "May Day", "Kristi himmelsfärdsdag": "Ascension Day", "Pingstdagen": "Whit Sunday",
    "Annandag pingst": "Whit Monday", "Nationaldagen": "National Day", "Midsommarafton": "Midsummer Eve",
    "Midsommardagen": "Midsummer Day", "Alla helgons dag": "All Saints' Day", "Julafton": "Christmas Eve",
    "Juldagen": "Christmas Day", "Annandag jul": "Boxing Day", "Nyårsafton": "New Year's Eve",
    "Marie bebådelsedag": "Annunciation",
  ]

  /// What a day is (`PlanCalendar.marks`) in words: a holiday's name, "klämdag", a break's name.
  public func mark(_ m: PlanCalendar.Mark) -> String {
    switch m.kind {
    case .holiday, .eve: holidayName(m.name)
    case .squeeze: sv ? "klämdag" : "bridge day"
    case .breakDay: m.name
    }
  }

  /// Who the other side of a sync is, in a conflict it records.
  public var calendarSide: String { sv ? "kalendern" : "the calendar" }

  // The plan as one line per item (`arshjul textconv`, `LineForm`).
  public var planWord: String { "plan" }
  public var startMonthWord: String { sv ? "startmånad" : "start month" }
  public var calendarWord: String { sv ? "kalender" : "calendar" }
  public var conflictMark: String { sv ? "KONFLIKT" : "CONFLICT" }
  public var nothingPlanned: String { sv ? "Inget planerat." : "Nothing planned." }
  public func nothingAfter(_ d: Day) -> String {
    sv ? "Inget planerat efter \(day(d, year: true))." : "Nothing planned after \(day(d, year: true))."
  }
  public func counts(activities: Int, milestones: Int) -> String {
    sv
      ? "\(activities) \(activities == 1 ? "aktivitet" : "aktiviteter"), \(milestones) \(milestones == 1 ? "milstolpe" : "milstolpar")"
      : "\(activities) \(activities == 1 ? "activity" : "activities"), \(milestones) \(milestones == 1 ? "milestone" : "milestones")"
  }
}
