import Foundation
import PlanModel
import Testing

/// The iCalendar conventions arshjul writes (the milestone mark, "Milstolpe
/// (klar)", the owner's line in DESCRIPTION) are read back whatever the
/// plan's language is now (issue 25: they were spelled per language in the
/// writer and again in the importer, so a plan that changed language lost
/// "done" and its owners on re-import).
@Suite struct ImportConventionsTests {
  @Test(arguments: [("sv", "en"), ("en", "sv")])
  func aPlanThatChangedLanguageKeepsDoneAndOwners(_ from: String, _ to: String) throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let plan = dir + "/p.json"
    #expect(arshjul("new", plan, "--title", "T", "--year", "2022", "--language", from).status == 0)
    #expect(
      arshjul("add", plan, "--milestone", "--title", "Förslag klara", "--theme", "1", "--start", "2022-06-30", "--done")
        .status == 0)
    #expect(
      arshjul(
        "add", plan, "--title", "Samråd", "--theme", "1", "--start", "2022-05-03", "--owner", "Åsa", "--notes",
        "Om lokalen"
      )
      .status == 0)
    #expect(arshjul("export", "ics", plan, "-o", dir + "/p.ics").status == 0)
    // The plan changes language, and the calendar comes back in.
    var text = String(decoding: contents(plan), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"language\": \"\(from)\"", with: "\"language\": \"\(to)\"")
    _ = FileManager.default.createFile(atPath: plan, contents: Data(text.utf8))
    let r = arshjul("import", plan, dir + "/p.ics")
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let after = try PlanFile.load(plan).plan
    #expect(after.milestones.first?.done == true)
    #expect(after.activities.first?.owner == "Åsa" && after.activities.first?.notes == "Om lokalen")
    #expect(r.stdout.hasPrefix("0 new, 0 changed"))
  }
}
