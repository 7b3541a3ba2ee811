import TestSupport
import Testing

@testable import PlanModel

/// One item's three-way merge, the model's entry for a sync (issue 25):
/// fields merge, a clash is a conflict under the other side's label, and a
/// mix that breaks the item keeps ours.
@Suite struct ItemMergeTests {
  @Test func fieldsChangedOnEachSideAreBothKept() throws {
    let plan = try examplePlan()
    let base = plan.activities[0]
    var ours = base
    ours.title += " (flyttad)"
    var theirs = base
    theirs.location = "Åsa bibliotek"
    let merged = PlanMerge.mergeItem(
      base: PlanEncoder.encode(base), ours: PlanEncoder.encode(ours), theirs: PlanEncoder.encode(theirs),
      kind: .activity, in: plan, theirLabel: "kalendern")
    #expect(merged.conflicts.isEmpty)
    let item = try #require(merged.item.flatMap { TreeDecoder.activity(tree: $0, themes: Set(plan.themes.map(\.id))) })
    #expect(item.title == ours.title && item.location == "Åsa bibliotek")
  }

  @Test func aFieldChangedOnBothSidesIsAConflictUnderTheirLabel() throws {
    let plan = try examplePlan()
    let base = plan.activities[0]
    var ours = base
    ours.owner = "Elin"
    var theirs = base
    theirs.owner = "Åke"
    let merged = PlanMerge.mergeItem(
      base: PlanEncoder.encode(base), ours: PlanEncoder.encode(ours), theirs: PlanEncoder.encode(theirs),
      kind: .activity, in: plan, theirLabel: "kalendern")
    #expect(merged.conflicts.count == 1)
    #expect(merged.conflicts.first?.field == "owner" && merged.conflicts.first?.theirLabel == "kalendern")
    let item = try #require(merged.item.flatMap { TreeDecoder.activity(tree: $0, themes: Set(plan.themes.map(\.id))) })
    #expect(item.owner == "Elin")
  }

  @Test func aMixThatEndsBeforeItStartsKeepsOursWithTheirChangesAsConflicts() throws {
    let plan = try examplePlan()
    var base = plan.activities[0]
    base.end = base.start + 2
    var ours = base
    ours.start = base.start + 2
    var theirs = base
    theirs.end = base.start
    let merged = PlanMerge.mergeItem(
      base: PlanEncoder.encode(base), ours: PlanEncoder.encode(ours), theirs: PlanEncoder.encode(theirs),
      kind: .activity, in: plan, theirLabel: nil)
    let item = try #require(merged.item.flatMap { TreeDecoder.activity(tree: $0, themes: Set(plan.themes.map(\.id))) })
    #expect(item.start == ours.start && item.end == ours.end)
    #expect(!merged.conflicts.isEmpty)
  }
}
