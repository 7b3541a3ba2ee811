import PlanModel

/// The minimal plan with `n` activities spread over 2022 (every fifth one
/// weekly, every seventh timed), for outputs bigger than one piece.
public func planWithManyActivities(_ n: Int) throws -> Plan {
  var plan = try PlanFile.decode(Array(minimalPlan().utf8), file: "many.json")
  let first = Day(iso: "2022-01-01")!
  plan.activities.reserveCapacity(n)
  for i in 0..<n {
    var a = Activity(
      id: "a\(i)", title: "Aktivitet \(i) på Åsa gård – öppet för alla", theme: "t", start: first + (i * 7) % 365)
    if i % 5 == 0 { a.repeatRule = Repeat(every: .week, end: .count(3)) }
    if i % 7 == 0 { a.time = ClockSpan(start: TimeOfDay(hour: 9, minute: 0)!, end: TimeOfDay(hour: 10, minute: 0)!) }
    plan.activities.append(a)
  }
  return plan
}
