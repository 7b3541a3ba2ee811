import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

@Suite struct UpdateTests {
  @Test func startsOnTodayInThePlanningYear() {
    let s = exampleState()
    #expect(s.year == 2022 && s.cursor.iso == "2022-03-28" && s.view == .gantt)
    #expect(s.focusTheme == "stottande-strukturer" && s.focusID == nil)
  }

  @Test func aPlanFromAnotherYearOpensAtItsYear() {
    let s = exampleState(today: "2026-11-24")
    #expect(s.year == 2022 && s.cursor.iso == "2022-01-01")
  }

  @Test func viewKeys() {
    var s = exampleState()
    press(&s, .tab)
    #expect(s.view == .list)
    press(&s, .tab)
    #expect(s.view == .wheel)
    press(&s, .backTab)
    #expect(s.view == .list)
    press(&s, .char("g"))
    #expect(s.view == .gantt)
    press(&s, .char("w"))
    #expect(s.view == .wheel)
    press(&s, .char("l"))
    #expect(s.view == .list)
  }

  @Test func leftAndRightMoveByWeekOrDayAndShiftByMonth() {
    var s = exampleState()
    press(&s, .right)
    #expect(s.cursor.iso == "2022-04-04")
    press(&s, .left, .char("h"))
    #expect(s.cursor.iso == "2022-03-21")
    press(&s, .char("+"), .char("+"), .right)
    #expect(s.cursor.iso == "2022-03-22")
    press(&s, .shiftRight)
    #expect(s.cursor.iso == "2022-04-22")
    press(&s, .shiftLeft, .shiftLeft)
    #expect(s.cursor.iso == "2022-02-22")
  }

  @Test func upAndDownWalkLanesAndActivities() {
    var s = exampleState()
    press(&s, .down)
    #expect(s.focusID == "projektledaravstamning")
    press(&s, .char("j"), .char("j"))
    #expect(s.focusID == "bearbeta-losningsforslag")
    press(&s, .up, .char("k"), .up)
    #expect(s.focusID == nil && s.focusTheme == "stottande-strukturer")
    press(&s, .up)  // stays at the top
    #expect(s.focusTheme == "stottande-strukturer")
  }

  @Test func onALaneTheMilestoneNearTheCursorIsSelected() {
    var s = exampleState()
    press(&s, .shiftRight, .shiftRight, .right, .right, .right)  // 28 May → 18 June
    #expect(s.focusID == "forslag-bearbetade")
    #expect(Screen.describeFocus(s).hasPrefix("◆ Lösningsförslagen bearbetade · 17 juni 2022 · v. 24"))
  }

  @Test func yearsAndToday() {
    var s = exampleState()
    press(&s, .char("]"))
    #expect(s.year == 2023 && s.cursor.iso == "2023-03-28")
    press(&s, .char("["), .char("["))
    #expect(s.year == 2021)
    press(&s, .char("t"))
    #expect(s.year == 2022 && s.cursor.iso == "2022-03-28")
  }

  @Test func theCursorStaysInTheYearsAPlanMayUse() {
    var s = exampleState()
    for _ in 0..<8000 { _ = update(&s, .key(.char("]"))) }
    #expect(s.cursor.year == 9000)
    for _ in 0..<9000 { _ = update(&s, .key(.char("["))) }
    #expect(s.cursor.year == 1000)
    #expect(Screen.render(s).lines.count == s.height)
  }

  @Test func walkingOffTheEndOfTheYearTurnsTheYear() {
    var s = exampleState()
    press(
      &s, .shiftRight, .shiftRight, .shiftRight, .shiftRight, .shiftRight, .shiftRight, .shiftRight, .shiftRight,
      .shiftRight, .shiftRight)
    #expect(s.cursor.iso == "2023-01-28" && s.year == 2023)
  }

  @Test func zoomInAndOut() {
    var s = exampleState()
    press(&s, .char("+"))
    #expect(s.zoom == .quarter)
    press(&s, .char("+"), .char("+"))
    #expect(s.zoom == .month)
    #expect(GanttLayout(s).window == DayRange(from: Day(iso: "2022-03-01")!, to: Day(iso: "2022-03-31")!))
    press(&s, .char("-"), .char("-"), .char("-"))
    #expect(s.zoom == .year)
  }

