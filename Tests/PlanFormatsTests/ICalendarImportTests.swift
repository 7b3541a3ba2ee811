import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// Reading iCalendar values (issue 15); whole files are checked in Tests/e2e/import.sh.
@Suite struct ICalendarImportTests {
  @Test func durations() {
    #expect(icalDuration("P1D") == 86400)
    #expect(icalDuration("PT1H30M") == 5400)
    #expect(icalDuration("P0DT23H59M0S") == 86340)
    #expect(icalDuration("P2W") == 14 * 86400)
    #expect(icalDuration("-PT15M") == -900)
    #expect(icalDuration("1H") == nil)
    #expect(icalDuration("PT") == nil)
  }

  @Test func ordinalWeekdays() {
    #expect(ICalTime.ordinalWeekday("2TU")! == (2, 2))
    #expect(ICalTime.ordinalWeekday("-1FR")! == (-1, 5))
    #expect(ICalTime.ordinalWeekday("MO")! == (0, 1))
    #expect(ICalTime.ordinalWeekday("XX") == nil)
    #expect(Day.nthWeekday(2, weekday: 2, year: 2022, month: 2)?.iso == "2022-02-08")
    #expect(Day.nthWeekday(-1, weekday: 1, year: 2022, month: 2)?.iso == "2022-02-28")
    // The second last, and none: what BYDAY=-2FR and a fifth Tuesday need.
    #expect(Day.nthWeekday(-2, weekday: 5, year: 2022, month: 2)?.iso == "2022-02-18")
    #expect(Day.nthWeekday(5, weekday: 2, year: 2022, month: 2) == nil)
    #expect(Day.nthWeekday(1, weekday: 1, year: 2022, month: 13) == nil)
  }

  @Test func expansionOfRulesThePlanCannotSay() {
    let year = DayRange(from: Day(iso: "2022-01-01")!, to: Day(iso: "2022-12-31")!)
    let mwf = RuleExpansion.days(
      ["FREQ": "WEEKLY", "BYDAY": "MO,WE,FR", "COUNT": "5"], start: Day(iso: "2022-01-10")!, until: nil, within: year)
    #expect(mwf?.map(\.iso) == ["2022-01-10", "2022-01-12", "2022-01-14", "2022-01-17", "2022-01-19"])
    let lastWorkday = RuleExpansion.days(
      ["FREQ": "MONTHLY", "BYDAY": "MO,TU,WE,TH,FR", "BYSETPOS": "-1", "COUNT": "3"], start: Day(iso: "2022-01-31")!,
      until: nil, within: year)
    #expect(lastWorkday?.map(\.iso) == ["2022-01-31", "2022-02-28", "2022-03-31"])
    #expect(RuleExpansion.days(["FREQ": "HOURLY"], start: year.from, until: nil, within: year) == nil)
  }

  @Test func ourOwnExportComesBackUnchanged() throws {
    let plan = try examplePlan()
    var again = plan
    let bytes = ICalendar.exportBytes(plan, options: ICalendarOptions(stamp: 0))
    let report = try ICalendarImport.apply(bytes, file: "x.ics", to: &again, theme: nil, expand: false)
    #expect(report.added.isEmpty && report.updated.isEmpty && report.skipped.isEmpty)
    #expect(again.fileText() == plan.fileText())
  }
}
