import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// The three-way merge of plans by item and field (issue 14).
@Suite struct MergeTests {
  func base() throws -> Plan { try examplePlan() }

  func activity(_ p: inout Plan, _ id: String, _ change: (inout Activity) -> Void) {
    let i = p.activities.firstIndex { $0.id == id }!
    change(&p.activities[i])
  }

  @Test func differentFieldsOfOneItemMergeCleanly() throws {
    let b = try base()
    var o = b
    var t = b
    activity(&o, "frukosttraff") { $0.location = "Zoom, nytt rum" }
    activity(&t, "frukosttraff") { $0.owner = "Ny ansvarig" }
    let r = PlanMerge.merge(base: b, ours: o, theirs: t)
    #expect(r.isClean)
    let a = try #require(r.plan.activities.first { $0.id == "frukosttraff" })
    #expect(a.location == "Zoom, nytt rum" && a.owner == "Ny ansvarig")
  }

  @Test func nestedFieldsMergeToo() throws {
    let b = try base()
    var o = b
    var t = b
    activity(&o, "frukosttraff") { $0.repeatRule?.except.append(Day(iso: "2022-08-09")!) }
    activity(&t, "frukosttraff") { $0.time = ClockSpan(start: TimeOfDay("08:00")!, end: TimeOfDay("09:30")!) }
    let r = PlanMerge.merge(base: b, ours: o, theirs: t)
    #expect(r.isClean, "\(r.conflicts)")
    let a = try #require(r.plan.activities.first { $0.id == "frukosttraff" })
    #expect(a.repeatRule?.except.contains(Day(iso: "2022-08-09")!) == true)
    #expect(a.time?.start.description == "08:00")
  }

  @Test func addsOnBothSidesAndADeleteAreKept() throws {
    let b = try base()
    var o = b
    var t = b
    o.activities.append(Activity(id: "var", title: "Vår nya", theme: "samverkan", start: Day(iso: "2022-05-05")!))
    t.milestones.append(Milestone(id: "deras", title: "Deras nya", date: Day(iso: "2022-06-01")!, theme: "samverkan"))
    let deleted = b.activities[3].id
    t.activities.removeAll { $0.id == deleted }
    let r = PlanMerge.merge(base: b, ours: o, theirs: t)
    #expect(r.isClean)
    #expect(r.plan.activities.contains { $0.id == "var" })
    #expect(r.plan.milestones.contains { $0.id == "deras" })
    #expect(!r.plan.activities.contains { $0.id == deleted })
  }

