import Foundation
import PlanStore
import Testing

/// Nothing we print on bad input may look like a crash.
func noCrash(_ r: Run) -> Bool {
  !r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains("backtrace")
    && r.status != 134 && r.status != 132 && r.status != 139
}

@Suite(.serialized) struct CheckCommandTests {
  @Test func theExamplePlanIsClean() {
    let r = arshjul("check", examplePlanPath)
    #expect(r.status == 0)
    #expect(r.stdout == "\(examplePlanPath): ok (28 activities, 8 milestones)\n")
    #expect(r.stderr.isEmpty)
  }

  static let badInputs: [(String, [UInt8], Int32, String)] = [
    ("empty", [], 2, ":1:1: error: the file is empty; expected a JSON object"),
    ("garbage", (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, 2, "error:"),
    (
      "not-utf8", Array("{\"title\": \"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8), 2,
      ":1:12: error: the file is not UTF-8 text"
    ),
    ("truncated", Array("{\n  \"activities\": [\n    {\"id\": ".utf8), 2, ":3:12: error: unexpected end of file"),
    ("array", Array("[{\"format\": \"arshjul-plan\"}]\n".utf8), 1, ":1:1: error: a plan must be a JSON object"),
    (
      "wrong-types", Array(#"{"format": "arshjul-plan", "version": "1", "id": 7, "title": "T", "themes": {}}"#.utf8), 1,
      "must be"
    ),
  ]

  @Test(arguments: 0..<6)
  func badInputGetsClearLinesAndLeavesTheFile(_ i: Int) throws {
    let (name, bytes, status, expected) = Self.badInputs[i]
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/\(name).json"
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    let r = arshjul("check", path)
    #expect(r.status == status, "\(name)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderrLines.allSatisfy { $0.hasPrefix(path + ":") }, "\(r.stderr)")
    #expect(r.stderrLines.first?.contains(expected) == true, "\(name): \(r.stderr)")
    #expect(noCrash(r))
    // and add refuses to touch it
    let a = arshjul("add", path, "--title", "X", "--theme", "1", "--start", "2022-01-01")
    #expect(a.status == status && noCrash(a))
    #expect(contents(path) == Data(bytes))
  }

  @Test func everyProblemAtOnceAndTheWorstExitStatus() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/p.json"
    let text = String(decoding: contents(examplePlanPath), as: UTF8.self)
      .replacingOccurrences(of: "\"2022-02-08\"", with: "\"2022-02-29\"")
      .replacingOccurrences(of: "\"color\": \"green\"", with: "\"color\": \"grön\"")
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    let empty = dir + "/empty.json"
    _ = FileManager.default.createFile(atPath: empty, contents: Data())
    let r = arshjul("check", path, examplePlanPath, empty)
    #expect(r.status == 2)
    #expect(r.stderrLines.filter { $0.hasPrefix(path) }.count == 3)
    #expect(r.stderrLines.contains { $0.contains("\"2022-02-29\" is not a date") })
    #expect(r.stdout.contains("kulturtillgangar-2022.json: ok"))
    let one = arshjul("check", path)
    #expect(one.status == 1)
  }

  @Test func missingFileIsUnreadable() {
    let r = arshjul("check", "/nonexistent/plan.json")
    #expect(r.status == 2)
    #expect(
      r.stderr == "/nonexistent/plan.json: error: cannot read /nonexistent/plan.json: No such file or directory\n")
  }

  @Test func theUIOutsideATerminalSaysWhatToDo() {
    let r = arshjul(examplePlanPath)
    #expect(r.status == 1)
    #expect(
      r.stderr == "arshjul: the terminal UI needs a terminal; for text, try `arshjul summary \(examplePlanPath)`\n")
    #expect(!FileManager.default.fileExists(atPath: examplePlanPath + ".lock"))
  }

  @Test func helpOnEveryCommand() {
    for cmd in ["check", "new", "add", "edit"] {
      let r = arshjul(cmd, "--help")
      #expect(r.status == 0)
      #expect(r.stdout.contains("USAGE: arshjul \(cmd)"))
    }
  }
}

