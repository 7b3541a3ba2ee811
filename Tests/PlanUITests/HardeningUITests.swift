import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

/// The screen-side findings of issue 11.
@Suite struct HardeningUITests {
  @Test func invisibleFormatCharactersNeverReachACell() {
    var g = Grid(width: 12, height: 1)
    let end = g.text("a\u{202E}b\u{200D}c\u{FEFF}d\u{E0041}e\u{2028}f", x: 0, y: 0)
    #expect(end == 7)
    #expect(g.lines == ["abcde f     "])
    let scalars = (0..<12).flatMap { Array(g[$0, 0].character.unicodeScalars) }
    #expect(!scalars.contains { isInvisibleFormat($0) || isLineSeparator($0) })
  }

  @Test func aLongTextFieldShowsTheWindowAroundTheCursor() {
    var input = TextInput(String(repeating: "å", count: 20_000) + "slut")
    let end = input.visible(width: 10)
    #expect(end.text == "åååååslut")
    #expect(end.cursorColumn == 9)
    input.cursor = 3
    let start = input.visible(width: 10)
    #expect(start.text == "åååååååååå")
    #expect(start.cursorColumn == 3)
  }

  @Test func aNewDayMovesTodayWithoutTouchingThePlan() {
    var s = exampleState(today: "2022-03-28")
    let plan = s.plan
    #expect(update(&s, .newDay(Day(iso: "2022-03-29")!)) == [])
    #expect(s.today.iso == "2022-03-29")
    #expect(s.plan == plan && !s.dirty)
  }

  @Test func restoringAJournalMadeOnAnOlderFileSaysSoAndAsksTheSessionToCheck() {
    var s = exampleState()
    var journal = theExamplePlan()
    journal.activities.removeFirst()
    _ = update(&s, .recoveryFound(journal, fileChanged: true))
    let effects = update(&s, .key(.char("r")))
    #expect(effects.first == .journalRestored)
    #expect(s.notice?.contains("filen har ändrats sedan dess") == true)
  }
}

@Suite struct FormDatesTests {
  /// A planner moves the start of a new activity and leaves the end alone:
  /// the end follows (it was refused as "ends before it starts").
  @Test func anUntouchedEndFollowsAMovedStart() {
    var s = exampleState()
    press(&s, .char("l"), .char("a"))
    for c in "Läsecirkel på Öppet hus, Flen" { _ = update(&s, .key(.char(c))) }
    press(&s, .tab, .tab, .ctrl("u"))
    for c in "8 juni" { _ = update(&s, .key(.char(c))) }
    _ = update(&s, .key(.enter))
    #expect(s.form == nil)
    let a = s.plan.activities.last!
    #expect(a.title == "Läsecirkel på Öppet hus, Flen" && a.start.iso == "2022-06-08" && a.end.iso == "2022-06-08")
  }
}
