import Foundation
import PlanFormats
import PlanModel
import Testing

/// What an adversarial pass found (issue 11), each as the user meets it.
@Suite struct HardeningTests {
  @Test func parallelAddsLoseNothing() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let before = try loadPlan(path).activities.count
    var launched = 0
    for round in 0..<12 {
      // Four writers at once, again and again: each must wait its turn.
      let script =
        (0..<4).map {
          "\"$ARSHJUL\" add '\(path)' --title 'Parallell \(round)-\($0)' --theme 1 --start 2022-05-0\($0 + 1) &"
        }.joined(separator: "\n") + "\nfail=0; for j in $(jobs -p); do wait $j || fail=1; done; exit $fail"
      let r = shell(script)
      #expect(r.status == 0, "\(r.stderr)")
      launched += 4
    }
    let plan = try loadPlan(path)
    #expect(plan.activities.count == before + launched)
    #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
  }

  @Test(arguments: ["ics", "svg"])
  func anExportIsNeverWrittenOverThePlan(_ format: String) {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let other = copyExample(to: dir, name: "other.json")
    let before = contents(path)
    let r = arshjul("export", format, path, "-o", path)
    #expect(r.status == 1)
    #expect(r.stderrLines.count == 1 && r.stderr.contains("over the plan itself"))
    let s = arshjul("export", format, path, "-o", other)
    #expect(s.status == 1)
    #expect(s.stderr.contains("it is an arshjul plan"))
    #expect(contents(path) == before)
    #expect(contents(other) == before)
  }

  @Test(arguments: [0, 5000])
  func aPlanBehindWhiteSpaceIsStillNotOverwritten(_ spaces: Int) throws {
    // Only a file whose first 4 KB show it is not a JSON object is replaced
    // unread; a plan with a long run of blank lines first is still read and refused.
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let other = dir + "/padded.json"
    let padded = Data(String(repeating: "\n", count: spaces).utf8) + contents(path)
    try padded.write(to: URL(fileURLWithPath: other))
    let s = arshjul("export", "svg", path, "-o", other)
    #expect(s.status == 1)
    #expect(s.stderr.contains("it is an arshjul plan"))
    #expect(contents(other) == padded)
    let svg = dir + "/old.svg"
    try Data("<svg/>".utf8).write(to: URL(fileURLWithPath: svg))
    #expect(arshjul("export", "svg", path, "-o", svg).status == 0)
  }

  @Test func anExportToADeviceOrFIFOStreamsIntoIt() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let r = shell(
      """
      "$ARSHJUL" export ics '\(path)' -o /dev/null && test -c /dev/null || exit 9
      mkfifo '\(dir)/pipe'
      cat '\(dir)/pipe' > '\(dir)/got' &
      "$ARSHJUL" export ics '\(path)' -o '\(dir)/pipe'; rc=$?
      wait
      test -p '\(dir)/pipe' || exit 8
      head -c 15 '\(dir)/got'
      exit $rc
      """)
    // The reader takes it all: the whole export went through the FIFO.
    #expect(r.stdout == "BEGIN:VCALENDAR")
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test(arguments: [
    "summary PLAN", "agenda PLAN", "agenda PLAN --format tsv", "export ics PLAN", "export svg PLAN", "check PLAN",
  ])
  func aFullDiskIsAnError(_ command: String) {
    let cmd = command.replacingOccurrences(of: "PLAN", with: "'\(examplePlanPath)'")
    let r = shell("\"$ARSHJUL\" \(cmd) > /dev/full")
    #expect(r.status == 1)
    #expect(r.stderr == "arshjul: cannot write to standard output: No space left on device\n")
  }

  @Test func aPlanFromAPipeIsReadWhole() {
    // A pipe has no size to read by: the plan comes in pieces.
    let r = shell("cat '\(examplePlanPath)' | \"$ARSHJUL\" check /dev/stdin")
    #expect(r.stdout == "/dev/stdin: ok (28 activities, 8 milestones)\n")
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test func fileNamesReachTheTerminalWithoutTheirEscapes() {
    let name = "x\u{1B}]0;pwn\u{07}\u{202E}.json"
    for args in [
      ["check", name], ["summary", name], ["add", name, "--title", "a", "--theme", "1", "--start", "1/1"],
    ] {
      let r = arshjul(args)
      #expect(r.status == 2)
      #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{07}") && !r.stderr.contains("\u{202E}"))
      #expect(r.stderr.contains("x\\u{1B}]0;pwn\\u{07}\\u{202E}.json"))
    }
    let bad = arshjul("summary", examplePlanPath, "--format", "x\u{1B}[31m")
    #expect(bad.status == 64)
    #expect(!bad.stderr.contains("\u{1B}"))
  }

  @Test func anArgumentThatIsNotUTF8IsRefused() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let before = contents(path)
    let r = shell("\"$ARSHJUL\" add '\(path)' --title \"$(printf 'Fika\\377')\" --theme 1 --start 2022-05-05")
    #expect(r.status == 2)
    #expect(r.stderr == "arshjul: argument 4 is not UTF-8 text; use a UTF-8 terminal or file name\n")
    #expect(contents(path) == before)
  }

  @Test func doneOnAnActivityMeansStatusDone() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let r = arshjul("add", path, "--title", "Klar sak", "--theme", "1", "--start", "2022-05-05", "--done")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try loadPlan(path).activities.first { $0.id == "klar-sak" }?.status == .done)
    let c = arshjul(
      "add", path, "--title", "Annan", "--theme", "1", "--start", "2022-05-05", "--done", "--status", "planned")
    #expect(c.status == 1)
    #expect(c.stderr == "arshjul add: --done and --status planned disagree; give one of them\n")
  }

  @Test func anIntervalOutOfRangeSaysTheRange() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let r = arshjul(
      "add", path, "--title", "X", "--theme", "1", "--start", "2022-05-05", "--repeat", "week", "--interval",
      "99999999999")
    #expect(r.status == 1)
    #expect(r.stderr == "arshjul add: --interval 99999999999 must be 1–1000\n")
  }

  @Test func aWriteProtectedPlanIsRefusedByAddUnlessForced() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    chmod(path, 0o444)
    let before = contents(path)
    let r = arshjul("add", path, "--title", "X", "--theme", "1", "--start", "2022-05-05")
    #expect(r.status == 1)
    #expect(r.stderr.contains("is write-protected; make it writable (chmod u+w) or use --force"))
    #expect(contents(path) == before)
    let f = arshjul("add", path, "--title", "X", "--theme", "1", "--start", "2022-05-05", "--force")
    #expect(f.status == 0, "\(f.stderr)")
  }

  @Test func aSummaryOfAPastPeriodHasNoUpcomingList() {
    let past = arshjul(
      ["summary", examplePlanPath, "--from", "2022-09-01", "--to", "2022-09-30"], today: "2026-11-27")
    #expect(past.status == 0)
    #expect(!past.stdout.contains("Kommande"))
    let now = arshjul(["summary", examplePlanPath, "--from", "2022-09-01", "--to", "2022-09-30"], today: "2022-09-10")
    #expect(now.stdout.contains("Kommande (från 10 sep 2022)"))
  }

  @Test func invisibleFormatCharactersStayOutOfTextButInData() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let title = "Möte\u{202E}gnid\u{2066}x\u{FEFF}\u{E0041}y\u{2028}z"
    let a = arshjul("add", path, "--title", title, "--theme", "1", "--start", "2022-05-05")
    #expect(a.status == 0, "\(a.stderr)")
    let s = arshjul("summary", path)
    #expect(s.stdout.contains("Mötegnidxy z"))
    let g = arshjul("agenda", path)
    #expect(g.stdout.contains("Mötegnidxy z"))
    let ics = arshjul("export", "ics", path)
    #expect(ics.stdout.contains("Möte\u{202E}gnid"))
  }
}

func loadPlan(_ path: String) throws -> Plan {
  try PlanFile.decode(Array(contents(path)), file: path)
}
