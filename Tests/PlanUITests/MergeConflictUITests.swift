import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

/// The conflict list a merged plan opens on (issue 14).
@Suite struct MergeConflictUITests {
  func conflicted() -> AppState {
    var plan = theExamplePlan()
    let i = plan.activities.firstIndex { $0.id == "frukosttraff" }!
    plan.activities[i].location = "Teams"
    plan.conflicts = [
      Conflict(
        kind: .activity, id: "frukosttraff", field: "location", base: .string("Zoom"), ours: .string("Teams"),
        theirs: .string("Biblioteket, Flen"), theirLabel: "origin/main"),
      Conflict(
        kind: .activity, id: "nyhetsbrev", field: "title", base: .string("Nyhetsbrev"), ours: .string("Nyhetsbrev"),
        theirs: .string("Nyhetsbrevet")),
    ]
    return AppState(plan: plan, fileName: "plan.json", today: Day(iso: "2022-03-28")!, width: 100, height: 30)
  }

  @Test func itOpensOnTheListWithBothValuesInWords() {
    let s = conflicted()
    #expect(s.overlay == .mergeConflicts)
    let text = Screen.render(s).lines.joined(separator: "\n")
    #expect(text.contains("Konflikter att lösa (2)"))
    #expect(text.contains("Digital frukostträff (aktivitet) · plats"))
    #expect(text.contains("vårt:        Teams"))
    #expect(text.contains("origin/main: Biblioteket, Flen"))
  }

  @Test func theirsOursAndUndo() {
    var s = conflicted()
    press(&s, .char("t"))
    #expect(s.plan.activities.first { $0.id == "frukosttraff" }?.location == "Biblioteket, Flen")
    #expect(s.plan.conflicts.count == 1 && s.dirty)
    press(&s, .char("o"))
    #expect(s.plan.conflicts.isEmpty && s.overlay == .none)
    #expect(s.notice == "Alla konflikter lösta – spara med s")
    press(&s, .char("u"), .char("u"))
    #expect(s.plan.conflicts.count == 2)
    #expect(s.plan.activities.first { $0.id == "frukosttraff" }?.location == "Teams")
  }

  @Test func editTakesOursAndOpensTheForm() {
    var s = conflicted()
    press(&s, .down, .char("e"))
    #expect(s.form?.editing == "nyhetsbrev")
    #expect(s.plan.conflicts.count == 1)
  }

  @Test func readOnlyCannotChoose() {
    var s = conflicted()
    s.readOnly = true
    press(&s, .char("t"))
    #expect(s.plan.conflicts.count == 2)
  }

  @Test func aLayersConflictIsChosenInTheListAndEditOpensNoOtherItemsForm() {
    var plan = theExamplePlan()
    // A layer may share its id with an activity: they are different things.
    plan.layers = [PlanLayer(id: "kulturting", name: "Lov B", source: "lov.ics")]
    plan.conflicts = [
      Conflict(
        kind: .layer, id: "kulturting", field: "name", base: .string("Skollov"), ours: .string("Lov B"),
        theirs: .string("Lov A"), theirLabel: "origin/main")
    ]
    var s = AppState(plan: plan, fileName: "plan.json", today: Day(iso: "2022-03-28")!, width: 100, height: 30)
    #expect(Screen.render(s).lines.joined(separator: "\n").contains("Lov B (lager) · namn"))
    press(&s, .char("e"))
    #expect(s.form == nil && s.plan.conflicts.isEmpty && s.plan.layers[0].name == "Lov B")
    press(&s, .char("u"))
    press(&s, .char("c"), .char("t"))
    #expect(s.plan.layers[0].name == "Lov A" && s.plan.conflicts.isEmpty)
  }
}
