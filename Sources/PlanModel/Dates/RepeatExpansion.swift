/// One occurrence of an activity: its first and last (inclusive) day.
public struct Occurrence: Sendable, Hashable, Comparable {
  public var start: Day
  public var end: Day
  public init(start: Day, end: Day) {
    self.start = start
    self.end = end
  }
  public static func < (a: Occurrence, b: Occurrence) -> Bool {
    (a.start, a.end) < (b.start, b.end)
  }
}

/// A closed range of days, as a planner says "from 1 Jan to 31 Dec".
public struct DayRange: Sendable, Hashable {
  public var from: Day
  public var to: Day
  public init(from: Day, to: Day) {
    self.from = from
    self.to = to
  }
  public func contains(_ d: Day) -> Bool { d >= from && d <= to }
  public func overlaps(_ a: Day, _ b: Day) -> Bool { a <= to && b >= from }
  public var dayCount: Int { to - from + 1 }
}

extension Repeat {
  /// The start day of the k-th period (k = 0 is the activity's own start),
  /// or nil when that period has no such day (31 April, 29 Feb in 2023,
  /// a fifth Tuesday), which RFC 5545 also skips without counting it.
  func candidate(_ k: Int, from first: Day) -> Day? {
    switch every {
    case .week:
      return first + 7 * interval * k
    case .year:
      let (y, m, d) = first.ymd
      return Day(year: y + interval * k, month: m, day: d)
    case .month:
      let (y, m, d) = first.ymd
      let anchor = Day.firstOfMonth(year: y, month: m, adding: interval * k)
      let (ay, am, _) = anchor.ymd
      switch monthlyOn {
      case .date:
        return Day(year: ay, month: am, day: d)
      case .weekday:
        return Day.nthWeekday(first.weekdayOrdinalInMonth, weekday: first.weekday, year: ay, month: am)
      case .lastWeekday:
        return Day.nthWeekday(-1, weekday: first.weekday, year: ay, month: am)
      }
    }
  }

  /// The index of the first period that could reach `day`, for jumping
  /// ahead when no count has to be kept.
  func firstPeriod(reaching day: Day, from first: Day) -> Int {
    guard day > first else { return 0 }
    switch every {
    case .week:
      return max(0, (day - first) / (7 * interval) - 1)
    case .month:
      let months = (day.year - first.year) * 12 + (day.month - first.month)
      return max(0, months / interval - 1)
    case .year:
      return max(0, (day.year - first.year) / interval - 1)
    }
  }
}

extension Activity {
  /// Every occurrence that overlaps `range`, in date order, with `except`
  /// dates left out. A non-repeating activity has one occurrence.
  public func occurrences(in range: DayRange) -> [Occurrence] {
    var result: [Occurrence] = []
    forEachOccurrence(in: range) { result.append($0) }
    return result
  }

  public func forEachOccurrence(in range: DayRange, _ body: (Occurrence) -> Void) {
    let span = spanDays
    guard let rule = repeatRule else {
      if range.overlaps(start, end) { body(Occurrence(start: start, end: end)) }
      return
    }
    let excluded = Set(rule.except)
    var k = 0
    var generated = 0
    let limitCount: Int?
    var lastDay = range.to
    switch rule.end {
    case .never: limitCount = nil
    case .count(let n): limitCount = n
    case .until(let u):
      limitCount = nil
      lastDay = min(lastDay, u)
    }
    if limitCount == nil {
      k = rule.firstPeriod(reaching: range.from - span, from: start)
    }
    // A run of empty periods is at most a few (no 5th Tuesday for two
    // months, no 29 Feb for three years), so this guard only stops a bad rule.
    var misses = 0
    while misses < 100 {
      guard let day = rule.candidate(k, from: start) else {
        k += 1
        misses += 1
        continue
      }
      misses = 0
      k += 1
      if day < start { continue }
      if let n = limitCount {
        if generated >= n { return }
        generated += 1
      }
      if day > lastDay { return }
      let occurrenceEnd = day + span
      if occurrenceEnd >= range.from && !excluded.contains(day) {
        body(Occurrence(start: day, end: occurrenceEnd))
      }
    }
  }

  /// The last day any occurrence reaches, or nil when it repeats for ever.
  public var lastDay: Day? {
    guard let rule = repeatRule else { return end }
    switch rule.end {
    case .never: return nil
    case .until(let u): return u + spanDays
    case .count:
      var last = end
      forEachOccurrence(in: DayRange(from: start, to: Day(ordinal: Int(Int32.max)))) { last = $0.end }
      return last
    }
  }
}
