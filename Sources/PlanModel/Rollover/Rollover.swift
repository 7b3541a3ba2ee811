/// Next year's plan from this year's: the same themes, settings and
/// unknown fields, and the activities anchored the way a planner means
/// them — a monthly "2nd Tuesday" stays the 2nd Tuesday, "last Friday" the
/// last Friday, a weekly Monday a Monday, every 3rd month the same months;
/// a one-off moves to the same ISO week and weekday (or, asked, the same
/// date); spans keep their length. Skipped dates move with their rule, and
/// those that no longer fall on an occurrence are dropped and told.
public enum Rollover {
  public struct Options: Sendable {
    public var year: Int
    public var sameDate: Bool
    public var all: Bool
    public var newID: String
    public init(year: Int, sameDate: Bool = false, all: Bool = false, newID: String) {
      self.year = year
      self.sameDate = sameDate
      self.all = all
      self.newID = newID
    }
  }

  public struct Result: Sendable {
    public var plan: Plan
    /// What moved where, what was left behind or dropped, as data.
    public var notes: [Note]

    /// How many activities and milestones now land on a holiday or eve.
    public var onHolidays: Int {
      notes.reduce(0) {
        switch $1 {
        case .onHolidays, .milestoneOnHoliday: $0 + 1
        default: $0
        }
      }
    }
  }

  /// One thing the roll-over did or could not do.
  public enum Note: Sendable, Equatable {
    /// The breaks (by name) are the old year's and not carried.
    case breaksNotCarried([String])
    case leftBehind(title: String, status: Status)
    /// A skipped date that falls on no occurrence in the new year.
    case exceptDropped(title: String, was: Day, would: Day)
    case moved(title: String, from: Day, to: Day, newFrom: Day, newTo: Day)
    case milestoneMoved(title: String, from: Day, to: Day)
    /// An activity that now lands on holidays (names in lower case, with their days).
    case onHolidays(title: String, days: [PlanWarning.NamedDays])
    case milestoneOnHoliday(title: String, holiday: String, day: Day)
  }

