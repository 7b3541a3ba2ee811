import Foundation
import PlanFormats
import PlanModel
import Testing

/// The second adversarial pass over the team surface (issue 24), each
/// attempt as it was made: the binary, real git, real files.
@Suite struct TeamSurfaceCLITests {
  func text(_ path: String) -> String { String(decoding: contents(path), as: UTF8.self) }

  /// A repository with the example plan committed as `plan.json`.
  func repository() -> (dir: String, plan: String) {
    let dir = temporaryFolder()
    let plan = copyExample(to: dir)
    let r = shell(
      """
      cd '\(dir)' && git init -q && git add plan.json && \
      git -c user.name=T -c user.email=t@example.org commit -qm plan
      """)
    #expect(r.status == 0, "\(r.stderr)")
    return (dir, plan)
  }

  // 1. A revision is never an option of git's.
  @Test(arguments: ["--output=OUT", "-p", "--since=--output=OUT"])
  func diffSinceRefusesAnOption(_ value: String) {
    let (dir, plan) = repository()
    defer { removeFolder(dir) }
    let before = contents(plan)
    let since = value.replacingOccurrences(of: "OUT", with: dir + "/stolen")
    let args = since.hasPrefix("--since=") ? ["diff", plan, since] : ["diff", plan, "--since=" + since]
    let r = arshjul(args)
    #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
    #expect(r.stderrLines.count == 1 && r.stderr.contains("not a revision"), "\(r.stderr)")
    let left = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    #expect(!left.contains { $0.hasPrefix("stolen") }, "\(left)")
    #expect(contents(plan) == before)
  }

  @Test func diffSinceStillReadsRevisions() {
    let (dir, plan) = repository()
    defer { removeFolder(dir) }
    #expect(arshjul("add", plan, "--title", "Ny träff", "--theme", "1", "--start", "2022-05-05").status == 0)
    let r = arshjul("diff", plan, "--since", "HEAD")
    #expect(r.status == 0 && r.stdout.contains("Ny träff"), "\(r.stderr)")
    let bad = arshjul("diff", plan, "--since", "nosuch")
    #expect(bad.status == 2 && bad.stderrLines.count == 1 && bad.stderr.contains("nosuch"), "\(bad.stderr)")
  }

  // 2. Formula cells are neutralised and the round trip stays byte-identical.
  @Test func csvFormulaCellsRoundTrip() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let plan = copyExample(to: dir)
    for title in ["=HYPERLINK(\"http://x\",\"klicka\")", "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3"] {
      let r = arshjul("add", plan, "--title=" + title, "--theme", "1", "--start", "2022-05-05")
      #expect(r.status == 0, "\(r.stderr)")
    }
    let before = contents(plan)
    for comma in [false, true] {
      let csv = dir + "/out.csv"
      #expect(arshjul(["export", "csv", plan, "-o", csv] + (comma ? ["--comma"] : [])).status == 0)
      let cells = text(csv)
      for bad in ["=HYPERLINK", "@SUM", "+cmd", "-2+3"] {
        #expect(cells.contains("'" + bad), "\(bad)")
        for sep in [";", ",", "\n", "\""] { #expect(!cells.contains(sep + bad), "\(sep)\(bad)") }
      }
      let back = arshjul("import", plan, csv)
      #expect(back.status == 0 && back.stdout.hasPrefix("0 new, 0 changed"), "\(back.stdout) \(back.stderr)")
      #expect(contents(plan) == before)
    }
  }

