import Foundation
import PlanModel
import TestSupport
import Testing

@testable import PlanStore

@Suite struct JournalTests {
  @Test func theJournalHoldsThePlanAndItsBase() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let loaded = try PlanFile.load(path)
    var edited = loaded.plan
    edited.activities.append(Activity(id: "ny", title: "Ny å ä ö", theme: "t", start: Day(iso: "2022-05-05")!))
    try Journal.write(edited, base: contentHash(loaded.bytes), for: path)
    // As after kill -9: the file is as it was; the journal has the edit.
    #expect(contents(path) == loaded.bytes)
    let found = Journal.read(for: path)
    #expect(found?.plan == edited)
    #expect(found?.base == contentHash(loaded.bytes))
    Journal.remove(for: path)
    #expect(Journal.read(for: path) == nil)
    #expect(!Journal.exists(for: path))
  }

  @Test func aBrokenJournalIsNotRestored() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    write("{\"format\": \"arshjul-journal\", \"plan\": {", to: path + ".arshjul-journal")
    #expect(Journal.read(for: path) == nil)
    #expect(Journal.exists(for: path))  // left for a person to look at
  }

  @Test func hashesTellFilesApart() {
    #expect(contentHash(Array("a".utf8)) != contentHash(Array("b".utf8)))
    #expect(contentHash([]) == "cbf29ce484222325")
  }
}
