import TestSupport
import Testing

@testable import PlanModel

@Suite struct DayTests {
  @Test func parsesOnlyRealDays() {
    #expect(Day(iso: "2022-02-08")?.iso == "2022-02-08")
    #expect(Day(iso: "2024-02-29") != nil)
    for bad in [
      "2022-02-29", "2022-13-01", "2022-02-30", "2022-04-31", "2022-00-10", "22-02-08", "2022-2-8", "2022/02/08", "",
    ] {
      #expect(Day(iso: bad) == nil, "\(bad)")
    }
  }

  @Test func weekdaysAndArithmetic() {
    let d = Day(iso: "2022-02-08")!
    #expect(d.weekday == 2)  // a Tuesday
    #expect((d + 21).iso == "2022-03-01")
    #expect(Day(iso: "2022-03-01")! - d == 21)
    #expect(Day(iso: "1970-01-01")!.ordinal == 0)
    #expect(Day(iso: "1969-12-31")!.weekday == 3)
  }

  @Test(arguments: [
    ("2022-01-01", 2021, 52), ("2022-01-03", 2022, 1), ("2020-12-31", 2020, 53), ("2021-01-03", 2020, 53),
    ("2026-11-24", 2026, 48), ("2024-12-30", 2025, 1), ("2022-02-08", 2022, 6),
  ])
  func isoWeeks(_ day: String, _ year: Int, _ week: Int) {
    let w = Day(iso: day)!.isoWeek
    #expect(w.year == year && w.week == week)
  }

  @Test func nthWeekdays() {
    #expect(Day.nthWeekday(2, weekday: 2, year: 2022, month: 3)?.iso == "2022-03-08")
    #expect(Day.nthWeekday(-1, weekday: 5, year: 2022, month: 4)?.iso == "2022-04-29")
    #expect(Day.nthWeekday(5, weekday: 2, year: 2022, month: 2) == nil)
  }

  @Test func typedDates() {
    let today = Day(iso: "2026-11-24")!
    let ref = Day(iso: "2022-01-01")!
    #expect(DateInput.parse("today", today: today) == today)
    #expect(DateInput.parse("+2w", today: today)?.iso == "2026-12-08")
    #expect(DateInput.parse("-3d", today: today)?.iso == "2026-11-21")
    #expect(DateInput.parse("+1m", today: Day(iso: "2022-01-31")!)?.iso == "2022-02-28")
    #expect(DateInput.parse("8/3", today: today, reference: ref)?.iso == "2022-03-08")
    #expect(DateInput.parse("8 mars", today: today, reference: ref)?.iso == "2022-03-08")
    #expect(DateInput.parse("8 mars 2023", today: today)?.iso == "2023-03-08")
    #expect(DateInput.parse("March 8", today: today, reference: ref)?.iso == "2022-03-08")
    #expect(DateInput.parse("30/2", today: today, reference: ref) == nil)
    #expect(DateInput.parse("soon", today: today) == nil)
  }

  @Test func slugs() {
    #expect(Identifier.slug("Digital frukostträff 8/2") == "digital-frukosttraff-8-2")
    #expect(Identifier.slug("Öppet hus på Kulturcentrum!") == "oppet-hus-pa-kulturcentrum")
    #expect(Identifier.slug("🎉") == "item")
    #expect(Identifier.unique("a", taken: ["a", "a-2"]) == "a-3")
    #expect(Identifier.isValid("frukost-2022.v1"))
    #expect(!Identifier.isValid("a\nb"))
    #expect(!Identifier.isValid("-a"))
  }
}