  @Test func themeTogglesHideLanesAndListRows() {
    var s = exampleState()
    press(&s, .char("2"))
    #expect(s.hiddenThemes == ["samverkan"])
    #expect(s.notice == "Samverkan dold")
    #expect(!GanttLayout(s).rows.contains { if case .theme(let t) = $0 { t.id == "samverkan" } else { false } })
    press(&s, .char("l"))
    let list = ListLayout(s)
    #expect(list.items.indices.allSatisfy { list.item($0)?.theme != "samverkan" })
    press(&s, .char("2"))
    #expect(s.hiddenThemes.isEmpty && s.notice == "Samverkan visas")
    press(&s, .char("9"))  // no ninth theme: nothing happens
    #expect(s.hiddenThemes.isEmpty)
    press(&s, .char("1"), .char("2"), .char("3"))
    #expect(s.notice?.hasPrefix("Alla teman är dolda") == true)
    #expect(Screen.render(s).lines.contains { $0.contains("Alla teman är dolda") })
  }

  @Test func aHiddenThemeLosesTheSelection() {
    var s = exampleState()
    press(&s, .down)
    #expect(s.focusID == "projektledaravstamning")
    press(&s, .char("1"))
    #expect(s.focusID == nil && s.focusTheme == "samverkan")
  }

  @Test func theSelectionIsSharedByTheViews() throws {
    var s = exampleState()
    press(&s, .char("l"))
    press(&s, .down, .down)
    let picked = s.focusID
    #expect(picked != nil)
    press(&s, .char("g"))
    let layout = GanttLayout(s)
    let row = try #require(layout.selectedRow(s))
    guard case .activity(let a) = layout.rows[row] else {
      Issue.record("no activity row")
      return
    }
    #expect(s.plan.activities[a].id == picked)
  }

  @Test func enterOpensTheSelectedItemAndEscClosesIt() {
    var s = exampleState()
    press(&s, .enter)
    #expect(s.form == nil)  // nothing selected on a lane without milestones
    press(&s, .down, .enter)
    #expect(s.form?.editing == "projektledaravstamning")
    #expect(Screen.render(s).lines.contains { $0.contains("Avstämning projektledare") })
    press(&s, .escape)
    #expect(s.form == nil)
  }

  @Test func helpListsEveryKey() {
    var s = exampleState(width: 100, height: 30)
    press(&s, .char("?"))
    let text = Screen.render(s).lines.joined(separator: "\n")
    for key in [
      "Tab Shift-Tab w g l", "[ ]", "+ = -", "1 2 3", "Enter", "/ n", "?", "q Ctrl-C", "Shift-← Shift-→ H L",
    ] {
      #expect(text.contains(key), "\(key)")
    }
    #expect(update(&s, .key(.char("q"))) == [])  // q closes the help first
    #expect(s.overlay == .none)
  }

  @Test func searchFiltersTheListAndNJumpsToTheNextMatch() {
    var s = exampleState()
    press(&s, .char("/"))
    type(&s, "frukostträff")
    #expect(Screen.render(s).lines[s.height - 2].contains("Sök: frukostträff"))
    press(&s, .enter)
    #expect(s.search == "frukostträff")
    #expect(s.focusID == "annonsera-frukosttraff" && s.cursor.iso == "2022-04-05")
    press(&s, .char("n"))
    #expect(s.focusID == "frukosttraff" && s.cursor.iso == "2022-04-12")
    press(&s, .char("n"))
    #expect(s.focusID == "annonsera-frukosttraff" && s.cursor.iso == "2022-05-03")
    press(&s, .char("l"))
    let found = ListLayout(s)
    #expect(found.items.count > 10)
    #expect(found.items.indices.allSatisfy { found.item($0)?.title.lowercased().contains("frukostträff") == true })
    press(&s, .escape)
    #expect(s.search.isEmpty)
    press(&s, .char("/"))
    type(&s, "zzz")
    press(&s, .enter)
    #expect(s.notice == "Ingen träff för \"zzz\"")
  }

  @Test func searchIsBlindToCaseAndAccents() {
    var s = exampleState()
    press(&s, .char("/"))
    type(&s, "OPPET HUS")
    press(&s, .enter)
    #expect(s.focusID == "oppet-hus-flen")
  }

  @Test func searchTypingTakesSwedishLettersAndBackspace() {
    var s = exampleState()
    press(&s, .char("/"))
    type(&s, "åäöx")
    press(&s, .backspace)
    #expect(s.searchDraft == "åäö")
    press(&s, .escape)
    #expect(s.searchDraft == nil && s.search.isEmpty)
  }

  @Test func quitKeys() {
    var s = exampleState()
    #expect(update(&s, .key(.char("q"))) == [.removeJournal, .quit])
    #expect(update(&s, .key(.ctrl("c"))) == [.removeJournal, .quit])
  }

