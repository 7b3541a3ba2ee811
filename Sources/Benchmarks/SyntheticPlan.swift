import PlanModel
import PlanStore

/// A deterministic synthetic plan of `count` activities: long Swedish
/// titles, every repeat form, timed and all-day, spread over a year.
enum SyntheticPlan {
  static let words = [
    "Digital", "frukostträff", "för", "kulturaktörer", "i", "Sörmland", "workshop", "om", "finansiering",
    "nätverksträff", "med", "kommunernas", "kulturchefer", "öppet", "hus", "på", "biblioteket", "samråd",
    "kring", "lösningsförslagen", "utställning", "läsecirkel", "föreläsning", "Nyköping", "Eskilstuna",
    "Katrineholm", "Strängnäs", "Flen", "Trosa", "Gnesta", "Oxelösund", "Vingåker",
  ]

  /// A small linear congruential generator: the same numbers on every machine.
  struct Random {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
  }

  static func make(_ count: Int, year: Int = 2022) -> Plan {
    var r = Random(state: UInt64(count))
    var plan = Plan(
      id: "bench-\(count)", title: "Syntetisk plan med \(count) aktiviteter", year: year,
      themes: Plan.standardThemes(language: .sv))
    let first = Day(year: year, month: 1, day: 1)!
    plan.activities.reserveCapacity(count)
    for i in 0..<count {
      let title = (0..<(5 + r.next(6))).map { _ in words[r.next(words.count)] }.joined(separator: " ")
      let start = first + r.next(365)
      let theme = plan.themes[r.next(3)].id
      var a = Activity(id: "a\(i)", title: title.prefix(1).uppercased() + title.dropFirst(), theme: theme, start: start)
      if r.next(3) == 0 {
        a.time = ClockSpan(start: TimeOfDay(hour: 8 + r.next(8), minute: 0)!, end: TimeOfDay(hour: 17, minute: 30)!)
      }
      switch r.next(100) {
      case 0..<5:
        a.repeatRule = Repeat(every: .week, end: .until(first + 364), except: [])
      case 5..<10:
        a.repeatRule = Repeat(every: .week, interval: 2, end: .count(10 + r.next(10)))
      case 10..<14:
        if start.dayOfMonth <= 28 { a.repeatRule = Repeat(every: .month, end: .until(first + 364)) }
      case 14..<17:
        if start.weekdayOrdinalInMonth <= 4 { a.repeatRule = Repeat(every: .month, on: .weekday, end: .count(6)) }
      case 17..<19:
        if start.isLastWeekdayOfMonth { a.repeatRule = Repeat(every: .month, interval: 2, on: .lastWeekday) }
      case 19..<20:
        a.repeatRule = Repeat(every: .year)
      case 20..<40:
        a.end = start + r.next(30)
      default:
        break
      }
      if r.next(4) == 0 { a.owner = "Ansvarig \(r.next(50))" }
      if r.next(5) == 0 { a.location = words[r.next(words.count)] }
      if r.next(6) == 0 { a.notes = "Anteckning om \(title)" }
      a.status = Status.allCases[r.next(4)]
      plan.activities.append(a)
    }
    for i in 0..<(count / 20) {
      plan.milestones.append(
        Milestone(id: "m\(i)", title: "Milstolpe \(i)", date: first + r.next(365), theme: plan.themes[r.next(3)].id))
    }
    return plan
  }
}
