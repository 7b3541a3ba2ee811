import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

@Suite struct EditingTests {
  func typeInto(_ s: inout AppState, _ text: String) { for c in text { _ = update(&s, .key(.char(c))) } }

  @Test func addAnActivityWithSwedishTextThroughTheForm() {
    var s = exampleState()
    press(&s, .down, .down, .down)  // a Stöttande strukturer row
    press(&s, .char("a"))
    #expect(s.form?.kind == .activity && s.form?.editing == nil)
    #expect(s.form?.text(.start) == "2022-03-28")
    typeInto(&s, "Frukostträff i Nyköping, Eskilstuna; Katrineholm")
    press(&s, .tab, .right, .right)  // theme → Mötesplatser
    press(&s, .tab, .ctrl("u"))
    typeInto(&s, "8/3")
    press(&s, .tab, .ctrl("u"), .tab)
    typeInto(&s, "8.30-9.30")
    let effects = update(&s, .key(.enter))
    #expect(s.form == nil)
    let a = s.plan.activities.last!
    #expect(a.title == "Frukostträff i Nyköping, Eskilstuna; Katrineholm")
    #expect(a.id == "frukosttraff-i-nykoping-eskilstuna-katrineholm")
    #expect(a.theme == "motesplatser" && a.start.iso == "2022-03-08" && a.end.iso == "2022-03-08")
    #expect(a.time?.start.description == "08:30" && a.time?.end.description == "09:30")
    #expect(effects == [.writeJournal(s.plan)])
    #expect(s.dirty && s.focusID == a.id && s.cursor.iso == "2022-03-08")
    #expect(Screen.render(s).lines[0].contains("● ej sparad"))
  }

  @Test func wrongInputIsToldBesideTheFieldAndTheFormStaysOpen() {
    var s = exampleState(width: 100, height: 30)
    press(&s, .char("a"))
    press(&s, .enter)
    #expect(s.form?.errors[.title] == "behövs")
    typeInto(&s, "Något")
    press(&s, .tab, .tab, .ctrl("u"))
    typeInto(&s, "30 februari")
    press(&s, .tab, .tab)
    typeInto(&s, "nio")
    press(&s, .enter)
    #expect(s.form?.errors[.start] == UIText(.sv).dateHint)
    #expect(s.form?.errors[.time] == UIText(.sv).timeHint)
    #expect(s.form?.focusedField == .start)  // the first problem
    let screen = Screen.render(s).lines.joined(separator: "\n")
    #expect(screen.contains("↳ skriv 2022-03-08, 8/3, 8 mars, idag eller +2v"))
    let unchanged = s.plan == theExamplePlan()
    #expect(unchanged)
    press(&s, .escape)
    let clean = !s.dirty
    #expect(s.form == nil && clean)
  }

  @Test func textFieldsMoveByCharacterAndScroll() {
    var input = TextInput("Åsa ÖÄ")
    #expect(input.cursor == 6)
    _ = input.handle(.left)
    _ = input.handle(.backspace)
    #expect(input.text == "Åsa Ä")
    _ = input.handle(.home)
    _ = input.handle(.char("🎉"))
    #expect(input.text == "🎉Åsa Ä")
    let long = TextInput(String(repeating: "å", count: 100))
    let v = long.visible(width: 20)
    #expect(displayWidth(v.text) <= 20 && v.cursorColumn == 19)
  }