  @Test func resizeToTooSmallAndBack() {
    var s = exampleState(width: 120, height: 35)
    press(&s, .down, .down)
    _ = update(&s, .resize(width: 40, height: 10))
    #expect(s.isTooSmall)
    #expect(Screen.render(s).lines.joined().contains("Fönstret är för litet."))
    _ = update(&s, .resize(width: 120, height: 35))
    #expect(!s.isTooSmall && s.focusID == "planeringsdag")
    #expect(Screen.render(s).lines[0].contains("Sörmländska kulturtillgångar 2022"))
  }

  @Test func theSelectionScrollsIntoView() {
    var s = exampleState()
    for _ in 0..<30 { press(&s, .down) }
    let layout = GanttLayout(s)
    let row = layout.selectedRow(s)!
    #expect(row >= s.ganttScroll && row < s.ganttScroll + s.bodyRect.height - 2)
    #expect(s.ganttScroll > 0)
    press(&s, .pageUp, .pageUp, .pageUp)
    #expect(s.ganttScroll == 0)
  }

  @Test func listMovesRowByRowAndPageByPage() {
    var s = exampleState()
    press(&s, .char("l"))
    let layout = ListLayout(s)
    let first = layout.selectedRow(s)!
    press(&s, .down)
    #expect(ListLayout(s).selectedRow(s) == first + 1)
    press(&s, .pageDown)
    #expect(ListLayout(s).selectedRow(s)! > first + 10)
    let row = ListLayout(s).selectedRow(s)!
    #expect(row >= s.listScroll && row < s.listScroll + s.bodyRect.height - 1)
  }
}

@Suite struct WheelUpdateTests {
  @Test func theWheelWalksByWeekAndByMonth() {
    var s = exampleState()
    press(&s, .char("w"))
    #expect(WheelSector(s).range == DayRange(from: Day(iso: "2022-03-28")!, to: Day(iso: "2022-04-03")!))
    press(&s, .right)
    #expect(s.cursor.iso == "2022-04-04")
    press(&s, .shiftRight)
    #expect(s.cursor.iso == "2022-05-04")
    #expect(WheelSector(s).range.from.iso == "2022-05-02")
    press(&s, .left, .shiftLeft)
    #expect(s.cursor.iso == "2022-03-27")
  }

  @Test func upAndDownWalkTheRingsAndTheSelectionFollows() {
    var s = exampleState()
    press(&s, .char("w"))
    #expect(s.focusTheme == "stottande-strukturer")
    #expect(s.focusID == "bearbeta-losningsforslag")
    press(&s, .down)
    #expect(s.focusTheme == "samverkan" && s.focusID == "dialog-kommunerna")
    press(&s, .down, .down)
    #expect(s.focusTheme == "motesplatser" && s.focusID == "workshop-finansiering")
    press(&s, .up, .up, .up)
    #expect(s.focusTheme == "stottande-strukturer")
    press(&s, .enter)
    #expect(s.form?.editing == "bearbeta-losningsforslag")
  }

  @Test func theSidePanelTellsTheWeek() {
    var s = exampleState(width: 120, height: 35)
    press(&s, .char("w"), .shiftRight)
    let text = Screen.render(s).lines.joined(separator: "\n")
    #expect(text.contains("Vecka 17  25 apr–1 maj 2022"))
    #expect(text.contains("fr 29 apr      Budgetuppföljning med Regi"))
    #expect(text.contains("19 apr–20 maj  Samtal med det fria kultur"))
    #expect(text.contains("Ringar utifrån och in:"))
  }

  @Test func aSchoolYearWheelStartsInAugust() {
    var plan = theExamplePlan()
    plan.startMonth = 8
    plan.year = 2022
    var s = AppState(plan: plan, fileName: "x", today: Day(iso: "2022-09-01")!, width: 120, height: 35)
    press(&s, .char("w"))
    let lines = Screen.render(s).lines
    // August's name sits at the top, right of 12 o'clock; July's left of it.
    let top = lines[1...3].joined()
    #expect(top.contains("aug") && top.contains("juli"))
    #expect(lines[0].contains("2022/23"))
  }
}

@Suite struct WheelItemTests {
  @Test func shiftUpAndDownWalkTheItemsOfTheRingInTheWeek() {
    var s = exampleState()
    press(&s, .char("w"))
    let ring = WheelSector(s).items.first { $0.theme.id == "stottande-strukturer" }!.items.map(\.id)
    #expect(ring.count >= 3 && s.focusID == ring[0])
    press(&s, .shiftDown)
    #expect(s.focusID == ring[1])
    press(&s, .shiftUp, .shiftUp)
    #expect(s.focusID == ring.last)  // round the list
    press(&s, .enter)
    #expect(s.form?.editing == ring.last)
  }
}
