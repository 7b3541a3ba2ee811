import Foundation
import Testing

@Suite(.serialized) struct SummaryCommandTests {
  @Test func summaryOfTheExamplePlanInAPipeWrapsAt80() {
    let r = arshjul("summary", examplePlanPath, today: "2022-03-28")
    #expect(r.status == 0)
    let golden = String(
      decoding: contents(
        packageRoot.appendingPathComponent("Tests/PlanFormatsTests/Golden/summary-kulturtillgangar.txt").path),
      as: UTF8.self)
    #expect(r.stdout == golden)
    #expect(r.stderr.isEmpty)
  }

  @Test func summaryOfOneThemeAndAPeriod() {
    let r = arshjul(
      "summary", examplePlanPath, "--theme", "Samverkan", "--from", "1/3", "--to", "31/3", "--language", "en",
      today: "2022-03-28")
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix("Sörmländska kulturtillgångar 2022\n1 March–31 March 2022 · 5 activities, 0 milestones\n"))
    #expect(!r.stdout.contains("Mötesplatser"))
    #expect(r.stdout.contains("  22 Mar       Återkoppling till arbetsgruppen\n  w. 12        13:00–16:00"))
  }

  @Test func badFiltersGetOneLine() {
    let t = arshjul("summary", examplePlanPath, "--theme", "kultur")
    #expect(t.status == 1)
    #expect(
      t.stderr
        == "arshjul: --theme \"kultur\" is not a theme of the plan; use one of: stottande-strukturer, samverkan, motesplatser\n"
    )
    let d = arshjul("summary", examplePlanPath, "--from", "2022-12-01", "--to", "2022-01-01")
    #expect(d.status == 1)
    #expect(d.stderr == "arshjul: --to 2022-01-01 is before --from 2022-12-01\n")
  }

  @Test func controlCharactersNeverReachTheOutput() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = copyExample(to: dir)
    // notes may hold newlines; the summary still prints them safely
    let a = arshjul("add", path, "--title", "Trygg", "--theme", "1", "--start", "2022-05-05", "--owner", "Kim")
    #expect(a.status == 0)
    let r = arshjul("summary", path, "--format", "markdown")
    #expect(!r.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }
}

@Suite(.serialized) struct ExportCommandTests {
  @Test func icsToAFileAndToStdout() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let out = dir + "/plan.ics"
    let r = arshjul("export", "ics", examplePlanPath, "-o", out)
    #expect(r.status == 0 && r.stdout.isEmpty)
    let file = String(decoding: contents(out), as: UTF8.self)
    #expect(file.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(file.hasSuffix("END:VCALENDAR\r\n"))
    let s = arshjul("export", "ics", examplePlanPath, "--theme", "3", "--from", "2022-12-01", "--to", "2022-12-31")
    #expect(s.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)  // frukostträff 13 Dec, julfika
  }

  @Test func exportOfABrokenPlanFails() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/p.json"
    _ = FileManager.default.createFile(atPath: path, contents: Data("{".utf8))
    let r = arshjul("export", "ics", path, "-o", dir + "/x.ics")
    #expect(r.status == 2)
    #expect(r.stderr == "\(path):1:2: error: unexpected end of file inside an object\n")
    #expect(!FileManager.default.fileExists(atPath: dir + "/x.ics"))
  }
}