  // 3. A password in the URL is refused and written nowhere.
  @Test func aPasswordInTheURLIsRefused() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let plan = copyExample(to: dir)
    let before = contents(plan)
    let r = arshjul("sync", plan, "--url", "https://anna:S3cret@127.0.0.1:9/cal/", "--timeout", "2")
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderrLines.count == 1 && r.stderr.contains("--user") && r.stderr.contains(".netrc"), "\(r.stderr)")
    #expect(!r.stderr.contains("S3cret"))
    #expect(contents(plan) == before)
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    #expect(files == ["plan.json"], "\(files)")
  }

  @Test func aRememberedURLWithAPasswordIsRefusedAndShownMasked() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let plan = copyExample(to: dir)
    let withURL = text(plan).replacingOccurrences(
      of: "  \"format\"", with: "  \"calendarURL\": \"https://anna:S3cret@moln.example.se/cal/\",\n  \"format\"")
    try Data(withURL.utf8).write(to: URL(fileURLWithPath: plan))
    let r = arshjul("sync", plan, "--timeout", "2")
    #expect(r.status == 2 && r.stderr.contains("--user") && !r.stderr.contains("S3cret"), "\(r.stderr)")
    // textconv and diff show the URL (so a reviewer sees it), never the password.
    let t = arshjul("textconv", plan)
    #expect(t.stdout.contains("https://anna:***@moln.example.se/cal/"), "\(t.stdout)")
    #expect(!t.stdout.contains("S3cret"))
    let d = arshjul("diff", examplePlanPath, plan)
    #expect(d.stdout.contains("https://anna:***@moln.example.se/cal/") && !d.stdout.contains("S3cret"), "\(d.stdout)")
  }

  // 4. A password file others can read is warned about; an empty one is an error.
  @Test func passwordFilesAreCheckedLikeSSHKeys() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let plan = copyExample(to: dir)
    let secret = dir + "/secret"
    try Data("hemligt\n".utf8).write(to: URL(fileURLWithPath: secret))
    chmod(secret, 0o644)
    let url = "http://127.0.0.1:9/cal/"
    let open = arshjul("sync", plan, "--url", url, "--user", "anna", "--password-file", secret, "--timeout", "2")
    #expect(open.stderr.contains("warning: the password file") && open.stderr.contains("chmod 600"), "\(open.stderr)")
    chmod(secret, 0o600)
    let closed = arshjul("sync", plan, "--url", url, "--user", "anna", "--password-file", secret, "--timeout", "2")
    #expect(!closed.stderr.contains("warning"), "\(closed.stderr)")
    for empty in ["", "\n", "\n\nlater line\n"] {
      try Data(empty.utf8).write(to: URL(fileURLWithPath: secret))
      let r = arshjul("sync", plan, "--url", url, "--user", "anna", "--password-file", secret, "--timeout", "2")
      #expect(r.status == 2 && r.stderrLines.count == 1 && r.stderr.contains("is empty"), "\(r.stderr)")
    }
  }

  // 7. Glob characters in a plan's name are escaped in .gitattributes.
  @Test func gitSetupEscapesGlobCharacters() throws {
    let (dir, _) = repository()
    defer { removeFolder(dir) }
    try FileManager.default.createDirectory(atPath: dir + "/plans", withIntermediateDirectories: true)
    for name in ["plan [utkast].json", "plan u.json", "a*b?.json", "!viktig.json", "#1.json"] {
      _ = copyExample(to: dir + "/plans", name: name)
    }
    let setup = arshjul(
      "git-setup", dir + "/plans/plan [utkast].json", dir + "/plans/a*b?.json", dir + "/plans/!viktig.json",
      dir + "/plans/#1.json")
    #expect(setup.status == 0, "\(setup.stderr)")
    func attr(_ path: String) -> String {
      shell("cd '\(dir)' && git check-attr merge -- '\(path)'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(attr("plans/plan [utkast].json").hasSuffix("merge: arshjul"))
    #expect(attr("plans/a*b?.json").hasSuffix("merge: arshjul"))
    #expect(attr("plans/!viktig.json").hasSuffix("merge: arshjul"))
    #expect(attr("plans/#1.json").hasSuffix("merge: arshjul"))
    #expect(attr("plans/plan u.json").hasSuffix("merge: unspecified"))
    #expect(attr("plans/aXbY.json").hasSuffix("merge: unspecified"))
  }

  // 8. Only arshjul's own files are ignored.
  @Test func gitSetupIgnoresOnlyArshjulsOwnFiles() {
    let (dir, plan) = repository()
    defer { removeFolder(dir) }
    #expect(arshjul("git-setup", plan).status == 0)
    func ignored(_ path: String) -> Bool { shell("cd '\(dir)' && git check-ignore -q -- '\(path)'").status == 0 }
    #expect(!ignored("Cargo.lock") && !ignored("yarn.lock") && !ignored("sub/poetry.lock"))
    #expect(ignored("plan.json.lock") && ignored("plan.json.arshjul-journal") && ignored("plan.json.arshjul-sync"))
    #expect(!text(dir + "/.gitignore").split(separator: "\n").contains("*.lock"))
  }

  // 9. A link out of the repository is refused.
  @Test func gitSetupRefusesALinkOutOfTheRepository() throws {
    let (dir, _) = repository()
    let outside = temporaryFolder()
    defer {
      removeFolder(dir)
      removeFolder(outside)
    }
    let target = copyExample(to: outside)
    try FileManager.default.createSymbolicLink(atPath: dir + "/linked.json", withDestinationPath: target)
    let r = arshjul("git-setup", dir + "/linked.json")
    #expect(r.status == 2 && r.stderrLines.count == 1 && r.stderr.contains("outside the repository"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/.gitattributes"))
  }

  /// OURS, THEIRS and BASE for a merge, THEIRS with a recorded conflict.
  func sidesWithAConflictInTheirs(_ dir: String) throws -> (base: String, ours: String, theirs: String) {
    let base = copyExample(to: dir, name: ".merge_file_base")
    let ours = copyExample(to: dir, name: ".merge_file_ours")
    let theirs = copyExample(to: dir, name: ".merge_file_theirs")
    #expect(arshjul("add", ours, "--title", "Vår nya", "--theme", "1", "--start", "2022-05-05").status == 0)
    #expect(arshjul("add", theirs, "--title", "Deras nya", "--theme", "2", "--start", "2022-05-06").status == 0)
    let conflicted = text(theirs).replacingOccurrences(
      of: "  \"format\"",
      with: """
          "conflicts": [{"field": "owner", "id": "nyhetsbrev", "kind": "activity", "ours": "A", "theirs": "B"}],
          "format"
        """)
    try Data(conflicted.utf8).write(to: URL(fileURLWithPath: theirs))
    #expect(arshjul("check", theirs).status == 1)
    return (base, ours, theirs)
  }

  // 11. Merging a side that already carries conflicts: named by git's labels,
  // both sides' edits kept, and a working copy that check refuses.
  @Test func mergingASideWithRecordedConflicts() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let (base, ours, theirs) = try sidesWithAConflictInTheirs(dir)
    let r = arshjul(
      "merge", base, ours, theirs, "--path", "plans/p.json", "--base-label", "abc123", "--our-label", "HEAD",
      "--their-label", "feature")
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("plans/p.json") && r.stderr.contains("feature"), "\(r.stderr)")
    #expect(!r.stderr.contains(".merge_file") && !r.stderr.contains("the their"), "\(r.stderr)")
    let check = arshjul("check", ours)
    #expect(check.status == 1, "\(check.stdout) \(check.stderr)")
    #expect(text(ours).contains("Vår nya") && text(ours).contains("Deras nya"))
  }

  @Test func unexpandedGitLabelsAreNotShown() throws {
    // git before 2.44 leaves %S %X %Y as they are.
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let (base, ours, theirs) = try sidesWithAConflictInTheirs(dir)
    let r = arshjul(
      "merge", base, ours, theirs, "--path", "p.json", "--base-label", "%S", "--our-label", "%X",
      "--their-label", "%Y")
    #expect(r.status == 1 && !r.stderr.contains("%Y") && r.stderr.contains("p.json"), "\(r.stderr)")
  }

  // 12. merge refuses a write-protected OURS, as add and import do.
  @Test func mergeRefusesAWriteProtectedOurs() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let base = copyExample(to: dir, name: "base.json")
    let ours = copyExample(to: dir, name: "ours.json")
    let theirs = copyExample(to: dir, name: "theirs.json")
    #expect(arshjul("add", theirs, "--title", "Deras nya", "--theme", "2", "--start", "2022-05-06").status == 0)
    chmod(ours, 0o444)
    let before = contents(ours)
    let r = arshjul("merge", base, ours, theirs)
    #expect(r.status == 2 && r.stderr.contains("write-protected"), "\(r.stderr)")
    #expect(contents(ours) == before)
  }

  // 13. Every file that imports Glibc has its Darwin branch, and nothing
  // names Glibc in a call.
  @Test func theCodeBuildsForBothSystemsItPromises() throws {
    let sources = packageRoot.appendingPathComponent("Sources").path
    let files = FileManager.default.enumerator(atPath: sources)!.compactMap { $0 as? String }.filter {
      $0.hasSuffix(".swift")
    }
    var wrong: [String] = []
    for file in files {
      let code = text(sources + "/" + file)
      if code.contains("import Glibc") && !code.contains("import Darwin") { wrong.append(file + ": no Darwin") }
      if code.contains("Glibc.") { wrong.append(file + ": Glibc. in a call") }
    }
    #expect(wrong.isEmpty, "\(wrong)")
  }

  // 14. The runner hands its input to the program.
  @Test func theRunnerPassesStandardInput() {
    let r = runProcess("/bin/cat", [], env: [:], stdin: "å ä ö\n")
    #expect(r.stdout == "å ä ö\n")
  }

  // 15. Help texts are paragraphs that the parser wraps, never ragged.
  @Test func helpTextsAreNotRagged() {
    let commands = [
      [], ["edit"], ["new"], ["check"], ["add"], ["summary"], ["agenda"], ["export"], ["export", "ics"],
      ["export", "svg"], ["export", "html"], ["export", "csv"], ["import"], ["sync"], ["merge"], ["git-setup"],
      ["diff"], ["textconv"], ["keys"],
    ]
    for command in commands {
      let r = arshjul(command + ["--help"])
      let head = r.stdout.components(separatedBy: "USAGE:")[0]
      let lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for (a, b) in zip(lines, lines.dropFirst()) where !a.isEmpty && !b.isEmpty && !b.hasPrefix(" ") {
        let next = b.split(separator: " ").first.map(String.init) ?? ""
        #expect(a.count + 1 + next.count >= 80, "arshjul \(command.joined(separator: " ")): \(a) / \(b)")
      }
    }
  }
}
