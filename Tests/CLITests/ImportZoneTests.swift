import Foundation
import PlanModel
import Testing

/// Repeating events from other zones and the TZIDs other programs write
/// (issue 26): each occurrence at its real time in the plan's zone, also
/// across daylight saving time on either side, or said why not.
@Suite struct ImportZoneTests {
  func calendar(_ body: String) -> String {
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")
      + "\r\nEND:VCALENDAR\r\n"
  }

  /// The plan's activities after importing `ics` into an empty 2023 plan,
  /// and what import said. With `expand`, --expand (and nothing may come in).
  func imported(_ ics: String, year: Int = 2023, expand: Bool = false) throws -> (activities: [Activity], said: String)
  {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let plan = dir + "/p.json"
    #expect(arshjul("new", plan, "--title", "T", "--year", "\(year)").status == 0)
    _ = FileManager.default.createFile(atPath: dir + "/in.ics", contents: Data(calendar(ics).utf8))
    let r = arshjul(["import", plan, dir + "/in.ics", "--theme", "1"] + (expand ? ["--expand"] : []))
    if !expand { #expect(r.status == 0, "\((r.stdout + r.stderr))") }
    return (try PlanFile.load(plan).plan.activities.sorted { $0.start < $1.start }, (r.stdout + r.stderr))
  }

  /// Every occurrence in 2023, as "day start–end" in the plan's time.
  func times(_ activities: [Activity]) -> [String] {
    let year = DayRange(from: Day(year: 2023, month: 1, day: 1)!, to: Day(year: 2023, month: 12, day: 31)!)
    return activities.flatMap { a in
      a.occurrences(in: year).map { "\($0.start.iso) \(a.time.map { "\($0.start)–\($0.end)" } ?? "")" }
    }.sorted()
  }

  @Test func aWeeklyEventInUTCKeepsItsUTCTimeAcrossDaylightSavingTime() throws {
    // 18:00 UTC is 19:00 in Stockholm in winter and 20:00 in summer.
    let r = try imported(
      "BEGIN:VEVENT\nUID:utc@x\nSUMMARY:Samtal\nDTSTART:20230320T180000Z\nDTEND:20230320T190000Z\n"
        + "RRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT")
    #expect(times(r.activities) == ["2023-03-20 19:00–20:00", "2023-03-27 20:00–21:00", "2023-04-03 20:00–21:00"])
    #expect(r.said.contains("repeats in UTC") && r.said.contains("2 parts at their own times (1 repeating)"))
  }

  @Test func aYearOfAUSMeetingIsThreeRepeatsWinterSummerWinter() throws {
    // 17:00 UTC every Thursday: 18:00 here until 24 March, 19:00 from
    // 30 March to 26 October, 18:00 again from 2 November.
    let ics =
      "BEGIN:VEVENT\nUID:us@x\nSUMMARY:Avstämning med Chicago\nDTSTART:20230105T170000Z\nDTEND:20230105T180000Z\n"
      + "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20231231T000000Z\nEND:VEVENT"
    let r = try imported(ics)
    #expect(r.activities.count == 3 && r.activities.allSatisfy { $0.repeatRule != nil })
    let all = times(r.activities)
    #expect(all.count == 52)
    #expect(all.contains("2023-03-23 18:00–19:00") && all.contains("2023-03-30 19:00–20:00"))
    #expect(all.contains("2023-10-26 19:00–20:00") && all.contains("2023-11-02 18:00–19:00"))
    #expect(r.said.contains("3 parts at their own times (3 repeating)"))
  }

  @Test func byDayCountsInTheEventsOwnZone() throws {
    // Thursdays 23:30 UTC are Fridays 00:30 in Stockholm (winter): the
    // plan's own weekly repeat, on Fridays.
    let r = try imported(
      "BEGIN:VEVENT\nUID:late@x\nSUMMARY:Sent\nDTSTART:20230105T233000Z\nDTEND:20230106T000000Z\n"
        + "RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=2\nEND:VEVENT")
    #expect(times(r.activities) == ["2023-01-06 00:30–01:00", "2023-01-13 00:30–01:00"])
    #expect(r.activities.count == 1 && r.activities.first?.repeatRule != nil)
  }

  @Test func aZoneWhoseTimeStaysTheSameKeepsThePlansRepeat() throws {
    // Helsinki is always an hour ahead of Stockholm: one repeating activity.
    let r = try imported(
      "BEGIN:VEVENT\nUID:hki@x\nSUMMARY:Möte\nDTSTART;TZID=Europe/Helsinki:20230306T110000\n"
        + "DTEND;TZID=Europe/Helsinki:20230306T120000\nRRULE:FREQ=WEEKLY;COUNT=10\nEND:VEVENT")
    #expect(r.activities.count == 1)
    #expect(r.activities.first?.repeatRule != nil && times(r.activities).count == 10)
    #expect(
      times(r.activities).first == "2023-03-06 10:00–11:00" && times(r.activities).last == "2023-05-08 10:00–11:00")
  }

