import TestSupport
import Testing

@testable import PlanModel

@Suite struct RepeatTests {
  func days(_ a: Activity, _ from: String = "2022-01-01", _ to: String = "2022-12-31") -> [String] {
    a.occurrences(in: DayRange(from: Day(iso: from)!, to: Day(iso: to)!)).map(\.start.iso)
  }

  func activity(_ start: String, _ end: String? = nil, _ rule: Repeat?) -> Activity {
    Activity(
      id: "x", title: "x", theme: "t", start: Day(iso: start)!, end: end.flatMap { Day(iso: $0) }, repeatRule: rule)
  }

  @Test func single() {
    #expect(days(activity("2022-03-01", "2022-03-05", nil)) == ["2022-03-01"])
    #expect(days(activity("2021-12-30", "2022-01-02", nil)) == ["2021-12-30"])  // overlaps the range
    #expect(days(activity("2021-12-30", nil, nil)).isEmpty)
  }

  @Test func weeklyWithExceptAndUntil() {
    let r = Repeat(every: .week, interval: 2, end: .until(Day(iso: "2022-02-28")!), except: [Day(iso: "2022-01-27")!])
    #expect(days(activity("2022-01-13", nil, r)) == ["2022-01-13", "2022-02-10", "2022-02-24"])
  }

  @Test func monthlyByDateSkipsMissingDays() {
    let r = Repeat(every: .month, end: .count(4))
    #expect(days(activity("2022-01-31", nil, r)) == ["2022-01-31", "2022-03-31", "2022-05-31", "2022-07-31"])
  }

  @Test func monthlyNthWeekday() {
    let r = Repeat(every: .month, on: .weekday, end: .until(Day(iso: "2022-06-30")!), except: [Day(iso: "2022-04-12")!])
    #expect(days(activity("2022-02-08", nil, r)) == ["2022-02-08", "2022-03-08", "2022-05-10", "2022-06-14"])
  }

  @Test func monthlyLastWeekdayWithInterval() {
    let r = Repeat(every: .month, interval: 4, on: .lastWeekday, end: .until(Day(iso: "2022-12-31")!))
    #expect(days(activity("2022-04-29", nil, r)) == ["2022-04-29", "2022-08-26", "2022-12-30"])
  }

  @Test func yearlyOnLeapDay() {
    let r = Repeat(every: .year, end: .count(2))
    #expect(days(activity("2020-02-29", nil, r), "2020-01-01", "2030-12-31") == ["2020-02-29", "2024-02-29"])
  }

  @Test func countIncludesExceptedDates() {
    // RFC 5545: EXDATE removes from the set COUNT made; it does not extend it.
    let r = Repeat(every: .week, end: .count(3), except: [Day(iso: "2022-01-10")!])
    #expect(days(activity("2022-01-03", nil, r)) == ["2022-01-03", "2022-01-17"])
  }

  @Test func openEndedStaysInRange() {
    let r = Repeat(every: .week)
    let found = days(activity("2000-01-03", nil, r), "2022-01-01", "2022-01-31")
    #expect(found == ["2022-01-03", "2022-01-10", "2022-01-17", "2022-01-24", "2022-01-31"])
  }

  @Test func multiDayOccurrencesOverlappingTheStart() {
    let r = Repeat(every: .week)
    let a = activity("2021-12-27", "2021-12-31", r)
    let occ = a.occurrences(in: DayRange(from: Day(iso: "2021-12-31")!, to: Day(iso: "2022-01-04")!))
    #expect(occ.map(\.start.iso) == ["2021-12-27", "2022-01-03"])
    #expect(occ.first?.end.iso == "2021-12-31")
  }
}
