import Foundation
import PlanFormats
import PlanModel
import Testing

/// `arshjul new --from` and the warnings of `check` (issue 17).
@Suite struct RolloverCommandTests {
  @Test func rollOverTheExamplePlan() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let new = dir + "/plan-2023.json"
    let r = arshjul("new", new, "--from", examplePlanPath)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("created \(new) for 2023 from \(examplePlanPath)\n"))
    #expect(r.stdout.contains("  Digital frukostträff: 8 feb 2022 → 14 feb 2023\n"))
    #expect(
      r.stdout.contains("  på en helgdag: Avstämning projektledare: första maj 1 maj 2023\n")
    )
    let plan = try loadPlan(new)
    #expect(plan.year == 2023 && plan.title == "Sörmländska kulturtillgångar 2023")
    #expect(plan.id != (try loadPlan(examplePlanPath)).id)
    #expect(arshjul("check", new).status == 0)
  }

  @Test func badRollOversWriteNothing() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let old = copyExample(to: dir, name: "old.json")
    let before = contents(old)
    let same = arshjul("new", old, "--from", old)
    #expect(same.status == 1 && same.stderr.contains("is the --from plan itself"))
    #expect(contents(old) == before)
    let existing = copyExample(to: dir, name: "existing.json")
    let refused = arshjul("new", existing, "--from", old)
    #expect(refused.status == 1 && refused.stderr.contains("already exists; not overwriting it (--force to)"))
    let earlier = arshjul("new", dir + "/x.json", "--from", old, "--year", "2021")
    #expect(earlier.status == 1 && earlier.stderr == "arshjul new: --year 2021 is not after the plan's year 2022\n")
    _ = FileManager.default.createFile(atPath: dir + "/broken.json", contents: Data("{\"format\": 1".utf8))
    let broken = arshjul("new", dir + "/y.json", "--from", dir + "/broken.json")
    #expect(broken.status == 2)
    #expect(!FileManager.default.fileExists(atPath: dir + "/x.json"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/y.json"))
  }

  @Test func checkWarnsAndStrictFails() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    _ = arshjul("add", path, "--title", "Midsommarfika", "--theme", "3", "--start", "2022-06-24")
    let r = arshjul("check", path)
    #expect(r.status == 0)
    #expect(
      r.stderrLines.contains {
        $0.hasSuffix(
          "warning: \"Midsommarfika\" infaller på en helgdag: midsommarafton 24 juni 2022 (\"holidayOK\": true om det är meningen)"
        )
      })
    #expect(r.stderrLines.first?.hasPrefix("\(path):") == true)
    #expect(arshjul("check", "--strict", path).status == 1)
  }
}
