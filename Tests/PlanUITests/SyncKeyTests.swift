import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

/// y: the plan synced with its calendar from the terminal UI (issue 27), as
/// messages and effects; the CLI runs the sync (Tests/e2e/caldav.sh).
@Suite struct SyncKeyTests {
  func synced() -> AppState {
    var s = exampleState(width: 120, height: 35)
    s.plan.calendarURL = "https://moln.example.se/cal/"
    s.savedVersion = s.version
    return s
  }

  @Test func aPlanThatNeverSyncedSaysHowToStart() {
    var s = exampleState(width: 120, height: 35)
    #expect(update(&s, .key(.char("y"))).isEmpty)
    #expect(s.notice?.contains("arshjul sync PLAN --url") == true)
  }

  @Test func unsavedEditsAreSavedFirstThenTheSyncStarts() {
    var s = synced()
    s.focusID = s.plan.activities[0].id
    _ = update(&s, .key(.char(">")))
    #expect(s.dirty)
    let first = update(&s, .key(.char("y")))
    #expect(first.contains { if case .save = $0 { true } else { false } })
    let then = update(&s, .saved(copy: nil))
    #expect(then == [.sync(s.plan, password: nil)] && s.syncing)
  }

  @Test func whatCameInIsAnEditThatUndoes() throws {
    var s = synced()
    let effects = update(&s, .key(.char("y")))
    #expect(effects == [.sync(s.plan, password: nil)])
    // Editing waits while the sync runs.
    s.focusID = s.plan.activities[0].id
    _ = update(&s, .key(.char(">")))
    #expect(!s.dirty && s.notice?.contains("Synkar") == true)
    var after = s.plan
    after.activities[0].title = "Ändrad i kalendern"
    let state = SyncState(url: "https://moln.example.se/cal/")
    let answer = update(&s, .syncFinished(SyncOutcome(plan: after, state: state, sent: 3, received: 2, conflicts: 1)))
    #expect(s.plan.activities[0].title == "Ändrad i kalendern" && !s.syncing)
    #expect(s.notice == "Synkat: 3 skickade, 2 kom in, 1 konflikt (u ångrar)")
    #expect(answer.contains(.save(s.plan)))
    // The calendar's state is kept only once the plan that matches it is saved.
    #expect(!answer.contains(.keepSyncState(state)))
    #expect(update(&s, .saved(copy: nil)) == [.keepSyncState(state)])
    #expect(s.notice == "Synkat: 3 skickade, 2 kom in, 1 konflikt (u ångrar)" && !s.dirty)
    _ = update(&s, .key(.char("u")))
    #expect(s.plan.activities[0].title != "Ändrad i kalendern")
  }

  @Test func offlineIsOneLineAndNothingChanges() {
    var s = synced()
    _ = update(&s, .key(.char("y")))
    let before = s.plan
    #expect(update(&s, .syncFinished(SyncOutcome(plan: nil, failure: "cannot reach moln.example.se"))).isEmpty)
    #expect(s.plan == before && !s.syncing)
    #expect(s.notice == "Ingen synk: cannot reach moln.example.se – inget ändrat")
  }

  @Test func aServerThatWantsAPasswordGetsOneTypedMasked() {
    var s = synced()
    _ = update(&s, .key(.char("y")))
    // No password in ~/.netrc or ARSHJUL_PASSWORD: the server said 401.
    #expect(update(&s, .syncFinished(SyncOutcome(plan: nil, askPassword: "anna@moln.example.se"))).isEmpty)
    #expect(!s.syncing)
    for c in "hemlig å" { _ = update(&s, .key(.char(c))) }
    _ = update(&s, .key(.backspace))
    let screen = Screen.render(s).lines.joined(separator: "\n")
    #expect(screen.contains("Lösenord för anna@moln.example.se (Esc avbryter): •••••••▏"))
    #expect(!screen.contains("hemlig"))
    // Typing is not editing the plan.
    #expect(!s.dirty)
    let effects = update(&s, .key(.enter))
    #expect(effects == [.sync(s.plan, password: "hemlig ")] && s.syncing && s.passwordPrompt == nil)
    // Refused: asked again, saying so; Esc gives up with one line.
    _ = update(&s, .syncFinished(SyncOutcome(plan: nil, failure: "refused", askPassword: "anna@moln.example.se")))
    #expect(
      Screen.render(s).lines.joined(separator: "\n").contains("Lösenordet nekades. Lösenord för anna@moln.example.se"))
    #expect(update(&s, .key(.escape)).isEmpty)
    #expect(s.passwordPrompt == nil && s.notice == "Ingen synk – inget ändrat")
  }
}
