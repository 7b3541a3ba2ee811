import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// The second adversarial pass over the team surface (issue 24), the parts
/// that are pure functions of the model: CSV cells, markdown, the merge of a
/// removed theme, the roll-over of a rule at New Year.
@Suite struct TeamSurfaceTests {
  func plan(_ extra: String = "", activity: String = "") -> Plan {
    try! PlanFile.decode(Array(minimalPlan(activity: activity, extraTop: extra).utf8), file: "x")
  }

  // 2. A cell a spreadsheet would run as a formula gets a leading ', and the
  // import takes it off again.
  @Test(arguments: [
    "=HYPERLINK(\"http://x\",\"klicka\")", "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "'=already quoted",
    "\tTab first", "\rCR first",
  ])
  func aFormulaCellIsNeutralised(_ text: String) {
    let cell = CSVCell.written(text)
    #expect(cell == "'" + text)
    #expect(CSVCell.read(cell) == text)
  }

  @Test(arguments: ["Digital frukostträff", "2022-02-08", "08:30-09:30", "'quoted", "a=b", "", "'"])
  func anOrdinaryCellIsLeftAsItIs(_ text: String) {
    #expect(CSVCell.written(text) == text)
    #expect(CSVCell.read(text) == text)
  }

  @Test func theExportOfAFormulaTitleStartsWithTheQuoteInBothForms() {
    var p = plan(
      activity:
        #"{"id": "a", "title": "=HYPERLINK(\"http://x\",\"klicka\")", "theme": "t", "start": "2022-03-01", "end": "2022-03-01", "owner": "@anna", "notes": "-2+3"}"#
    )
    p.language = .sv
    for comma in [false, true] {
      let text = CSVWriter.write(p, CSVWriter.Options(comma: comma))
      let row = text.split(separator: "\r\n").dropFirst().first.map(String.init) ?? ""
      #expect(row.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\",\"\"klicka\"\")\""), "\(row)")
      #expect(row.contains("'@anna") && row.contains("'-2+3"), "\(row)")
    }
  }

  // 5. One escaping for every markdown writer: summary and diff alike.
  @Test func diffInMarkdownEscapesTitlesAsTheSummaryDoes() {
    let old = plan()
    let new = plan(
      activity:
        #"{"id": "a", "title": "[x](javascript:alert(1)) <img src=x onerror=alert(1)>", "theme": "t", "start": "2022-03-01", "end": "2022-03-01"}"#
    )
    let diff = PlanDiff(old: old, new: new).render(title: "T", language: .sv, format: .markdown)
    #expect(!diff.contains("[x](") && !diff.contains(" <img"), "\(diff)")
    #expect(diff.contains(markdownEscaped("[x](javascript:alert(1)) <img src=x onerror=alert(1)>")))
    let summary = Summary.render(
      new,
      SummaryOptions(
        range: new.yearRange(2022), format: .markdown, language: .sv, today: Day(iso: "2022-01-01")!))
    #expect(summary.contains(markdownEscaped("[x](javascript:alert(1)) <img src=x onerror=alert(1)>")))
  }

  // 6. A theme removed here while there an activity was added to it.
  func withoutSamverkan(_ p: Plan) -> Plan {
    var p = p
    p.themes.removeAll { $0.id == "samverkan" }
    p.activities.removeAll { $0.theme == "samverkan" }
    p.milestones.removeAll { $0.theme == "samverkan" }
    return p
  }

  func withNewActivityInSamverkan(_ p: Plan, id: String, title: String) -> Plan {
    var p = p
    var added = p.activities[0]
    added.id = id
    added.title = title
    added.theme = "samverkan"
    added.repeatRule = nil
    p.activities.append(added)
    return p
  }

  func themeRemovedAgainstNewActivity() throws -> (merged: PlanMerge.Result, base: Plan) {
    let b = try examplePlan()
    let t = withNewActivityInSamverkan(b, id: "ny-samverkan", title: "Ny samverkan")
    return (PlanMerge.merge(base: b, ours: withoutSamverkan(b), theirs: t, theirLabel: "origin/main"), b)
  }

