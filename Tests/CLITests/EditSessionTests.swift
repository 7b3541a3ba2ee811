import Foundation
import PlanModel
import PlanStore
import PlanUI
import Testing

@testable import arshjul

/// The UI's file side, without a terminal: journal and save (issue 11).
@Suite struct EditSessionTests {
  @Test func aStaleJournalGoesThroughTheConflictPathNeverOverAnExternalChange() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    // The UI edits, the journal has it, then kill -9.
    let first = EditSession(path: path, loaded: try PlanFile.load(path))
    var edited = first.loaded
    edited.title = "Ändrad i UI"
    try Journal.write(edited, base: first.base, for: path)
    // Meanwhile: arshjul add.
    let added = arshjul("add", path, "--title", "Tillagd utifrån", "--theme", "1", "--start", "2022-05-05")
    #expect(added.status == 0, "\(added.stderr)")
    let onDisk = contents(path)
    // Reopen: the journal is offered, marked as older than the file.
    let again = EditSession(path: path, loaded: try PlanFile.load(path))
    guard case .found(let plan, let fileChanged) = again.leftoverJournal() else {
      Issue.record("the journal was not offered")
      return
    }
    #expect(fileChanged)
    #expect(again.perform(.journalRestored) == [])
    #expect(again.perform(.save(plan)) == [.saveConflict])
    #expect(contents(path) == onDisk)
  }

  @Test func aJournalThatCannotBeWrittenIsNeverClaimed() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let session = EditSession(path: path, loaded: try PlanFile.load(path))
    session.lock = try PlanLock.acquire(path)
    // The folder goes away (as a full or lost disk would fail): neither the
    // journal nor the plan can be written.
    removeFolder(dir)
    var edited = session.loaded
    edited.title = "Ändrad"
    _ = session.perform(.writeJournal(edited))
    session.journal.finish()
    #expect(!session.journal.isCurrent)
    #expect(session.journal.takeFailure()?.contains("No such file or directory") == true)
    // Idle: tried again, and the screen is told the truth once more.
    guard case .saveFailed(let retried)? = session.retryJournal().first else {
      Issue.record("a failed journal was not tried again")
      return
    }
    #expect(retried.hasPrefix("Ändringarna finns bara i minnet – journalen kunde inte skrivas"))
    guard case .saveFailed(let why)? = session.perform(.saveOverwrite(edited))?.first else {
      Issue.record("the save did not fail")
      return
    }
    #expect(why.hasSuffix("ändringarna finns bara i minnet"))
    #expect(!why.contains("journalen"))
  }
}
