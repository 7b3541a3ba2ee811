import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// The summary and the iCalendar export against reviewed golden files
/// (scripts/update-golden rewrites them; read the diff before committing).
@Suite struct ExportGoldenTests {
  let today = Day(iso: "2022-03-28")!
  let stamp = 1_669_291_200

  func golden(_ name: String) -> String {
    String(
      decoding: contents(packageRoot.appendingPathComponent("Tests/PlanFormatsTests/Golden/" + name).path),
      as: UTF8.self)
  }

  func plan(_ path: String) throws -> Plan { try loadPlan(packageRoot.appendingPathComponent(path).path) }

  @Test func summaryText() throws {
    let p = try examplePlan()
    let text = Summary.render(p, SummaryOptions(range: p.yearRange(2022), width: 80, language: .sv, today: today))
    #expect(text == golden("summary-kulturtillgangar.txt"))
    #expect(text.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= 80 })
  }

  @Test func summaryMarkdown() throws {
    let p = try examplePlan()
    let text = Summary.render(
      p, SummaryOptions(range: p.yearRange(2022), format: .markdown, width: 80, language: .sv, today: today))
    #expect(text == golden("summary-kulturtillgangar.md"))
  }

  @Test func summaryInEnglishWrapsAt60() throws {
    let p = try plan("Tests/ics/tricky-plan.json")
    let text = Summary.render(p, SummaryOptions(range: p.yearRange(2022), width: 60, language: .en, today: today))
    #expect(text == golden("summary-tricky-en.txt"))
    #expect(text.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= 60 })
  }

  @Test func icsOfTheExamplePlan() throws {
    let ics = ICalendar.export(try examplePlan(), options: ICalendarOptions(stamp: stamp))
    #expect(ics == golden("kulturtillgangar.ics"))
  }

  @Test func icsOfTrickyText() throws {
    let ics = ICalendar.export(try plan("Tests/ics/tricky-plan.json"), options: ICalendarOptions(stamp: stamp))
    #expect(ics == golden("tricky.ics"))
  }

  @Test func identicalInputGivesIdenticalOutputButForTheStamp() throws {
    let p = try examplePlan()
    let a = ICalendar.export(p, options: ICalendarOptions(stamp: 0))
    let b = ICalendar.export(p, options: ICalendarOptions(stamp: 1_700_000_000))
    let strip = { (s: String) in s.split(separator: "\r\n").filter { !$0.hasPrefix("DTSTAMP") } }
    #expect(strip(a) == strip(b))
    #expect(a.contains("DTSTAMP:19700101T000000Z\r\n"))
    #expect(b.contains("DTSTAMP:20231114T221320Z\r\n"))
  }

  @Test func uidsStayWhenTheItemIsEdited() throws {
    var p = try examplePlan()
    let before = ICalendar.export(p, options: ICalendarOptions(stamp: 0))
    p.activities[0].title = "Nytt namn"
    p.activities[0].start = p.activities[0].start + 1
    let after = ICalendar.export(p, options: ICalendarOptions(stamp: 0))
    let uids = { (s: String) in Set(s.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }) }
    #expect(uids(before) == uids(after))
    #expect(uids(before).count == p.activities.count + p.milestones.count)
  }
}

@Suite struct ICalendarTextTests {
  @Test func foldsAt75OctetsWithoutSplittingCharacters() {
    var c = ContentLines()
    c.text("SUMMARY", String(repeating: "å", count: 100))
    let lines = c.text.split(separator: "\r\n", omittingEmptySubsequences: true)
    #expect(lines.allSatisfy { $0.utf8.count <= 75 })
    #expect(lines.count == 3)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    // unfolding gives the line back
    let unfolded = c.text.replacingOccurrences(of: "\r\n ", with: "")
    #expect(unfolded == "SUMMARY:" + String(repeating: "å", count: 100) + "\r\n")
  }

  @Test func escapesTextButNeverColons() {
    #expect(ContentLines.escape("a\\b;c,d\ne: f\u{1B}[2J") == "a\\\\b\\;c\\,d\\ne: f[2J")
  }

  @Test func untilIsUTCForTimedAndADateForAllDay() throws {
    let p = try examplePlan()
    let ics = ICalendar.export(p, options: ICalendarOptions(stamp: 0))
    // frukosttraff: 08:30 Stockholm on 13 Dec (CET, UTC+1) is 07:30 UTC
    #expect(ics.contains("RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20221213T073000Z\r\n"))
    #expect(ics.contains("RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;COUNT=6") == false)
    #expect(ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20221215\r\n"))
    #expect(ics.contains("RRULE:FREQ=MONTHLY;INTERVAL=4;BYDAY=-1FR;UNTIL=20221231\r\n"))
    #expect(ics.contains("DTSTART;VALUE=DATE:20220117\r\nDTEND;VALUE=DATE:20220618\r\n"))
    #expect(ics.contains("BEGIN:DAYLIGHT\r\nDTSTART:20210328T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"))
  }

  @Test func filtersByThemeAndRange() throws {
    let p = try examplePlan()
    let ics = ICalendar.export(
      p,
      options: ICalendarOptions(
        range: DayRange(from: Day(iso: "2022-11-01")!, to: Day(iso: "2022-11-30")!), themes: ["motesplatser"],
        stamp: 0))
    let summaries = ics.split(separator: "\r\n").filter { $0.hasPrefix("SUMMARY:") }
    #expect(summaries == ["SUMMARY:Digital frukostträff", "SUMMARY:Höstkonferens: Sörmländska kulturtillgångar"])
  }
}