  @Test func aThemeRemovedAgainstANewActivityInItIsOneConflictAboutTheTheme() throws {
    let (r, _) = try themeRemovedAgainstNewActivity()
    // Nothing lost: the theme stays while the question is open, with the new activity in it.
    #expect(r.plan.themes.contains { $0.id == "samverkan" })
    #expect(r.plan.activities.contains { $0.id == "ny-samverkan" && $0.theme == "samverkan" })
    #expect(r.conflicts.count == 1)
    let c = try #require(r.conflicts.first)
    #expect(c.kind == .theme && c.id == "samverkan" && c.field == nil)
    let en = ConflictWording(r.plan, language: .en).line(c)
    #expect(en == "Samverkan (theme): ours removed it – origin/main added \"Ny samverkan\" to it", "\(en)")
    let sv = ConflictWording(r.plan, language: .sv).line(c)
    #expect(sv == "Samverkan (tema): vår tog bort det – origin/main lade till \"Ny samverkan\" i det", "\(sv)")
    #expect(r.plan.problems.isEmpty)
  }

  @Test func keepTheThemeOrMoveTheActivity() throws {
    let (r, _) = try themeRemovedAgainstNewActivity()
    // Theirs: the theme stays, with the activity.
    let kept = try r.plan.resolving(0, take: .theirs)
    #expect(kept.conflicts.isEmpty && kept.themes.contains { $0.id == "samverkan" })
    // Ours while the activity is still in it: told to move it first.
    #expect {
      _ = try r.plan.resolving(0, take: .ours)
    } throws: { error in
      "\(error)".contains("Ny samverkan")
    }
    // Moved to another theme, ours removes the theme.
    var moved = r.plan
    let i = moved.activities.firstIndex { $0.id == "ny-samverkan" }!
    moved.activities[i].theme = "motesplatser"
    let removed = try moved.resolving(0, take: .ours)
    #expect(removed.conflicts.isEmpty && !removed.themes.contains { $0.id == "samverkan" })
    #expect(removed.activities.contains { $0.id == "ny-samverkan" })
  }

  @Test func theMirrorCaseKeepsTheThemeForOurNewActivity() throws {
    let b = try examplePlan()
    let o = withNewActivityInSamverkan(b, id: "var-nya", title: "Vår nya")
    let r = PlanMerge.merge(base: b, ours: o, theirs: withoutSamverkan(b))
    #expect(r.conflicts.count == 1 && r.conflicts[0].kind == .theme && r.conflicts[0].ours != nil)
    #expect(r.plan.activities.contains { $0.id == "var-nya" })
    let line = ConflictWording(r.plan, language: .en).line(r.conflicts[0])
    #expect(line == "Samverkan (theme): ours added \"Vår nya\" to it – theirs removed it", "\(line)")
  }

  // 10. A rolled rule starts on its first occurrence inside the new year.
  @Test func aWeeklyRepeatFromNewYearsDayStaysInTheNewYear() throws {
    let p = plan(
      #""year": 2024,"#,
      activity:
        #"{"id": "m", "title": "Måndagsmöte", "theme": "t", "start": "2024-01-01", "end": "2024-01-01", "repeat": {"every": "week", "until": "2024-12-30"}}, {"id": "o", "title": "Nyårsmöte", "theme": "t", "start": "2024-01-01", "end": "2024-01-01"}, {"id": "s", "title": "Mellandagar", "theme": "t", "start": "2023-12-30", "end": "2024-01-03"}"#
    )
    let r = Rollover.roll(p, from: 2024, Rollover.Options(year: 2025, newID: "x"))
    let range = r.plan.yearRange(2025)
    for a in r.plan.activities where a.id != "s" {
      #expect(range.contains(a.start), "\(a.id) \(a.start.iso)")
    }
    let weekly = try #require(r.plan.activities.first { $0.id == "m" })
    #expect(weekly.start.iso == "2025-01-06" && weekly.start.weekday == 1)
    var occurrencesIn2024 = 0
    weekly.forEachOccurrence(in: p.yearRange(2024)) { _ in occurrencesIn2024 += 1 }
    #expect(occurrencesIn2024 == 0)
    // 12. A span across New Year is said once, with each year where it belongs.
    let line = try #require(r.lines.first { $0.hasPrefix("Mellandagar:") })
    #expect(!line.contains("2025 2024") && !line.contains("2024 2023"), "\(line)")
  }
}
