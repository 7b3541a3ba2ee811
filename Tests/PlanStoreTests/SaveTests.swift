import Foundation
import PlanFormats
import PlanModel
import TestSupport
import Testing

@testable import PlanStore

@Suite struct SaveTests {
  @Test func saveKeepsModeAndWritesThroughSymlinks() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let real = dir + "/real.json"
    let link = dir + "/link.json"
    write(minimalPlan(), to: real)
    chmod(real, 0o600)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
    var plan = try PlanFile.load(link).plan
    plan.title = "Ändrad"
    _ = try PlanFile.save(plan, to: link)
    let attrs = try FileManager.default.attributesOfItem(atPath: link)
    #expect(attrs[.type] as? FileAttributeType == .typeSymbolicLink)
    let realAttrs = try FileManager.default.attributesOfItem(atPath: real)
    #expect((realAttrs[.posixPermissions] as? Int) == 0o600)
    #expect(try PlanFile.load(real).plan.title == "Ändrad")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link.json", "real.json"])
  }

  @Test(arguments: [
    AtomicFile.Fault.createTemp(errno: EACCES), .write(errno: ENOSPC), .rename(errno: EROFS),
  ])
  func failedSaveLeavesTheOldFileWhole(_ fault: AtomicFile.Fault) throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let before = contents(path)
    var plan = try PlanFile.load(path).plan
    plan.title = "Ny titel"
    #expect(throws: FileError.self) { _ = try PlanFile.save(plan, to: path, fault: fault) }
    #expect(contents(path) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["plan.json"])
  }

  @Test func failedSaveSaysWhy() throws {
    let plan = try examplePlan()
    do {
      _ = try PlanFile.save(plan, to: "/tmp/x.json", fault: .write(errno: ENOSPC))
    } catch {
      #expect(
        error.message == "cannot save /tmp/x.json: write failed: No space left on device; the file on disk is unchanged"
      )
    }
  }

  @Test func saveRefusesWhenTheFileChangedOnDisk() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let loaded = try PlanFile.load(path)
    write(minimalPlan().replacingOccurrences(of: "Plan\"", with: "Annan\""), to: path)
    let theirs = contents(path)
    do {
      _ = try PlanFile.save(loaded.plan, to: path, expecting: contentHash(loaded.bytes))
      Issue.record("overwrote a changed file")
    } catch {
      #expect(error.code == .conflict)
    }
    #expect(contents(path) == theirs)
  }

  @Test(arguments: [0, 1, 2])
  func anUpdateRefusesWhenTheFileChangedUnderIt(_ how: Int) throws {
    // Compared byte for byte with what was read: the same size with one
    // byte changed, a byte more and a byte less all count as changed.
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    let text = minimalPlan()
    write(text, to: path)
    let theirs = [
      text.replacingOccurrences(of: "Plan\"", with: "Plam\""), text + " ", String(text.dropLast()),
    ][how]
    do {
      try PlanFile.update(path) { (p: inout Plan) throws(PlanEditError) in
        p.title = "Vår"
        write(theirs, to: path)
      }
      Issue.record("overwrote a changed file")
    } catch {
      guard case .file(let e) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(e.code == .conflict)
    }
    #expect(contents(path) == Array(theirs.utf8))
  }

  @Test func anEditIsCheckedAsTheWholePlanWouldBe() throws {
    // validated(changedFrom:) looks only at changed items: every edit here
    // must give exactly what the whole check gives.
    let base = try examplePlan()
    let edits: [(inout Plan) -> Void] = [
      { $0.activities[3].end = $0.activities[3].start - 1 },
      { $0.activities.append($0.activities[0]) },
      { $0.milestones[0].id = $0.activities[0].id },
      { $0.activities[1].theme = "saknas" },
      { $0.themes.removeLast() },
      { $0.activities[2].title = "Ny titel" },
      { $0.milestones[0].title = " " },
      { $0.activities.removeFirst() },
      { $0.activities[0].repeatRule = Repeat(every: .week, except: [$0.activities[0].start + 1]) },
    ]
    for (i, edit) in edits.enumerated() {
      var plan = base
      edit(&plan)
      let whole = Result { () throws(PlanProblems) -> [UInt8] in try plan.validated() }
      let part = Result { () throws(PlanProblems) -> [UInt8] in try plan.validated(changedFrom: base) }
      switch (whole, part) {
      case (.success(let a), .success(let b)): #expect(a == b, "edit \(i)")
      case (.failure(let a), .failure(let b)): #expect(a.problems == b.problems, "edit \(i)")
      default: Issue.record("edit \(i): \(whole) against \(part)")
      }
    }
  }

  @Test func aSecondWriterIsRefusedWhileTheLockIsHeld() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let lock = try PlanLock.acquire(path)
    #expect(throws: FileError.self) { _ = try PlanLock.acquire(path) }
    do {
      try PlanFile.update(path) { (p: inout Plan) throws(PlanEditError) in p.title = "X" }
      Issue.record("update went through a held lock")
    } catch {
      guard case .file(let e) = error else { Issue.record("wrong error \(error)"); return }
      #expect(e.code == .locked)
    }
    lock.release()
    try PlanFile.update(path) { (p: inout Plan) throws(PlanEditError) in p.title = "X" }
    #expect(try PlanFile.load(path).plan.title == "X")
    #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
  }

  @Test func anEditThatBreaksThePlanIsNotSaved() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let before = contents(path)
    #expect(throws: PlanEditError.self) {
      try PlanFile.update(path) { (p: inout Plan) throws(PlanEditError) in
        p.activities.append(Activity(id: "a", title: "A", theme: "missing", start: Day(iso: "2022-01-01")!))
      }
    }
    #expect(contents(path) == before)
  }

  @Test func fiftyMegabytesIsRefusedWithoutReadingIt() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/big.json"
    _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 50 * 1024 * 1024))
    do {
      _ = try PlanFile.load(path)
      Issue.record("a 50 MB file loaded")
    } catch {
      #expect(error.kind == .unreadable)
      #expect(error.lines == ["\(path): error: \(path) is 50 MB; a plan file is at most 32 MB"])
    }
  }
}
