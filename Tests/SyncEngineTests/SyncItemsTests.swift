import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel
@testable import SyncEngine

/// The plan's items as calendar resources (issue 16); the sync itself runs
/// against Radicale and Xandikos in Tests/e2e/caldav.sh.
@Suite struct SyncItemsTests {
  @Test func hrefsAreSafeNamesForEveryUID() {
    #expect(SyncItems.href("frukosttraff-6f1c@arshjul") == "frukosttraff-6f1c@arshjul.ics")
    #expect(SyncItems.href("a b/å") == "a%20b%2F%C3%A5.ics")
  }

  @Test func theStateRoundTrips() throws {
    let plan = try examplePlan()
    var state = SyncState(url: "http://127.0.0.1:5232/anna/plan/")
    for item in SyncItems.items(plan).prefix(3) {
      state.items[item.uid] = SyncState.Entry(
        href: SyncItems.href(item.uid), etag: "\"e1\"", kind: item.kind, item: item.json)
    }
    state.foreign["x.ics"] = SyncState.Foreign(etag: "\"f\"", uid: "x@phone", title: "Middag")
    #expect(SyncState.decode(state.encoded()) == state)
    #expect(SyncState.decode(Array("{}".utf8)) == nil)
  }

  @Test func aCalendarsVersionMergesFieldByField() throws {
    let plan = try examplePlan()
    let item = try #require(SyncItems.items(plan).first { $0.id == "kulturting" })
    // The calendar changed the title; the plan changed the place.
    var body = String(decoding: SyncItems.body(item, plan, stamp: 0), as: UTF8.self)
    body = body.replacingOccurrences(of: "SUMMARY:Kulturting Sörmland", with: "SUMMARY:Kulturting i Eskilstuna")
    let theirs = try #require(SyncItems.fromServer(Array(body.utf8), last: item, plan: plan))
    var mine = item
    var members = item.json.members!
    members["location"] = .string("Munktellarenan")
    mine.json = .object(members.map { ($0.key, $0.value) })
    let merged = SyncItems.merge(base: item.json, ours: mine, theirs: theirs.item, kind: .activity, plan: plan)
    #expect(merged.conflicts.isEmpty)
    let m = try #require(merged.item?.members)
    #expect(m["title"]?.value == .string("Kulturting i Eskilstuna"))
    #expect(m["location"]?.value == .string("Munktellarenan"))
  }

  @Test func movedAndCancelledOccurrencesBecomeSkippedDaysAndAOneOff() throws {
    // A phone moved one weekly meeting and cancelled another: the server
    // holds the rule and two RECURRENCE-ID events, each read once.
    let plan = try examplePlan()
    let item = try #require(SyncItems.items(plan).first { $0.id == "projektledaravstamning" })
    var body = String(decoding: SyncItems.body(item, plan, stamp: 0), as: UTF8.self)
    let uid = try #require(body.firstMatch(of: /UID:([^\r\n]+)/)?.1)
    let tz = try #require(body.firstMatch(of: /DTSTART;TZID=([^:]+):/)?.1)
    let overrides = [
      "BEGIN:VEVENT", "UID:\(uid)", "RECURRENCE-ID;TZID=\(tz):20220307T090000",
      "DTSTART;TZID=\(tz):20220309T130000", "DTEND;TZID=\(tz):20220309T140000",
      "SUMMARY:Avstämning projektledare", "END:VEVENT",
      "BEGIN:VEVENT", "UID:\(uid)", "RECURRENCE-ID;TZID=\(tz):20220314T090000",
      "DTSTART;TZID=\(tz):20220314T090000", "DTEND;TZID=\(tz):20220314T100000",
      "SUMMARY:Avstämning projektledare", "STATUS:CANCELLED", "END:VEVENT",
    ].joined(separator: "\r\n")
    body = body.replacingOccurrences(of: "END:VCALENDAR", with: overrides + "\r\nEND:VCALENDAR")
    let theirs = try #require(SyncItems.fromServer(Array(body.utf8), last: item, plan: plan))
    let except = try #require(theirs.item.members?["repeat"]?.members?["except"])
    guard case .array(let days) = except.value else {
      Issue.record("no except list")
      return
    }
    let skipped = days.compactMap { node -> String? in
      if case .string(let s) = node.value { return s }
      return nil
    }
    #expect(skipped.contains("2022-03-07") && skipped.contains("2022-03-14"))
    #expect(theirs.oneOffs.count == 1)
    let moved = try #require(theirs.oneOffs.first)
    #expect(moved.start == Day(year: 2022, month: 3, day: 9)!)
    #expect(moved.time == ClockSpan(start: TimeOfDay("13:00")!, end: TimeOfDay("14:00")!))
    #expect(moved.uid == nil && moved.repeatRule == nil && moved.theme == "stottande-strukturer")
    #expect(moved.id == "projektledaravstamning-2022-03-07")
    #expect(
      theirs.notes == [
        .occurrenceMoved(title: "Avstämning projektledare", day: Day(year: 2022, month: 3, day: 7)!, to: moved.start),
        .occurrenceCancelled(title: "Avstämning projektledare", day: Day(year: 2022, month: 3, day: 14)!),
      ])
  }
}