  @Test func theSameFieldChangedDifferentlyIsAConflictHoldingOurValue() throws {
    let b = try base()
    var o = b
    var t = b
    let id = try #require(b.activities.first { $0.repeatRule == nil && $0.start == $0.end }?.id)
    activity(&o, id) {
      $0.start = Day(iso: "2022-02-15")!; $0.end = $0.start
    }
    activity(&t, id) {
      $0.start = Day(iso: "2022-02-22")!; $0.end = $0.start
    }
    let r = PlanMerge.merge(base: b, ours: o, theirs: t, theirLabel: "origin/main")
    #expect(!r.isClean)
    let fields = Set(r.conflicts.map { $0.field ?? "" })
    #expect(fields == ["start", "end"])
    #expect(r.plan.activities.first { $0.id == id }?.start.iso == "2022-02-15")
    // Written and read back, it is still a plan, with its conflicts.
    let again = try PlanFile.decode(Array(r.plan.fileText().utf8), file: "x")
    #expect(again.conflicts == r.conflicts)
    let words = ConflictWording(again).line(try #require(again.conflicts.first { $0.field == "start" }))
    let title = b.activities.first { $0.id == id }!.title
    #expect(words == "\(title) (aktivitet), start: vår 15 feb 2022 – origin/main 22 feb 2022")
  }

  @Test func aDeleteAgainstAChangeIsAConflict() throws {
    let b = try base()
    var o = b
    var t = b
    o.activities.removeAll { $0.id == "frukosttraff" }
    activity(&t, "frukosttraff") { $0.location = "Ändrad" }
    let r = PlanMerge.merge(base: b, ours: o, theirs: t)
    #expect(r.conflicts.count == 1 && r.conflicts[0].field == nil && r.conflicts[0].ours == nil)
    #expect(!r.plan.activities.contains { $0.id == "frukosttraff" })
    // Taking theirs brings it back, changed.
    let resolved = try r.plan.resolving(0, take: .theirs)
    #expect(resolved.activities.first { $0.id == "frukosttraff" }?.location == "Ändrad")
    #expect(resolved.conflicts.isEmpty)
  }

  @Test func aMixThatBreaksARuleIsAConflictNotAnInvalidFile() throws {
    let b = try base()
    var o = b
    var t = b
    // Ours moves the end earlier, theirs the start later: each fine alone.
    let id = try #require(b.activities.first { $0.end - $0.start >= 10 && $0.repeatRule == nil }?.id)
    let a = b.activities.first { $0.id == id }!
    activity(&o, id) { $0.end = a.start + 2 }
    activity(&t, id) { $0.start = a.start + 5 }
    let r = PlanMerge.merge(base: b, ours: o, theirs: t)
    #expect(r.plan.problems.isEmpty)
    #expect(r.conflicts.contains { $0.id == id && $0.field == "start" })
    #expect(r.plan.activities.first { $0.id == id } == o.activities.first { $0.id == id })
  }

  @Test func unknownFieldsTakePartAndAreNeverLost() throws {
    let b = try base()
    var o = b
    var t = b
    activity(&o, "frukosttraff") { $0.extra["x-ours"] = .string("o") }
    activity(&t, "frukosttraff") { $0.extra["x-theirs"] = .int(7) }
    t.extra["x-plan"] = .bool(true)
    let r = PlanMerge.merge(base: b, ours: o, theirs: t)
    #expect(r.isClean)
    let a = try #require(r.plan.activities.first { $0.id == "frukosttraff" })
    #expect(a.extra["x-ours"] != nil && a.extra["x-theirs"] != nil)
    #expect(r.plan.extra["x-plan"] != nil)
  }

  // MARK: properties over generated edit pairs

  /// A random edit of a plan: moves, renames, new places, adds, deletes.
  func randomEdit(_ plan: Plan, _ rng: inout SplitMix, tag: String) -> Plan {
    var p = plan
    for _ in 0..<Int(rng.next() % 4 + 1) {
      let before = p
      defer { if !p.problems.isEmpty { p = before } }  // only edits a planner could save
      let i = Int(rng.next() % UInt64(p.activities.count))
      switch rng.next() % 6 {
      case 0:
        let d = Int(rng.next() % 5)
        p.activities[i].start = p.activities[i].start + d
        p.activities[i].end = p.activities[i].end + d
        if var r = p.activities[i].repeatRule {
          r.except = r.except.map { $0 + d }
          if case .until(let u) = r.end { r.end = .until(u + d) }
          p.activities[i].repeatRule = r
        }
      case 1: p.activities[i].title += " " + tag
      case 2: p.activities[i].location = "Plats \(tag)"
      case 3: p.activities[i].status = .done
      case 4:
        p.activities.append(
          Activity(
            id: "ny-\(tag)-\(rng.next() % 1000)", title: "Ny \(tag)", theme: "samverkan",
            start: Day(iso: "2022-05-05")! + Int(rng.next() % 100)))
      default:
        if p.activities.count > 3 { p.activities.remove(at: i) }
      }
    }
    var seen = Set<String>()
    p.activities = p.activities.filter { seen.insert($0.id).inserted }
    return p
  }

  func sameItems(_ a: Plan, _ b: Plan) -> Bool {
    Set(a.activities.map(\.id)) == Set(b.activities.map(\.id))
      && a.activities.allSatisfy { x in b.activities.first { $0.id == x.id } == x }
      && a.milestones.count == b.milestones.count && a.title == b.title && a.extra.keys == b.extra.keys
  }

  @Test func propertiesOverManyGeneratedEditPairs() throws {
    let b = try base()
    var rng = SplitMix(seed: 2022)
    var clean = 0
    for round in 0..<150 {
      let x = randomEdit(b, &rng, tag: "x\(round)")
      let y = randomEdit(b, &rng, tag: "y\(round)")
      // One side unchanged: the other side is the result.
      #expect(sameItems(PlanMerge.merge(base: b, ours: x, theirs: b).plan, x), "round \(round)")
      #expect(sameItems(PlanMerge.merge(base: b, ours: b, theirs: y).plan, y), "round \(round)")
      let xy = PlanMerge.merge(base: b, ours: x, theirs: y)
      let yx = PlanMerge.merge(base: b, ours: y, theirs: x)
      #expect(xy.plan.problems.isEmpty, "round \(round): \(xy.plan.problems)")
      #expect(xy.isClean == yx.isClean)
      guard xy.isClean else { continue }
      clean += 1
      #expect(sameItems(xy.plan, yx.plan), "round \(round)")
      // Every change of both sides is in a clean merge.
      for side in [x, y] {
        for a in side.activities where b.activities.first(where: { $0.id == a.id }) != a {
          let merged = xy.plan.activities.first { $0.id == a.id }
          #expect(merged != nil, "round \(round): \(a.id) lost")
          if let merged, let before = b.activities.first(where: { $0.id == a.id }) {
            if a.title != before.title { #expect(merged.title == a.title) }
            if a.location != before.location { #expect(merged.location == a.location) }
            if a.start != before.start { #expect(merged.start == a.start) }
            if a.status != before.status { #expect(merged.status == a.status) }
          }
        }
        for a in b.activities where !side.activities.contains(where: { $0.id == a.id }) {
          #expect(!xy.plan.activities.contains { $0.id == a.id }, "round \(round): delete of \(a.id) lost")
        }
      }
    }
    #expect(clean > 30)
  }
}

/// A small seeded generator, so a failing round can be run again.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
