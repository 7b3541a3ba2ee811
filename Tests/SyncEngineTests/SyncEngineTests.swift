import PlanFormats
import PlanModel
import SyncEngine
import Testing

/// The engine's per-item outcomes, each in a set-up of its own: what a
/// live server does rarely (someone first twice, an event deleted between
/// the listing and the read, a refused write) and what it does every
/// time (an idle sync after an upload).
@Suite struct SyncEngineTests {
  static func plan() -> Plan {
    var plan = Plan(id: "p", title: "Plan", themes: [Theme(id: "t", name: "Tema", color: ThemeColor("blue")!)])
    for i in 0..<3 {
      let start = Day(year: 2026, month: 3 + i, day: 2)!
      plan.activities.append(Activity(id: "a\(i)", title: "Aktivitet \(i)", theme: "t", start: start))
    }
    return plan
  }

  /// The plan synced once, with its store and state.
  static func synced() async throws -> (Plan, SyncState, MemoryStore) {
    let store = MemoryStore()
    let first = SyncEngine(plan: plan(), state: SyncState(url: "memory:"), store: store, stamp: 1)
    try await first.run()
    #expect(first.sent.new == 3)
    return (first.plan, first.state, store)
  }

  static func name(_ plan: Plan, _ id: String) -> String {
    SyncItems.href(SyncItems.items(plan).first { $0.id == id }!.uid)
  }

  @Test func anIdleSyncAfterAnUploadIsOneRequestThatListsNothing() async throws {
    let (plan, state, store) = try await Self.synced()
    let before = store.requestCount
    let idle = SyncEngine(plan: plan, state: state, store: store, stamp: 2)
    try await idle.run()
    #expect(store.requestCount - before == 1)
    #expect(idle.sent.total == 0 && idle.received == SyncDecisions.Received() && idle.notes.isEmpty)
  }

  @Test func someoneFirstTwiceIsARecordedConflictNotADrop() async throws {
    var (plan, state, store) = try await Self.synced()
    let name = Self.name(plan, "a1")
    plan.activities[1].location = "Biblioteket"
    // The phone changes the title just before our PUT, and again just
    // before the PUT that follows the merge.
    let start = store.requestCount
    store.alsoMeanwhile = [
      (start + 2, .edit(name, property: "SUMMARY", value: "Telefon 1")),
      (start + 4, .edit(name, property: "SUMMARY", value: "Telefon 2")),
    ]
    let engine = SyncEngine(plan: plan, state: state, store: store, stamp: 2)
    try await engine.run()
    #expect(engine.conflicts == 1)
    #expect(engine.notes.contains(.changedAgain(title: "Telefon 1")))
    let c = try #require(engine.plan.conflicts.first)
    #expect(c.id == "a1")
    // The merge of the first race came into the plan: their title, our place.
    let a = try #require(engine.plan.activities.first { $0.id == "a1" })
    #expect(a.title == "Telefon 1" && a.location == "Biblioteket")
    state = engine.state
  }

  @Test func anEventDeletedBetweenTheListingAndTheReadIsOneNote() async throws {
    let (plan, state, store) = try await Self.synced()
    let a0 = Self.name(plan, "a0")
    let a2 = Self.name(plan, "a2")
    store.change(.edit(a0, property: "SUMMARY", value: "Ändrad"))
    store.change(.edit(a2, property: "SUMMARY", value: "Raderas"))
    // Deleted after the listing (request 1), before the multiget (request 2).
    store.alsoMeanwhile = [(store.requestCount + 2, .remove(a2))]
    let engine = SyncEngine(plan: plan, state: state, store: store, stamp: 2)
    try await engine.run()
    #expect(engine.notes.contains(.goneWhileReading(title: "Aktivitet 2")))
    #expect(engine.plan.activities.map(\.title) == ["Ändrad", "Aktivitet 1"])
  }

  @Test func aRefusedWriteIsNamedAndTheRestGoesOn() async throws {
    var plan = Self.plan()
    let store = MemoryStore()
    store.refuses = [Self.name(plan, "a1")]
    let engine = SyncEngine(plan: plan, state: SyncState(url: "memory:"), store: store, stamp: 1)
    try await engine.run()
    #expect(engine.sent.new == 2)
    let uid = SyncItems.items(plan).first { $0.id == "a1" }!.uid
    #expect(engine.notes == [.refused(uid: uid, status: 403, reason: "not kept here")])
    // Not in the state: the next sync tries again.
    #expect(engine.state.items[uid] == nil)
    plan = engine.plan
    store.refuses = []
    let again = SyncEngine(plan: plan, state: engine.state, store: store, stamp: 2)
    try await again.run()
    #expect(again.sent.new == 1)
  }

  @Test func aChangeToAnEventDeletedMeanwhileWaitsForTheNextSync() async throws {
    var (plan, state, store) = try await Self.synced()
    let name = Self.name(plan, "a0")
    plan.activities[0].title = "Ny titel"
    // Deleted on a phone after the listing, before our PUT.
    store.alsoMeanwhile = [(store.requestCount + 2, .remove(name))]
    let engine = SyncEngine(plan: plan, state: state, store: store, stamp: 2)
    try await engine.run()
    #expect(engine.notes.contains(.goneWhileWriting(title: "Ny titel")))
    state = engine.state
    // The next sync sees both sides and asks.
    let next = SyncEngine(plan: engine.plan, state: state, store: store, stamp: 3)
    try await next.run()
    #expect(next.notes == [.deletedThereChangedHere(title: "Ny titel")])
    #expect(next.plan.conflicts.map(\.id) == ["a0"])
  }
}
