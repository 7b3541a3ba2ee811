import TestSupport
import Testing

@testable import PlanModel

@Suite struct WheelGeometryTests {
  @Test(arguments: [(2022, 1), (2024, 1), (2023, 8), (2023, 3)])
  func everyDayRoundTrips(_ year: Int, _ startMonth: Int) {
    let plan = Plan(id: "p", title: "t", startMonth: startMonth)
    let wheel = YearWheel(year: plan.yearRange(year))
    var d = wheel.year.from
    while d <= wheel.year.to {
      #expect(wheel.day(atAngle: wheel.midAngle(d)) == d)
      #expect(wheel.day(atAngle: wheel.angle(d) + 1e-9) == d)
      d = d + 1
    }
  }

  @Test func knownAngles() {
    let wheel = YearWheel(year: Plan(id: "p", title: "t").yearRange(2022))
    #expect(wheel.angle(Day(iso: "2022-01-01")!) == 0)
    // 2 July 2022 is day 182 of 365: just short of half a turn.
    #expect(abs(wheel.angle(Day(iso: "2022-07-02")!) - 182.0 / 365 * 2 * .pi) < 1e-12)
    #expect(wheel.day(atAngle: .pi) == Day(iso: "2022-07-02")!)
    #expect(wheel.day(atAngle: 2 * .pi) == Day(iso: "2022-01-01")!)  // round the turn
    #expect(wheel.day(atAngle: -0.0001) == Day(iso: "2022-12-31")!)
  }

  @Test func aSchoolYearStartsInAugustAtTwelveOClock() {
    let wheel = YearWheel(year: Plan(id: "p", title: "t", startMonth: 8).yearRange(2022))
    #expect(wheel.monthStarts.first == Day(iso: "2022-08-01")!)
    #expect(wheel.monthStarts.last == Day(iso: "2023-07-01")!)
    #expect(wheel.angle(Day(iso: "2022-08-01")!) == 0)
    #expect(wheel.year.dayCount == 365)
  }

  @Test func pointsAndAnglesAreInverse() {
    for a in stride(from: 0.0, to: 2 * .pi, by: 0.1) {
      let p = YearWheel.point(angle: a, radius: 10, cx: 50, cy: 40)
      #expect(abs(YearWheel.angle(x: p.x, y: p.y, cx: 50, cy: 40) - a) < 1e-9)
    }
    let three = YearWheel.point(angle: .pi / 2, radius: 10, cx: 0, cy: 0)
    #expect(abs(three.x - 10) < 1e-9 && abs(three.y) < 1e-9)  // a quarter turn is 3 o'clock
  }

  @Test func ringsFillTheBandOutermostFirst() {
    let r = YearWheel.rings(count: 3, inner: 10, outer: 40, gap: 1.5)
    #expect(r.count == 3 && r[0].outer == 40 && abs(r[2].inner - 10) < 1e-9)
    #expect(abs((r[0].inner - r[1].outer) - 1.5) < 1e-9)
  }
}
