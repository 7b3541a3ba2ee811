import PlanModel

/// The days an RRULE (RFC 5545 §3.3.10) gives from a first day, for the
/// rules a plan's own repeat cannot say (several weekdays, BYSETPOS, daily),
/// so `import --expand` can bring them in as single occurrences. Supported:
/// FREQ DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, COUNT, UNTIL, BYDAY (with
/// ordinals in a month), BYMONTHDAY, BYMONTH, BYSETPOS; nil for anything else.
enum RuleExpansion {
  static let understood: Set<String> = [
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST",
  ]

  static func days(_ fields: [String: String], start: Day, until: Day?, within horizon: DayRange) -> [Day]? {
    guard Set(fields.keys).isSubset(of: understood), let freq = fields["FREQ"] else { return nil }
    let interval = max(1, fields["INTERVAL"].flatMap(Int.init) ?? 1)
    let count = fields["COUNT"].flatMap(Int.init)
    func ints(_ key: String) -> [Int]? { fields[key].map { $0.split(separator: ",").compactMap { Int($0) } } }
    let byMonth = ints("BYMONTH")
    let byMonthDay = ints("BYMONTHDAY")
    let bySetPos = ints("BYSETPOS")
    var byDay: [(Int, Int)]?
    if let raw = fields["BYDAY"] {
      let parsed = raw.split(separator: ",").map { ICalTime.ordinalWeekday(String($0)) }
      guard parsed.allSatisfy({ $0 != nil }) else { return nil }
      byDay = parsed.map { $0! }
    }
    let last = min(until ?? horizon.to, horizon.to)
    var out: [Day] = []
    var produced = 0

    /// The candidates of one period, before BYSETPOS.
    func monthDays(year: Int, month: Int) -> [Day] {
      let n = Day.daysIn(month: month, year: year)
      let first = Day(year: year, month: month, day: 1)!
      var days = (0..<n).map { first + $0 }
      if let byMonthDay {
        let wanted = Set(byMonthDay.map { $0 > 0 ? $0 : n + $0 + 1 })
        days = days.filter { wanted.contains($0.dayOfMonth) }
      }
      if let byDay {
        days = days.filter { d in
          byDay.contains { n, w in
            guard d.weekday == w else { return false }
            if n == 0 { return true }
            return Day.nthWeekday(n, weekday: w, year: year, month: month) == d
          }
        }
      }
      if byMonthDay == nil && byDay == nil { days = days.filter { $0.dayOfMonth == start.dayOfMonth } }
      return days
    }
    func setPos(_ days: [Day]) -> [Day] {
      guard let bySetPos else { return days }
      return bySetPos.compactMap { p in
        let i = p > 0 ? p - 1 : days.count + p
        return days.indices.contains(i) ? days[i] : nil
      }.sorted()
    }

    var periodStart = start
    var guardrail = 0
    while periodStart <= last, guardrail < 50_000 {
      guardrail += 1
      var candidates: [Day]
      var next: Day
      switch freq {
      case "DAILY":
        candidates = [periodStart]
        if let byMonth { candidates = candidates.filter { byMonth.contains($0.month) } }
        if let byMonthDay { candidates = candidates.filter { byMonthDay.contains($0.dayOfMonth) } }
        if let byDay { candidates = candidates.filter { d in byDay.contains { $0.1 == d.weekday } } }
        next = periodStart + interval
      case "WEEKLY":
        let monday = periodStart - (periodStart.weekday - 1)
        let weekdays = byDay?.map(\.1) ?? [start.weekday]
        candidates = (0..<7).map { monday + $0 }.filter { weekdays.contains($0.weekday) }
        if let byMonth { candidates = candidates.filter { byMonth.contains($0.month) } }
        candidates = setPos(candidates)
        next = monday + 7 * interval
      case "MONTHLY":
        let (y, m, _) = periodStart.ymd
        candidates = byMonth.map { $0.contains(m) } ?? true ? setPos(monthDays(year: y, month: m)) : []
        next = Day.firstOfMonth(year: y, month: m, adding: interval)
      case "YEARLY":
        let y = periodStart.year
        let months = byMonth ?? [start.month]
        candidates = setPos(months.sorted().flatMap { monthDays(year: y, month: $0) })
        next = Day(year: y + interval, month: 1, day: 1)!
      default:
        return nil
      }
      for d in candidates where d >= start && d <= last {
        if let count, produced >= count { return out }
        produced += 1
        if horizon.contains(d) { out.append(d) }
      }
      if let count, produced >= count { break }
      periodStart = next
    }
    return out
  }
}
