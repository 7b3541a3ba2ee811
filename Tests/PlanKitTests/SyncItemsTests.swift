import TestSupport
import Testing

@testable import PlanKit

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
}