  @Test func outlooksWindowsNameWithItsTrailingColonIsPacificTime() throws {
    let r = try imported(
      """
      BEGIN:VTIMEZONE
      TZID:Pacific Standard Time:
      BEGIN:STANDARD
      DTSTART:16010101T020000
      TZOFFSETFROM:-0700
      TZOFFSETTO:-0800
      RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
      END:STANDARD
      BEGIN:DAYLIGHT
      DTSTART:16010101T020000
      TZOFFSETFROM:-0800
      TZOFFSETTO:-0700
      RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
      END:DAYLIGHT
      END:VTIMEZONE
      BEGIN:VEVENT
      UID:pst@x
      SUMMARY:Avstämning
      DTSTART;TZID=Pacific Standard Time:20230309T100000
      DTEND;TZID=Pacific Standard Time:20230309T110000
      RRULE:FREQ=WEEKLY;COUNT=3
      END:VEVENT
      """)
    // 10:00 in Los Angeles: 18:00 in Stockholm while only the US has
    // summer time (from 12 March), 19:00 once both have (26 March).
    #expect(times(r.activities) == ["2023-03-09 19:00–20:00", "2023-03-16 18:00–19:00", "2023-03-23 18:00–19:00"])
  }

  @Test func globallyUniqueTZIDsAreTheirIANATail() throws {
    let r = try imported(
      "BEGIN:VEVENT\nUID:moz@x\nSUMMARY:Lightning\nDTSTART;TZID=/mozilla.org/20070129_1/America/New_York:20230601T090000\n"
        + "DTEND;TZID=/mozilla.org/20070129_1/America/New_York:20230601T100000\nEND:VEVENT")
    #expect(times(r.activities) == ["2023-06-01 15:00–16:00"])
  }

  @Test func anUnknownZoneIsThePlansTimeAndSaidSo() throws {
    let r = try imported(
      "BEGIN:VEVENT\nUID:unk@x\nSUMMARY:Okänd\nDTSTART;TZID=Mars/Olympus:20230601T090000\n"
        + "DTEND;TZID=Mars/Olympus:20230601T100000\nEND:VEVENT")
    #expect(times(r.activities) == ["2023-06-01 09:00–10:00"])
    #expect(r.said.contains("the zone \"Mars/Olympus\" is not known"))
  }

