import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// Layers in the plan file (issue 29) are items like the others: merged by
/// id, a clash recorded, told by `diff`, and written back as they were read.
@Suite struct LayerMergeTests {
  let region = PlanLayer(id: "region", name: "Regionens sammanträden", source: "../cal/region.ics", busy: true)
  let school = PlanLayer(id: "lov", name: "Skollov", source: "lov.ics")

  @Test func layersAddedOnBothSidesAreBothKept() throws {
    let base = try examplePlan()
    var ours = base
    ours.layers = [region]
    var theirs = base
    theirs.layers = [school]
    let merged = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
    #expect(merged.isClean)
    #expect(merged.plan.layers == [region, school])
  }

  @Test func aLayerChangedDifferentlyIsAConflictThatCanBeResolved() throws {
    var base = try examplePlan()
    base.layers = [region]
    var ours = base
    ours.layers[0].name = "Regionen"
    var theirs = base
    theirs.layers[0].name = "Regionfullmäktige"
    theirs.layers[0].busy = false
    let merged = PlanMerge.merge(base: base, ours: ours, theirs: theirs, theirLabel: "origin/main")
    #expect(merged.conflicts.count == 1)
    let c = try #require(merged.conflicts.first)
    #expect(c.kind == .layer && c.id == "region" && c.field == "name")
    // Their change to "busy" alone comes in; the name waits for a choice.
    #expect(merged.plan.layers == [PlanLayer(id: "region", name: "Regionen", source: region.source, busy: false)])
    #expect(
      ConflictWording(merged.plan).line(c) == "Regionen (lager), namn: vår Regionen – origin/main Regionfullmäktige")
    let theirsChosen = try merged.plan.resolving(0, take: .theirs)
    #expect(theirsChosen.layers.first?.name == "Regionfullmäktige" && theirsChosen.conflicts.isEmpty)
  }

  @Test func aLayerKeepsWhatThisBuildDoesNotKnowAndTheFileRoundTrips() throws {
    var plan = try examplePlan()
    plan.layers = [
      region, PlanLayer(id: "x", name: "X", source: "https://example.org/x.ics", extra: ["color": .string("red")]),
    ]
    let bytes = try plan.validated()
    let back = try #require(FileDecoder.decode(written: bytes).plan)
    #expect(back.layers == plan.layers)
    #expect(try back.validated() == bytes)
  }

  @Test func diffTellsALayerAddedChangedAndRemoved() throws {
    let old = try examplePlan()
    var new = old
    new.layers = [region]
    #expect(
      PlanDiff(old: old, new: new).render(title: "T", language: .sv, format: .text).contains(
        "Lager Regionens sammanträden – ../cal/region.ics, upptagen"))
    var later = new
    later.layers[0].busy = false
    #expect(
      PlanDiff(old: new, new: later, language: .en).render(title: "T", language: .en, format: .text).contains(
        "Layer Regionens sammanträden – ../cal/region.ics, busy → ../cal/region.ics"))
    #expect(
      PlanDiff(old: later, new: old, language: .en).render(title: "T", language: .en, format: .text).contains(
        "Layer Regionens sammanträden – ../cal/region.ics"))
  }
}
