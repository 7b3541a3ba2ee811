import Foundation
import PlanFormats
import PlanModel
import Testing

/// `arshjul merge`, `diff` and `textconv` as git and planners call them (issue 14).
@Suite struct MergeCommandTests {
  let golden = packageRoot.appendingPathComponent("Tests/CLITests/Golden").path

  func text(_ path: String) -> String { String(decoding: contents(path), as: UTF8.self) }

  @Test func diffInWordsForEveryKindOfChange() {
    let changed = golden + "/changed-plan.json"
    let sv = arshjul("diff", examplePlanPath, changed)
    #expect(sv.status == 0)
    #expect(sv.stdout == text(golden + "/diff-sv.txt"))
    let en = arshjul("diff", examplePlanPath, changed, "--format", "markdown", "--language", "en")
    #expect(en.stdout == text(golden + "/diff-en.md"))
    #expect(arshjul("diff", examplePlanPath, changed, "--exit-code").status == 1)
    let same = arshjul("diff", examplePlanPath, examplePlanPath, "--exit-code")
    #expect(same.status == 0)
    #expect(same.stdout.hasSuffix("Inga ändringar.\n"))
  }

  @Test func diffOutsideARepositoryIsOneLine() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    let r = arshjul("diff", path, "--since", "HEAD~1")
    #expect(r.status == 2)
    #expect(r.stderrLines.count == 1)
    #expect(r.stderr.contains("is not in a git repository"))
  }

  // A side that carries conflicts is merged whole beside ours since issue 24
  // (TeamSurfaceCLITests.mergingASideWithRecordedConflicts).
  @Test(arguments: ["not json", "other-id", "version-2"])
  func aMergeThatCannotBeDoneLeavesOursUntouched(_ what: String) throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let ours = copyExample(to: dir, name: "ours.json")
    let theirs = copyExample(to: dir, name: "theirs.json")
    let base = copyExample(to: dir, name: "base.json")
    var t = text(theirs)
    switch what {
    case "not json": t = "{ not json"
    case "other-id": t = t.replacingOccurrences(of: "6f1c2d1e-5b7a-4c3e-9d2f-8a1b0c4e7f21", with: "another-plan")
    default: t = t.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
    }
    _ = FileManager.default.createFile(atPath: theirs, contents: Data(t.utf8))
    let before = contents(ours)
    let r = arshjul("merge", base, ours, theirs)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderrLines.first?.hasPrefix("arshjul merge: ") == true)
    #expect(contents(ours) == before)
  }

  @Test func aCleanMergeWritesOursCanonicallyAndExitsZero() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let ours = copyExample(to: dir, name: "ours.json")
    let base = copyExample(to: dir, name: "base.json")
    let theirs = golden + "/changed-plan.json"
    let r = arshjul("merge", base, ours, theirs)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(contents(ours) == contents(theirs))  // ours unchanged: the result is theirs, byte for byte
  }

  @Test func bothAddedThePlanMergesAgainstAnEmptyBase() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let ours = copyExample(to: dir, name: "ours.json")
    let theirs = golden + "/changed-plan.json"
    _ = FileManager.default.createFile(atPath: dir + "/empty", contents: Data())
    let r = arshjul("merge", dir + "/empty", ours, theirs)
    #expect(r.status == 1)
    let merged = try loadPlan(ours)
    #expect(!merged.conflicts.isEmpty)
    #expect(merged.conflicts.allSatisfy { $0.base == nil })
    #expect(arshjul("check", ours).status == 1)
  }

  @Test func textconvIsALinePerItemSortedByDate() {
    let r = arshjul("textconv", examplePlanPath)
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("plan Sörmländska kulturtillgångar 2022") == true)
    let dated = lines.filter { $0.first?.isNumber == true }.map { String($0.prefix(10)) }
    #expect(dated == dated.sorted())
    #expect(r.stdout.contains("Digital frukostträff – 8 feb 2022 08.30–09.30, andra tisdagen varje månad"))
    let raw = arshjul("textconv", packageRoot.appendingPathComponent("README.md").path)
    #expect(raw.status == 0 && raw.stdout.hasPrefix("# arshjul"))
  }
}
