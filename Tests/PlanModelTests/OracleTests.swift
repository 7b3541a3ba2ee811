import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// The model's calendar and text rules against independent tables (made by
/// scripts/make-oracles from Python's datetime, holidays and wcwidth) and
/// against Foundation's Calendar.
@Suite struct OracleTests {
  func table(_ name: String) throws -> [[String]] {
    let text = try String(
      contentsOfFile: packageRoot.appendingPathComponent("Tests/PlanModelTests/Oracles/\(name)").path, encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }

  @Test func swedishHolidaysFrom1953To2100MatchThePythonHolidaysPackage() throws {
    var expected: [Day: String] = [:]
    for row in try table("holidays-se.tsv") { expected[try #require(Day(iso: row[0]))] = row[1] }
    var ours: [Day: String] = [:]
    for year in 1953...2100 { ours.merge(SwedishHolidays.holidays(year)) { a, _ in a } }
    let missing = expected.keys.filter { ours[$0] == nil }.sorted()
    let extra = ours.keys.filter { expected[$0] == nil }.sorted()
    #expect(missing.isEmpty, "missing: \(missing.prefix(10).map(\.iso))")
    #expect(extra.isEmpty, "extra: \(extra.prefix(10).map(\.iso))")
    let misnamed = expected.filter { ours[$0.key] != nil && ours[$0.key] != $0.value }
    #expect(misnamed.isEmpty, "\(misnamed.prefix(5))")
  }

  @Test func isoWeeksOfEveryYearFrom1000To9000MatchPythonsDatetime() throws {
    for row in try table("iso-weeks.tsv") {
      let year = try #require(Int(row[0]))
      let jan1 = try #require(Day(year: year, month: 1, day: 1))
      #expect(jan1.weekday == Int(row[1]), "\(year)")
      #expect(Day(year: year, month: 12, day: 28)!.isoWeek.week == Int(row[2]), "\(year)")
      // The first and last days of the year lie in the week Python says.
      let weekOfJan1 = jan1.isoWeek
      #expect(weekOfJan1.week == (jan1.weekday <= 4 ? 1 : (weekOfJan1.year == year - 1 ? weekOfJan1.week : -1)))
    }
  }

  @Test func everyDayFrom1583To9000MatchesFoundationsCalendar() throws {
    // Foundation's Gregorian calendar turns Julian before 15 October 1582;
    // The model's is proleptic, as ISO 8601 and Python's datetime are (the
    // years 1000–1582 are checked against Python above).
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    var date = calendar.date(from: DateComponents(year: 1583, month: 1, day: 1))!
    var day = Day(year: 1583, month: 1, day: 1)!
    let last = Day(year: 9000, month: 12, day: 31)!
    var checked = 0
    while day <= last {
      let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
      let (y, m, d) = day.ymd
      if parts.year != y || parts.month != m || parts.day != d || (parts.weekday! + 5) % 7 + 1 != day.weekday {
        Issue.record("\(day.iso) is \(parts) in Foundation")
        return
      }
      date = calendar.date(byAdding: .day, value: 1, to: date)!
      day = day + 1
      checked += 1
    }
    #expect(checked == last - Day(year: 1583, month: 1, day: 1)! + 1)
  }

  @Test func displayWidthMatchesWcwidthOverEveryCodePointAPlanMayHold() throws {
    var disagreements: [String] = []
    for row in try table("wcwidth.tsv") {
      let first = try #require(UInt32(row[0], radix: 16))
      let last = try #require(UInt32(row[1], radix: 16))
      let width = try #require(Int(row[2]))
      for value in first...last {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let ours = displayWidth(Character(scalar))
        if ours != width { disagreements.append("U+\(String(value, radix: 16, uppercase: true)) \(ours)≠\(width)") }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(20))")
  }
}