@Suite(.serialized) struct AddCommandTests {
  @Test func addThenCheckShowsOnlyTheAddedActivity() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let before = String(decoding: contents(path), as: UTF8.self)
    let r = arshjul(
      "add", path, "--title", "Frukostträff i Nyköping, Eskilstuna; Katrineholm", "--theme", "Mötesplatser",
      "--start", "8/3", "--time", "08:30-09:30", "--owner", "Åsa Öberg", "--location", "Zoom")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "added activity frukosttraff-i-nykoping-eskilstuna-katrineholm on 2022-03-08\n")
    #expect(arshjul("check", path).status == 0)
    let after = String(decoding: contents(path), as: UTF8.self)
    // The diff is one inserted block: the old lines are all still there, in order.
    let old = before.split(separator: "\n", omittingEmptySubsequences: false)
    let new = after.split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    var added: [Substring] = []
    for line in new {
      if i < old.count && line == old[i] { i += 1 } else { added.append(line) }
    }
    #expect(i == old.count)
    #expect(added.count == 14)  // "},", "{" and twelve fields
    #expect(added.contains("      \"title\": \"Frukostträff i Nyköping, Eskilstuna; Katrineholm\""))
    #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
  }

  @Test func addARepeatingActivityAndAMilestone() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let a = arshjul(
      "add", path, "--title", "Läsecirkel", "--theme", "2", "--start", "2022-03-03", "--repeat", "month", "--on",
      "weekday", "--until", "2022-12-31", "--except", "2022-07-07,2022-08-04", "--id", "lasecirkel")
    #expect(a.status == 0, "\(a.stderr)")
    let m = arshjul("add", path, "--milestone", "--title", "Läsecirkeln klar", "--theme", "samverkan", "--start", "+4w")
    #expect(m.stdout == "added milestone lasecirkeln-klar on 2022-03-29\n")
    let text = String(decoding: contents(path), as: UTF8.self)
    #expect(text.contains("\"on\": \"weekday\""))
    #expect(text.contains("\"2022-08-04\""))
    #expect(arshjul("check", path).status == 0)
    let again = arshjul(
      "add", path, "--title", "Läsecirkel", "--theme", "2", "--start", "2022-03-03", "--id", "lasecirkel")
    #expect(again.status == 1)
    #expect(again.stderr == "arshjul add: id \"lasecirkel\" is already in the plan\n")
  }

  @Test(arguments: [
    (
      ["--theme", "nope", "--start", "2022-01-01"],
      "arshjul add: --theme \"nope\" is not a theme of the plan; use one of: stottande-strukturer, samverkan, motesplatser"
    ),
    (
      ["--theme", "1", "--start", "2022-02-30"],
      "arshjul add: --start \"2022-02-30\" is not a date; write 2022-03-08, 8/3, 8 mars, today or +2w"
    ),
    (
      ["--theme", "1", "--start", "2022-02-10", "--end", "2022-02-01"],
      "arshjul add: activity \"x\": end 2022-02-01 is before start 2022-02-10"
    ),
    (
      ["--theme", "1", "--start", "2022-02-10", "--time", "9:30-8"],
      "arshjul add: --time \"9:30-8\" is not a clock span; write it as 08:30-09:30 (or 8.30–9.30), ending after it starts"
    ),
    (
      ["--theme", "1", "--start", "2022-02-10", "--count", "3"],
      "arshjul add: --interval, --on, --until, --count and --except need --repeat"
    ),
  ])
  func badAddsChangeNothing(_ args: [String], _ message: String) {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let before = contents(path)
    let r = arshjul(["add", path, "--title", "x"] + args)
    #expect(r.status == 1)
    #expect(r.stderr == message + "\n")
    #expect(contents(path) == before)
  }

  @Test func theCommandLineTakesWhatTheFormTakes() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let r = arshjul(
      "add", path, "--title", "Fika", "--theme", "Samverkan", "--start", "3 mars", "--time", "8.30–9.30", "--repeat",
      "month", "--on", "weekday", "--except", "7 april; 5/5", "--status", "pågår")
    #expect(r.status == 0, "\(r.stderr)")
    let text = String(decoding: contents(path), as: UTF8.self)
    #expect(text.contains("\"start\": \"08:30\""))
    #expect(text.contains("\"2022-04-07\""))
    #expect(text.contains("\"2022-05-05\""))
    #expect(text.contains("\"status\": \"ongoing\""))
  }

  @Test func aTitleWithTerminalEscapesIsRefused() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let before = contents(path)
    let r = arshjul("add", path, "--title", "Bad\u{1B}[2Jtitle", "--theme", "1", "--start", "2022-01-01")
    #expect(r.status == 1)
    #expect(r.stderrLines.count == 1)
    #expect(!r.stderr.contains("\u{1B}"))
    #expect(contents(path) == before)
  }

  @Test func addIsRefusedWhileAnotherArshjulHoldsTheLock() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let before = contents(path)
    // The lock is held, as an open arshjul holds it: by this test process.
    let lock = try PlanLock.acquire(path)
    defer { lock.release() }
    let r = arshjul("add", path, "--title", "x", "--theme", "1", "--start", "2022-01-01")
    #expect(r.status == 1)
    #expect(r.stderr.contains("is open in another arshjul (pid \(getpid()))"))
    #expect(contents(path) == before)
  }
}

@Suite struct NewCommandTests {
  @Test func newMakesAValidPlanWithTheThreeThemes() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/ny.json"
    let r = arshjul("new", path, "--title", "Årshjul 2023", "--year", "2023")
    #expect(r.status == 0, "\(r.stderr)")
    let c = arshjul("check", path)
    #expect(c.stdout == "\(path): ok (0 activities, 0 milestones)\n")
    let text = String(decoding: contents(path), as: UTF8.self)
    #expect(text.contains("\"name\": \"Stöttande strukturer\""))
    #expect(text.contains("\"year\": 2023"))
    let again = arshjul("new", path, "--title", "X")
    #expect(again.status == 1)
    #expect(again.stderr == "arshjul new: \(path) already exists; not overwriting it\n")
  }
}
