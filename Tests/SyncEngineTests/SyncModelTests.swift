import PlanFormats
import PlanModel
import SyncEngine
import Testing

/// The sync engine against a calendar in memory, driven by random edits on
/// both sides (issue 27): titles, places and dates changed, items added and
/// deleted in the plan; titles and places changed, events deleted and
/// added in a "calendar app"; the store's habits (no ETag on PUT, bodies
/// rewritten, no sync tokens, no multiget) and a sync cut after any
/// request. After every sync: no edit lost, a same-field clash is a recorded
/// conflict, plan and calendar agree, and a second sync changes nothing.
@Suite struct SyncModelTests {
  enum Field: CaseIterable { case title, location, start }
  enum Side { case plan, calendar }

  /// SplitMix64: a seed gives the same run on every machine.
  struct Random {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(n))
    }
  }

  /// The run's bookkeeping: what each side did since the last sync.
  struct Model {
    var edits: [String: [Field: [Side: String]]] = [:]
    var deleted: [String: Set<Side>] = [:]
    /// Resources the plan has no item for and may keep: made in the
    /// calendar app, or kept there by a "deleted here, changed there" conflict.
    var foreign: Set<String> = []
    mutating func reset() {
      edits = [:]
      deleted = [:]
    }
  }

  static func startPlan() -> Plan {
    var plan = Plan(
      id: "p", title: "Plan", themes: [Theme(id: "t", name: "Tema", color: ThemeColor("blue")!)])
    for i in 0..<6 {
      let start = Day(year: 2026, month: 2 + i, day: 3)!
      plan.activities.append(
        Activity(id: "a\(i)", title: "Aktivitet \(i)", theme: "t", start: start, end: start + 1, location: "Rum \(i)"))
    }
    return plan
  }

  static func value(_ a: Activity, _ f: Field) -> String {
    switch f {
    case .title: a.title
    case .location: a.location ?? ""
    case .start: a.start.iso
    }
  }

  /// A field as the last sync left it; nil for an item it did not know.
  static func base(_ state: SyncState, _ id: String, _ field: Field) -> String? {
    guard let m = state.items.values.first(where: { idOf($0.item) == id })?.item.members else { return nil }
    let key =
      switch field {
      case .title: "title"
      case .location: "location"
      case .start: "start"
      }
    if case .string(let s)? = m[key]?.value { return s }
    return ""
  }

  @Test(arguments: 0..<16) func randomEditsOnBothSidesLoseNothing(seed: UInt64) async throws {
    var random = Random(state: seed &* 7919)
    let store = MemoryStore()
    store.sendsETagOnPut = seed % 2 == 0
    store.rewritesBodies = seed % 3 == 0
    store.keepsTokens = seed % 4 != 1
    store.answersMultiget = seed % 5 != 2
    var plan = Self.startPlan()
    var state = SyncState(url: "memory:")
    var model = Model()
    var made = 0
    var stamp = 1_790_000_000

    // One sync; a cut one is run again, as a planner would.
    func sync() async throws -> SyncEngine<MemoryStore> {
      stamp += 60
      if random.next(3) == 0 {
        store.cutAt = store.requestCount + 1 + random.next(6)
        store.cutAfter = random.next(2) == 0
        let cut = SyncEngine(plan: plan, state: state, store: store, stamp: stamp)
        do {
          try await cut.run()
          plan = cut.plan
          state = cut.state
          store.cutAt = nil
          return cut
        } catch {
          store.cutAt = nil  // thrown away, as the command does: the plan and state on disk stay
        }
      }
      let engine = SyncEngine(plan: plan, state: state, store: store, stamp: stamp)
      try await engine.run()
      plan = engine.plan
      state = engine.state
      return engine
    }

    _ = try await sync()
    #expect(plan.conflicts.isEmpty)
    for round in 0..<25 {
      let context = "seed \(seed), round \(round)"
      // Edits on both sides.
      for _ in 0..<(1 + random.next(4)) {
        let ids = plan.activities.map(\.id)
        switch random.next(10) {
        case 0..<5 where !ids.isEmpty:
          let id = ids[random.next(ids.count)]
          let i = plan.activities.firstIndex { $0.id == id }!
          let field = Field.allCases[random.next(3)]
          switch field {
          case .title: plan.activities[i].title = "Plan \(round)-\(random.next(100))"
          case .location: plan.activities[i].location = "Sal \(random.next(5))"
          case .start:
            let shift = 1 + random.next(20)
            plan.activities[i].start = plan.activities[i].start + shift
            plan.activities[i].end = plan.activities[i].end + shift
          }
        case 5 where !ids.isEmpty:
          let id = ids[random.next(ids.count)]
          plan.activities.removeAll { $0.id == id }
          model.deleted[id, default: []].insert(.plan)
        case 6:
          made += 1
          let start = Day(year: 2026, month: 1 + random.next(12), day: 10)!
          plan.activities.append(Activity(id: "n\(made)", title: "Ny \(made)", theme: "t", start: start))
        default:
          // In the calendar app: an event of the plan's (as the last sync left it), or a new one.
          let own = state.items.values.map(\.href).filter { store.body($0) != nil }.sorted()
          if own.isEmpty || random.next(6) == 0 {
            made += 1
            store.add(
              "phone-\(made).ics",
              body:
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\nUID:phone-\(made)\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260505\r\nSUMMARY:Middag \(made)\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n")
            model.foreign.insert("phone-\(made).ics")
            continue
          }
          let name = own[random.next(own.count)]
          let id = state.items.values.first { $0.href == name }.map { idOf($0.item) } ?? ""
          switch random.next(3) {
          case 0:
            store.change(.remove(name))
            model.deleted[id, default: []].insert(.calendar)
          case 1:
            let title = "App \(round)-\(random.next(100))"
            store.change(.edit(name, property: "SUMMARY", value: title))
            model.edits[id, default: [:]][.title, default: [:]][.calendar] =
              title == Self.base(state, id, .title) ? nil : title
          default:
            let place = "Sal \(random.next(5))"
            store.change(.edit(name, property: "LOCATION", value: place))
            model.edits[id, default: [:]][.location, default: [:]][.calendar] =
              place == Self.base(state, id, .location) ? nil : place
          }
        }
      }

      // What the plan changed since the last sync, field by field (an
      // edit back to the synced value is no change).
      for a in plan.activities {
        for field in Field.allCases {
          if let base = Self.base(state, a.id, field), base != Self.value(a, field) {
            model.edits[a.id, default: [:]][field, default: [:]][.plan] = Self.value(a, field)
          }
        }
      }
      // Someone else, while the sync runs: a change to an event the plan
      // left alone this round (so which of the two came last is not a question).
      var meanwhile: (id: String, change: MemoryStore.Change)?
      let untouched = state.items.values.filter { entry in
        let id = idOf(entry.item)
        return model.edits[id] == nil && model.deleted[id] == nil && plan.activities.contains { $0.id == id }
          && store.body(entry.href) != nil
      }.sorted { $0.href < $1.href }
      if !untouched.isEmpty && random.next(3) == 0 {
        let entry = untouched[random.next(untouched.count)]
        let change: MemoryStore.Change =
          switch random.next(3) {
          case 0: .remove(entry.href)
          case 1: .edit(entry.href, property: "SUMMARY", value: "Samtidigt \(round)")
          default: .edit(entry.href, property: "LOCATION", value: "Samtidigt \(round)")
          }
        meanwhile = (idOf(entry.item), change)
        store.meanwhile = (store.requestCount + 1 + random.next(6), change)
      }
      let stateBefore = state
      _ = try await sync()
      if let (id, change) = meanwhile, store.meanwhile == nil {
        switch change {
        case .remove: model.deleted[id, default: []].insert(.calendar)
        case .edit(_, let property, let value):
          model.edits[id, default: [:]][property == "SUMMARY" ? .title : .location, default: [:]][.calendar] = value
        }
      }
      store.meanwhile = nil
      var conflicted = Set(plan.conflicts.map(\.id))
      for c in plan.conflicts where c.ours == nil {
        // Deleted in the plan, changed in the calendar: the calendar keeps
        // it (an event the plan did not make, from now on) when the planner
        // keeps the deletion.
        for entry in stateBefore.items.values where idOf(entry.item) == c.id { model.foreign.insert(entry.href) }
      }
      // A planner keeps the plan's side of every conflict; the next sync
      // sends it (and brings what someone changed during the last one).
      plan.conflicts = []
      _ = try await sync()
      #expect(plan.conflicts.isEmpty, "\(context): a conflict from a sync after resolving: \(plan.conflicts)")
      conflicted.formUnion(plan.conflicts.map(\.id))
      plan.conflicts = []
      // No edit lost; a clash is a recorded conflict.
      for (id, fields) in model.edits {
        let gone = model.deleted[id] ?? []
        if !gone.isEmpty {
          if gone.count == 1 {
            // Deleted on one side, changed on the other: a conflict.
            let other: Side = gone.contains(.plan) ? .calendar : .plan
            if fields.values.contains(where: { $0[other] != nil }) {
              #expect(conflicted.contains(id), "\(context): \(id) deleted in \(gone), changed: \(fields)")
            }
          }
          continue
        }
        guard let a = plan.activities.first(where: { $0.id == id }) else {
          Issue.record("\(context): \(id) was edited, never deleted, and is gone")
          continue
        }
        for (field, sides) in fields {
          if let p = sides[.plan], let c = sides[.calendar], p != c {
            #expect(conflicted.contains(id), "\(context): \(id) \(field) \(p) / \(c) is no conflict")
          } else if let v = sides[.plan] ?? sides[.calendar], !conflicted.contains(id) {
            #expect(Self.value(a, field) == v, "\(context): \(id) \(field) lost \(v)")
          }
        }
      }
      for (id, sides) in model.deleted where model.edits[id] == nil {
        #expect(!plan.activities.contains { $0.id == id }, "\(context): \(id) deleted on \(sides) is back")
      }
      model.reset()
      // Plan and calendar agree.
      let items = SyncItems.items(plan)
      let names = Set(items.map { SyncItems.href($0.uid) })
      for item in items {
        let name = SyncItems.href(item.uid)
        guard let body = store.body(name) else {
          Issue.record("\(context): \(item.id) is not in the calendar")
          continue
        }
        let theirs = SyncItems.fromServer(body, last: item, plan: plan)
        #expect(theirs?.item.sameValue(item.json) == true, "\(context): \(item.id) differs in the calendar")
      }
      for name in store.names where !names.contains(name) {
        #expect(model.foreign.contains(name), "\(context): \(name) in the calendar has no item in the plan")
      }
      // A second sync changes nothing.
      let before = plan
      let requests = store.requestCount
      store.cutAt = nil
      let idle = SyncEngine(plan: plan, state: state, store: store, stamp: stamp + 1)
      try await idle.run()
      #expect(idle.sent.total == 0, "\(context): an idle sync sent \(idle.sent)")
      #expect(idle.received == SyncDecisions.Received(), "\(context): an idle sync received \(idle.received)")
      #expect(idle.plan == before, "\(context): an idle sync changed the plan")
      if store.keepsTokens {
        #expect(store.requestCount - requests == 1, "\(context): an idle sync took \(idle.requests)")
      }
      state = idle.state
    }
  }
}

func idOf(_ json: JSONNode) -> String {
  if case .string(let s)? = json.members?["id"]?.value { return s }
  return ""
}