  @Test func aUTCUntilOnAWholeDayRuleAddsNoDay() throws {
    // 23:00Z on the 23rd is the 24th in Stockholm; the rule still ends on the 23rd.
    let r = try imported(
      "BEGIN:VEVENT\nUID:bin@x\nSUMMARY:Tömning\nDTSTART;VALUE=DATE:20230907\nDTEND;VALUE=DATE:20230908\n"
        + "RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TH;UNTIL=20230920T230000Z\nEND:VEVENT")
    let a = try #require(r.activities.first)
    #expect(
      a.occurrences(in: DayRange(from: a.start, to: a.start + 60)).map(\.start.iso) == ["2023-09-07", "2023-09-14"])
  }

  @Test func aSecondRuleIsNamedAndExpandedWhenAsked() throws {
    let ics =
      "BEGIN:VEVENT\nUID:two@x\nSUMMARY:Två regler\nDTSTART;VALUE=DATE:20230102\n"
      + "RRULE:FREQ=MONTHLY;BYMONTHDAY=2;COUNT=2\nRRULE:FREQ=MONTHLY;BYMONTHDAY=13;COUNT=2\nEND:VEVENT"
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let plan = dir + "/p.json"
    #expect(arshjul("new", plan, "--title", "T", "--year", "2023").status == 0)
    _ = FileManager.default.createFile(atPath: dir + "/in.ics", contents: Data(calendar(ics).utf8))
    let plain = arshjul("import", plan, dir + "/in.ics", "--theme", "1")
    #expect((plain.stdout + plain.stderr).contains("2 repeat rules (RRULE)"))
    let expanded = arshjul("import", plan, dir + "/in.ics", "--theme", "1", "--expand")
    #expect(expanded.status == 0)
    let days = try PlanFile.load(plan).plan.activities.map(\.start.iso).sorted()
    #expect(days == ["2023-01-02", "2023-01-13", "2023-02-02", "2023-02-13"])
  }

  @Test func anRDateOnADayWithAnOccurrenceIsASecondOneThatDay() throws {
    let r = try imported(
      "BEGIN:VEVENT\nUID:rd@x\nSUMMARY:Visning\nDTSTART:20230306T100000\nDTEND:20230306T110000\n"
        + "RRULE:FREQ=WEEKLY;COUNT=2\nRDATE:20230306T150000\nEND:VEVENT", expand: true)
    #expect(times(r.activities) == ["2023-03-06 10:00–11:00", "2023-03-06 15:00–16:00", "2023-03-13 10:00–11:00"])
  }

  @Test func aCancelledOccurrenceStaysOutAndThisAndFutureIsNamed() throws {
    let series =
      "BEGIN:VEVENT\nUID:s@x\nSUMMARY:Serie\nDTSTART:20230306T100000\nDTEND:20230306T110000\n"
      + "RRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\n"
    let cancelled = try imported(
      series + "BEGIN:VEVENT\nUID:s@x\nRECURRENCE-ID:20230313T100000\nSTATUS:CANCELLED\n"
        + "DTSTART:20230313T100000\nDTEND:20230313T110000\nSUMMARY:Serie\nEND:VEVENT", expand: true)
    #expect(times(cancelled.activities) == ["2023-03-06 10:00–11:00", "2023-03-20 10:00–11:00"])
    let future = try imported(
      series + "BEGIN:VEVENT\nUID:s@x\nRECURRENCE-ID;RANGE=THISANDFUTURE:20230313T100000\n"
        + "DTSTART:20230313T140000\nDTEND:20230313T150000\nSUMMARY:Serie\nEND:VEVENT", expand: true)
    #expect(future.activities.isEmpty)
    #expect(future.said.contains("RANGE=THISANDFUTURE") && future.said.contains("cannot be expanded"))
  }

  @Test func aTimeTheSpringChangeSkipsIsReadWithTheOffsetBeforeIt() throws {
    // 02:15 on 12 March does not exist in New York; RFC 5545 reads it as
    // EST (07:15 UTC), 08:15 in Stockholm. An hour the autumn change gives
    // twice is its first.
    let r = try imported(
      "BEGIN:VEVENT\nUID:gap@x\nSUMMARY:Lucka\nDTSTART;TZID=America/New_York:20230312T021500\n"
        + "DTEND;TZID=America/New_York:20230312T041500\nEND:VEVENT\n"
        + "BEGIN:VEVENT\nUID:twice@x\nSUMMARY:Två gånger\nDTSTART;TZID=America/New_York:20231105T013000\n"
        + "DTEND;TZID=America/New_York:20231105T020000\nEND:VEVENT")
    #expect(times(r.activities) == ["2023-03-12 08:15–09:15", "2023-11-05 06:30–08:00"])
  }
}
