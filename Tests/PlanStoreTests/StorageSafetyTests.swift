import Foundation
import PlanModel
import TestSupport
import Testing

@testable import PlanStore

/// The files arshjul makes beside a plan: never through a link it did not
/// make, never more readable than the plan, never stolen from a live writer.
@Suite struct StorageSafetyTests {
  func mode(_ path: String) -> Int {
    var st = stat()
    return lstat(path, &st) == 0 ? Int(st.st_mode & 0o777) : -1
  }

  func isLink(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
  }

  @Test func aJournalLinkIsReplacedNotFollowed() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    write("precious\n", to: dir + "/victim")
    try FileManager.default.createSymbolicLink(atPath: Journal.path(for: path), withDestinationPath: dir + "/victim")
    var plan = try PlanFile.load(path).plan
    plan.title = "Ändrad"
    try Journal.write(plan, base: "x", for: path)
    #expect(String(decoding: contents(dir + "/victim"), as: UTF8.self) == "precious\n")
    #expect(!isLink(Journal.path(for: path)))
    #expect(Journal.read(for: path)?.plan.title == "Ändrad")
  }

  @Test func aPlantedJournalLinkIsNotRead() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let other = dir + "/elsewhere.json"
    write(String(decoding: JournalFormat.encode(try PlanFile.load(path).plan, base: "x"), as: UTF8.self), to: other)
    try FileManager.default.createSymbolicLink(atPath: Journal.path(for: path), withDestinationPath: other)
    guard case .unreadable(let why, _) = Journal.find(for: path) else {
      Issue.record("a journal was read through a link")
      return
    }
    #expect(why.contains("symbolic link"))
    #expect(FileBytes.exists(other))
  }

  @Test func aLockLinkIsRefusedAndItsTargetUntouched() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    write("precious\n", to: dir + "/victim")
    try FileManager.default.createSymbolicLink(atPath: path + ".lock", withDestinationPath: dir + "/victim")
    do {
      _ = try PlanLock.acquire(path)
      Issue.record("locked through a link")
    } catch {
      #expect(error.code == .link)
    }
    #expect(String(decoding: contents(dir + "/victim"), as: UTF8.self) == "precious\n")
  }

  @Test func aCopyBesideThePlanReplacesALinkAtItsName() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    write("precious\n", to: dir + "/victim")
    try FileManager.default.createSymbolicLink(atPath: dir + "/copy.json", withDestinationPath: dir + "/victim")
    try AtomicFile.writeBeside(plan: path, parts: [Array("copy\n".utf8)], to: dir + "/copy.json")
    #expect(String(decoding: contents(dir + "/victim"), as: UTF8.self) == "precious\n")
    #expect(!isLink(dir + "/copy.json"))
  }

  @Test(arguments: [0o600, 0o640, 0o644])
  func filesBesideThePlanAreNoMoreReadableThanThePlan(_ planMode: Int) throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    chmod(path, mode_t(planMode))
    let plan = try PlanFile.load(path).plan
    try Journal.write(plan, base: "x", for: path)
    #expect(mode(Journal.path(for: path)) == planMode)
    let lock = try PlanLock.acquire(path)
    #expect(mode(path + ".lock") == planMode)
    lock.release()
    try AtomicFile.writeBeside(plan: path, parts: [[]], to: dir + "/copy.json")
    #expect(mode(dir + "/copy.json") == planMode)
  }

  @Test func aHeldLockIsNeverTakenEvenWhenItsFileIsEmpty() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let first = try PlanLock.acquire(path)
    // What a second writer sees in the moment the first has just made it.
    _ = truncate(path + ".lock", 0)
    #expect(throws: FileError.self) { _ = try PlanLock.acquire(path) }
    first.release()
    let second = try PlanLock.acquire(path)
    second.release()
  }

  @Test func aLockLeftByAProcessThatIsGoneIsTaken() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    // kill -9 leaves the file; the kernel has let its lock go.
    write("999999999\n", to: path + ".lock")
    let lock = try PlanLock.acquire(path)
    lock.release()
    #expect(!FileBytes.exists(path + ".lock"))
  }

  @Test func aWriterWaitsForTheLockInsteadOfFailing() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let first = try PlanLock.acquire(path)
    let started = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox()
    Thread.detachNewThread {
      started.signal()
      box.ok = (try? PlanLock.acquire(path, wait: 20)).map { $0.release() } != nil
      done.signal()
    }
    // The waiter finds the lock held; once it is let go, it must get it.
    started.wait()
    first.release()
    done.wait()
    #expect(box.ok)
  }

  @Test func aWriteProtectedPlanIsNotChangedUnlessForced() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    chmod(path, 0o444)
    let before = contents(path)
    do {
      try PlanFile.update(path) { (p: inout Plan) throws(PlanEditError) in p.title = "X" }
      Issue.record("a write-protected plan was changed")
    } catch {
      guard case .file(let e) = error else { Issue.record("wrong error \(error)"); return }
      #expect(e.code == .writeProtected)
    }
    var plan = try PlanFile.load(path).plan
    plan.title = "Y"
    #expect(throws: FileError.self) { _ = try PlanFile.save(plan, to: path) }
    #expect(contents(path) == before)
    try PlanFile.update(path, force: true) { (p: inout Plan) throws(PlanEditError) in p.title = "X" }
    #expect(try PlanFile.load(path).plan.title == "X")
    #expect(mode(path) == 0o444)
  }

  @Test func aTamperedJournalIsKeptAsideAndNamed() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    write("{\"format\": \"arshjul-journal\", \"plan\": {", to: Journal.path(for: path))
    guard case .unreadable(let why, let kept) = Journal.find(for: path) else {
      Issue.record("a broken journal was not reported")
      return
    }
    #expect(why.contains("cannot be read back"))
    #expect(kept == Journal.path(for: path) + ".bad-1")
    #expect(String(decoding: contents(kept ?? ""), as: UTF8.self).hasPrefix("{\"format\""))
    #expect(!Journal.exists(for: path))
  }

  @Test func exportsNeverOverwriteAPlanOrReplaceADevice() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    write(minimalPlan(), to: path)
    let before = contents(path)
    #expect(throws: FileError.self) { try OutputFile.write(parts: [[1]], to: path, input: path) }
    let other = dir + "/other.json"
    write(minimalPlan(), to: other)
    #expect(throws: FileError.self) { try OutputFile.write(parts: [[1]], to: other, input: path) }
    #expect(contents(path) == before)
    try OutputFile.write(parts: [Array("x".utf8)], to: "/dev/null", input: path)
    var st = stat()
    #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
    let fifo = dir + "/fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader that reads to the end (FileManager reads a FIFO's st_size,
    // 0, and closes at once: the writer then died of SIGPIPE).
    let box = DataBox()
    let done = DispatchSemaphore(value: 0)
    let reader = Thread {
      box.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
      done.signal()
    }
    reader.start()
    try OutputFile.write(parts: [Array("BEGIN".utf8)], to: fifo, input: path)
    done.wait()
    #expect(String(decoding: box.data, as: UTF8.self) == "BEGIN")
    #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
  }
}

final class ResultBox: @unchecked Sendable {
  var ok = false
}

final class DataBox: @unchecked Sendable {
  var data = Data()
}