  public static func roll(_ old: Plan, from oldYear: Int, _ o: Options) -> Result {
    let years = o.year - oldYear
    var plan = old
    plan.id = o.newID
    plan.year = o.year
    plan.conflicts = []
    plan.calendarURL = nil
    // The title's year moves too: "Kulturplan 2022" → "Kulturplan 2023".
    plan.title = old.title.replacingOccurrences(of: String(oldYear), with: String(o.year))
    // Breaks are the municipality's for one year: next year's are set anew.
    plan.breaks = []
    var notes: [Note] = []
    if !old.breaks.isEmpty { notes.append(.breaksNotCarried(old.breaks.map(\.name))) }
    // Holidays of both years by name, to carry a skipped holiday to its new date.
    let oldHolidays = PlanCalendar(old)
    var newHolidayDays: [String: Day] = [:]  // "name|year"
    let newCalendar = PlanCalendar(plan)
    var day = Day(year: o.year, month: 1, day: 1)!
    while day <= Day(year: o.year + 1, month: 12, day: 31)! {
      if let h = newCalendar.holiday(day) { newHolidayDays["\(h.name)|\(day.year)"] = day }
      day = day + 1
    }
    plan.activities = []
    let yearRange = plan.yearRange(o.year)
    let oldRange = old.yearRange(oldYear)
    // A one-off's ISO week can begin or end across New Year: it is moved a
    // week into the new year. One the old plan had outside its year stays put.
    func placed(_ new: Day, _ was: Day) -> Day {
      guard oldRange.contains(was) else { return new }
      if new < yearRange.from && yearRange.from - new < 7 { return new + 7 }
      if new > yearRange.to && new - yearRange.to < 7 { return new - 7 }
      return new
    }
    for a in old.activities {
      if a.repeatRule == nil && (a.status == .done || a.status == .cancelled) && !o.all {
        notes.append(.leftBehind(title: a.title, status: a.status))
        continue
      }
      if a.repeatRule != nil && a.status == .cancelled && !o.all {
        notes.append(.leftBehind(title: a.title, status: .cancelled))
        continue
      }
      var b = a
      b.uid = nil
      b.source = nil
      if b.status == .done || b.status == .ongoing { b.status = .planned }
      let length = a.end - a.start
      if var r = a.repeatRule {
        b.start = anchor(a.start, rule: r, years: years, sameDate: o.sameDate)
        // The same ISO week can begin in the old year (Monday 30 Dec 2024 is
        // week 1 of 2025): the rule starts on its first occurrence inside
        // the new year, so no meeting stands in both plans.
        if b.start < yearRange.from {
          var probe = b
          probe.repeatRule = Repeat(every: r.every, interval: r.interval, on: r.on, end: .never)
          probe.end = probe.start + length
          if let first = probe.occurrences(in: yearRange).first(where: { $0.start >= yearRange.from }) {
            b.start = first.start
          }
        }
        b.end = b.start + length
        if case .until(let u) = r.end { r.end = .until(max(b.start, sameDay(u, years: years))) }
        var kept: [Day] = []
        var probe = b
        probe.repeatRule = Repeat(every: r.every, interval: r.interval, on: r.on, end: r.end)
        for d in r.except {
          // A skipped holiday stays skipped: annandag påsk 2022 → annandag påsk
          // 2023, wherever Easter falls; other dates move with the rule.
          var moved = anchor(d, rule: r, years: years, sameDate: o.sameDate)
          if let name = oldHolidays.holiday(d)?.name, let same = newHolidayDays["\(name)|\(d.year + years)"] {
            moved = same
          }
          if probe.occurrences(in: DayRange(from: moved, to: moved)).contains(where: { $0.start == moved }) {
            kept.append(moved)
          } else {
            notes.append(.exceptDropped(title: a.title, was: d, would: moved))
          }
        }
        r.except = kept
        b.repeatRule = r
      } else {
        b.start = placed(o.sameDate ? sameDay(a.start, years: years) : sameWeek(a.start, years: years), a.start)
        b.end = b.start + length
      }
      notes.append(.moved(title: a.title, from: a.start, to: a.end, newFrom: b.start, newTo: b.end))
      plan.activities.append(b)
    }
    plan.milestones = old.milestones.map { m in
      var n = m
      n.done = false
      n.date = placed(o.sameDate ? sameDay(m.date, years: years) : sameWeek(m.date, years: years), m.date)
      notes.append(.milestoneMoved(title: m.title, from: m.date, to: n.date))
      return n
    }
    // What now lands on a holiday or eve.
    let calendar = PlanCalendar(plan)
    let range = plan.yearRange(o.year)
    for a in plan.activities where !a.holidayOK {
      var days: [PlanWarning.NamedDays] = []
      a.forEachOccurrence(in: range) { occ in
        if let h = calendar.holiday(occ.start) {
          days.append(PlanWarning.NamedDays(name: h.name, from: occ.start, to: occ.start))
        }
      }
      if !days.isEmpty { notes.append(.onHolidays(title: a.title, days: days)) }
    }
    for m in plan.milestones {
      if let h = calendar.holiday(m.date) {
        notes.append(.milestoneOnHoliday(title: m.title, holiday: h.name, day: m.date))
      }
    }
    return Result(plan: plan, notes: notes)
  }

  /// The same month and day `years` on (29 February becomes the 28th).
  static func sameDay(_ d: Day, years: Int) -> Day {
    let (y, m, dd) = d.ymd
    return Day(year: y + years, month: m, day: min(dd, Day.daysIn(month: m, year: y + years)))!
  }

  /// The same ISO week and weekday `years` on (week 53 becomes 52 where
  /// the new year has none).
  static func sameWeek(_ d: Day, years: Int) -> Day {
    let (isoYear, week) = d.isoWeek
    let target = isoYear + years
    // Monday of ISO week 1: the Monday of the week holding 4 January.
    let jan4 = Day(year: target, month: 1, day: 4)!
    let week1 = jan4 - (jan4.weekday - 1)
    let weeks = Day(year: target, month: 12, day: 28)!.isoWeek.week
    return week1 + (min(week, weeks) - 1) * 7 + (d.weekday - 1)
  }

  /// A repeating activity's day in the new year, anchored as its rule says.
  static func anchor(_ d: Day, rule: Repeat, years: Int, sameDate: Bool) -> Day {
    switch rule.every {
    case .week:
      return sameDate ? nextWeekday(sameDay(d, years: years), d.weekday) : sameWeek(d, years: years)
    case .year:
      return sameDay(d, years: years)
    case .month:
      let y = d.year + years
      switch rule.monthlyOn {
      case .date:
        return sameDay(d, years: years)
      case .weekday:
        return Day.nthWeekday(min(d.weekdayOrdinalInMonth, 4), weekday: d.weekday, year: y, month: d.month)
          ?? sameDay(d, years: years)
      case .lastWeekday:
        return Day.nthWeekday(-1, weekday: d.weekday, year: y, month: d.month) ?? sameDay(d, years: years)
      }
    }
  }

  static func nextWeekday(_ d: Day, _ weekday: Int) -> Day { d + ((weekday - d.weekday + 7) % 7) }
}