  @Test func aRepeatingActivityWithEveryField() {
    var s = exampleState()
    press(&s, .char("a"))
    typeInto(&s, "Läsecirkel")
    press(&s, .tab, .tab, .ctrl("u"))
    typeInto(&s, "2022-03-03")
    press(&s, .tab, .tab, .tab)  // end, time, repeat
    press(&s, .right, .right)  // monthly
    press(&s, .tab)
    #expect(s.form?.focusedField == .interval)
    press(&s, .tab, .right)  // on: weekday
    press(&s, .tab)
    typeInto(&s, "31/12")
    press(&s, .tab, .tab)
    typeInto(&s, "7/7, 4 aug")
    press(&s, .tab)
    typeInto(&s, "Åsa")
    press(&s, .tab)
    typeInto(&s, "Biblioteket")
    press(&s, .tab)
    typeInto(&s, "Rad ett")
    press(&s, .ctrl("j"))
    typeInto(&s, "Rad två")
    press(&s, .tab, .right)  // ongoing
    press(&s, .enter)
    #expect(s.form == nil, "\(String(describing: s.form?.errors)) \(String(describing: s.form?.generalError))")
    let a = s.plan.activities.last!
    #expect(
      a.repeatRule
        == Repeat(
          every: .month, on: .weekday, end: .until(Day(iso: "2022-12-31")!),
          except: [Day(iso: "2022-07-07")!, Day(iso: "2022-08-04")!]))
    #expect(a.owner == "Åsa" && a.location == "Biblioteket" && a.notes == "Rad ett\nRad två" && a.status == .ongoing)
  }

  @Test func thePlansOwnRulesAreCheckedToo() {
    var s = exampleState()
    press(&s, .char("a"))
    typeInto(&s, "Fel undantag")
    press(&s, .tab, .tab, .tab, .tab, .tab, .right)  // weekly from 28 March
    press(&s, .tab, .tab, .tab, .tab)
    typeInto(&s, "2022-03-29")  // a Tuesday: not a day it repeats on
    press(&s, .enter)
    #expect(s.form?.generalError?.contains("except 2022-03-29 is not a day this activity repeats on") == true)
  }

  @Test func enterEditsTheSelectedItemAndKeepsItsId() {
    var s = exampleState()
    press(&s, .down, .enter)
    #expect(s.form?.editing == "projektledaravstamning")
    #expect(s.form?.text(.title) == "Avstämning projektledare")
    #expect(s.form?.chosen(.every) == "week")
    press(&s, .ctrl("u"))
    typeInto(&s, "Avstämning")
    press(&s, .enter)
    let a = s.plan.activities.first { $0.id == "projektledaravstamning" }!
    #expect(a.title == "Avstämning" && a.repeatRule?.except.count == 6)
    #expect(s.plan.activities.count == theExamplePlan().activities.count)
  }

  @Test func aMilestoneThroughTheForm() {
    var s = exampleState()
    press(&s, .char("m"))
    #expect(s.form?.kind == .milestone)
    typeInto(&s, "Halvtid")
    press(&s, .tab, .ctrl("u"))
    typeInto(&s, "+2w")
    press(&s, .tab, .tab, .right, .enter)
    let m = s.plan.milestones.last!
    #expect(m.title == "Halvtid" && m.date.iso == "2022-04-11" && m.done)
  }

  @Test func deleteAsksFirst() {
    var s = exampleState()
    press(&s, .down, .char("d"))
    #expect(s.overlay == .confirmDelete("projektledaravstamning"))
    press(&s, .char("n"))
    let clean = !s.dirty
    #expect(s.overlay == .none && clean)
    press(&s, .char("d"), .char("y"))
    #expect(!s.plan.activities.contains { $0.id == "projektledaravstamning" } && s.dirty)
    press(&s, .char("d"))
    #expect(s.notice == "Välj en aktivitet eller milstolpe först")
  }

  @Test func moveByDayAndWeek() {
    var s = exampleState()
    press(&s, .down, .down)  // planeringsdag, 12 Jan, yearly
    press(&s, .char(">"))
    #expect(s.plan.activities.first { $0.id == "planeringsdag" }?.start.iso == "2022-01-13")
    press(&s, .char("}"))
    #expect(s.plan.activities.first { $0.id == "planeringsdag" }?.start.iso == "2022-01-20")
    press(&s, .char("{"), .char("<"))
    #expect(s.plan.activities.first { $0.id == "planeringsdag" }?.start.iso == "2022-01-12")
    #expect(s.undoStack.count == 4)
  }

  @Test func aMoveKeepsOnlyTheActivityForUndoAndTheIndexFollows() {
    var s = exampleState()
    press(&s, .down, .down, .char(">"), .char(">"))
    guard case .activities(let old)? = s.undoStack.last?.change else {
      Issue.record("the undo step kept the whole plan")
      return
    }
    #expect(old.count == 1 && old[0].activity.start.iso == "2022-01-13")
    press(&s, .char("u"), .char("u"), .ctrl("r"))
    #expect(s.plan.activities.first { $0.id == "planeringsdag" }?.start.iso == "2022-01-13")
    // The index updated from the steps' hints is the index made anew.
    let fresh = YearIndex(s)
    #expect(s.index.agenda == fresh.agenda)
    #expect(s.index.rows == fresh.rows)
    #expect(s.index.dayCounts == fresh.dayCounts)
  }

  @Test func aMoveThatBreaksTheRuleIsRefused() {
    var s = exampleState()
    s.focusID = "nyhetsbrev"  // the last Friday of each month
    press(&s, .char("}"))  // 4 Feb is not February's last Friday
    #expect(s.notice?.hasPrefix("Kan inte flyttas:") == true)
    let dirty = s.dirty
    #expect(dirty == false)
  }

  @Test func undoAndRedoAsFarBackAsTheSessionGoes() {
    var s = exampleState()
    let original = s.plan
    press(&s, .down, .char(">"), .char(">"), .char("d"), .char("y"))
    #expect(s.undoStack.count == 3)
    press(&s, .char("u"), .char("u"), .char("u"))
    let back = s.plan == original
    let clean = !s.dirty
    #expect(back && clean)
    press(&s, .char("u"))
    #expect(s.notice == "Inget att ångra")
    press(&s, .ctrl("r"), .ctrl("r"))
    #expect(s.plan.activities.first { $0.id == "projektledaravstamning" }?.start.iso == "2022-01-12")
    #expect(s.dirty)
    let afterUndo = update(&s, .key(.char("u")))
    #expect(afterUndo == [.writeJournal(s.plan)])
    press(&s, .char("u"))
    #expect(update(&s, .key(.ctrl("r"))) == [.writeJournal(s.plan)])
  }

  @Test func saveAndTheUnsavedMarker() {
    var s = exampleState()
    #expect(update(&s, .key(.char("s"))) == [])
    #expect(s.notice == "Inga ändringar att spara")
    press(&s, .down, .char(">"))
    #expect(update(&s, .key(.ctrl("s"))) == [.save(s.plan)])
    _ = update(&s, .saved(copy: nil))
    let clean = !s.dirty
    #expect(clean && s.notice == "Sparad")
    press(&s, .char("u"))
    #expect(s.dirty)  // undoing past the save is a change again
  }

  @Test func quitWithUnsavedChangesAsks() {
    var s = exampleState()
    #expect(update(&s, .key(.char("q"))) == [.removeJournal, .quit])
    press(&s, .down, .char(">"))
    #expect(update(&s, .key(.char("q"))) == [])
    #expect(s.overlay == .confirmQuit)
    press(&s, .escape)
    #expect(s.overlay == .none)
    press(&s, .char("q"))
    #expect(update(&s, .key(.char("d"))) == [.removeJournal, .quit])
    press(&s, .char("q"))
    #expect(update(&s, .key(.char("s"))) == [.save(s.plan)])
    #expect(update(&s, .saved(copy: nil)) == [.quit])
    var t = exampleState()
    press(&t, .down, .char(">"))
    #expect(update(&t, .key(.ctrl("c"))) == [])
    #expect(t.overlay == .confirmQuit)
  }

  @Test func aFailedSaveSaysWhyAndKeepsTheEdits() {
    var s = exampleState()
    press(&s, .down, .char(">"), .char("s"))
    _ = update(&s, .saveFailed("cannot save plan.json: write failed: No space left on device"))
    #expect(s.dirty && s.notice == "cannot save plan.json: write failed: No space left on device")
    #expect(Screen.render(s).lines[s.height - 2].contains("No space left on device"))
  }

  @Test func aConflictOffersReloadOverwriteOrCopy() {
    var s = exampleState()
    press(&s, .down, .char(">"), .char("s"))
    _ = update(&s, .saveConflict)
    #expect(s.overlay == .conflict)
    #expect(Screen.render(s).lines.joined().contains("Filen har ändrats på disken"))
    #expect(update(&s, .key(.char("o"))) == [.saveOverwrite(s.plan)])
    _ = update(&s, .saveConflict)
    #expect(update(&s, .key(.char("c"))) == [.saveCopy(s.plan)])
    _ = update(&s, .saved(copy: "plan.kopia.json"))
    #expect(s.dirty && s.notice == "Sparad som kopia: plan.kopia.json")
    _ = update(&s, .saveConflict)
    #expect(update(&s, .key(.char("r"))) == [.reload])
    var theirs = theExamplePlan()
    theirs.title = "Ändrad av någon annan"
    _ = update(&s, .reloaded(theirs))
    let clean = !s.dirty
    #expect(s.plan.title == "Ändrad av någon annan" && clean)
    press(&s, .char("u"))  // my edits come back
    #expect(s.plan.activities.first { $0.id == "projektledaravstamning" }?.start.iso == "2022-01-11")
  }

  @Test func recoveryOffersToRestoreOrDiscard() {
    var s = exampleState()
    var journal = theExamplePlan()
    journal.activities.removeFirst()
    _ = update(&s, .recoveryFound(journal))
    #expect(s.overlay == .recover)
    #expect(Screen.render(s).lines.joined().contains("Osparade ändringar hittades"))
    press(&s, .char("r"))
    let restored = s.plan == journal
    let dirty = s.dirty
    #expect(restored && dirty)
    var t = exampleState()
    _ = update(&t, .recoveryFound(journal))
    #expect(update(&t, .key(.char("d"))) == [.removeJournal])
    let same = t.plan == theExamplePlan()
    let clean = !t.dirty
    #expect(same && clean)
  }

  @Test func readOnlyRefusesEveryEdit() {
    var s = exampleState()
    s.readOnly = true
    s.readOnlyReason = "plan.json is open in another arshjul (pid 42)"
    for key in [Key.char("a"), .char("m"), .char("d"), .char("<"), .char(">"), .char("u"), .ctrl("r")] {
      press(&s, .down)
      #expect(update(&s, .key(key)) == [])
      #expect(s.notice == "plan.json is open in another arshjul (pid 42)")
      #expect(s.form == nil)
    }
    #expect(update(&s, .key(.char("s"))) == [])
    press(&s, .enter)
    #expect(s.overlay == .details && s.form == nil)
    press(&s, .escape)
    #expect(update(&s, .key(.char("q"))) == [.quit])  // never removes another's journal
  }
}

@Suite struct IndexUpdateTests {
  /// The index updated in place after edits equals one made from scratch.
  @Test func anUpdatedIndexEqualsAFreshOne() {
    var s = exampleState()
    press(&s, .down, .char(">"), .char("}"))  // move the weekly meeting
    press(&s, .down, .down, .char("<"))
    press(&s, .down, .enter, .tab, .right, .enter)  // change a theme through the form
    press(&s, .char("u"), .ctrl("r"))
    let kept = s.index
    let fresh = YearIndex(s)
    #expect(kept.agenda == fresh.agenda)
    #expect(kept.rows == fresh.rows)
    #expect(kept.dayCounts == fresh.dayCounts)
    #expect(kept.activityIndex == fresh.activityIndex)
    #expect(s.indexStorage != nil && s.indexStorage!.key == fresh.key)
  }
}
