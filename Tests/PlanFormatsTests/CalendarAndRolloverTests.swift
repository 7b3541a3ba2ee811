import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// The Swedish calendar around a plan, warnings and roll-over (issue 17).
@Suite struct CalendarAndRolloverTests {
  func plan(_ extra: String = "", activity: String = "", startMonth: Int = 1) -> Plan {
    let text = minimalPlan(activity: activity, extraTop: extra).replacingOccurrences(
      of: "\"startMonth\": 1", with: "\"startMonth\": \(startMonth)")
    return try! PlanFile.decode(Array(text.utf8), file: "x")
  }

  @Test func klamdagarForThreeYearsByHand() {
    let cal = PlanCalendar(plan())
    // 2022: Friday after Ascension (26 May); 2023: Friday 19 May and Monday 5 June (before national day, Tuesday);
    // 2024: Friday 10 May. Not a klämdag: an ordinary Friday, a holiday itself, a weekend.
    for d in ["2022-05-27", "2023-05-19", "2023-06-05", "2024-05-10"] {
      #expect(cal.isSqueeze(Day(iso: d)!), "\(d)")
    }
    for d in ["2022-05-20", "2022-05-26", "2022-05-28", "2023-06-06", "2024-05-09"] {
      #expect(!cal.isSqueeze(Day(iso: d)!), "\(d)")
    }
  }

  @Test func eveAndHolidayAndBreakMarks() {
    let p = plan(#""breaks": [{"name": "Sportlov v. 8", "start": "2023-02-20", "end": "2023-02-24"}],"#)
    let cal = PlanCalendar(p)
    #expect(cal.marks(Day(iso: "2023-06-23")!) == [PlanCalendar.Mark(kind: .eve, name: "Midsommarafton")])
    #expect(cal.marks(Day(iso: "2023-06-24")!).first?.kind == .holiday)
    #expect(cal.marks(Day(iso: "2023-02-22")!) == [PlanCalendar.Mark(kind: .breakDay, name: "Sportlov v. 8")])
    let none = PlanCalendar(plan(#""holidays": "none","#))
    #expect(none.marks(Day(iso: "2023-06-24")!).isEmpty)
  }

  @Test func badBreaksAndCalendarsAreErrorsWithTheirPlace() {
    #expect(
      problemLines(
        minimalPlan(extraTop: #""breaks": [{"name": "Påsklov", "start": "2023-04-14", "end": "2023-04-10"}],"#))
        == ["x.json:16:80: error: break \"Påsklov\": end 2023-04-10 is before start 2023-04-14"])
    #expect(
      problemLines(
        minimalPlan(
          extraTop:
            #""breaks": [{"name": "A", "start": "2023-04-10", "end": "2023-04-14"}, {"name": "B", "start": "2023-04-12", "end": "2023-04-20"}],"#
        )) == ["x.json:16:89: error: break \"B\" overlaps break \"A\""])
    #expect(
      problemLines(minimalPlan(extraTop: #""holidays": "de","#)) == [
        "x.json:16:31: error: \"holidays\" \"de\" must be \"se\" (Swedish public holidays) or \"none\""
      ])
  }

  @Test func warningsInWords() {
    let acts = [
      #"{"id": "check-in", "title": "Måndagsavstämning", "theme": "t", "start": "2023-04-03", "end": "2023-04-03", "time": {"start": "09:00", "end": "10:00"}, "owner": "Elin Selig", "repeat": {"every": "week", "count": 3}}"#,
      #"{"id": "mote", "title": "Budgetmöte", "theme": "t", "start": "2023-04-03", "end": "2023-04-03", "time": {"start": "09:30", "end": "11:00"}, "owner": "Marie och Elin Selig"}"#,
      #"{"id": "lov", "title": "Läsecirkel", "theme": "t", "start": "2023-02-21", "end": "2023-02-21"}"#,
      #"{"id": "fest", "title": "Nationaldagsfirande", "theme": "t", "start": "2023-06-06", "end": "2023-06-06", "holidayOK": true}"#,
      #"{"id": "lang", "title": "Ansökan", "theme": "t", "start": "2023-03-01", "end": "2023-03-20"}"#,
    ].joined(separator: ", ")
    let p = try! PlanFile.decode(
      Array(
        minimalPlan(
          activity: acts,
          extraTop: #""breaks": [{"name": "Sportlov v. 8", "start": "2023-02-20", "end": "2023-02-24"}], "year": 2023,"#
        ).replacingOccurrences(
          of: "\"milestones\": []",
          with:
            #""milestones": [{"id": "dl", "title": "Ansökan in", "date": "2023-03-15", "theme": "t", "deadline": true}]"#
        ).utf8), file: "x")
    let messages = PlanWarnings.find(p, in: p.yearRange(2023)).map(\.message)
    #expect(
      messages == [
        "\"Måndagsavstämning\" infaller på en helgdag: annandag påsk 10 apr 2023 (\"holidayOK\": true om det är meningen)",
        "\"Läsecirkel\" infaller under ett uppehåll: Sportlov v. 8 (21 feb)",
        "Elin Selig är dubbelbokad: \"Måndagsavstämning\" och \"Budgetmöte\" samtidigt 3 apr 2023",
        "\"Ansökan\" (1–20 mars) pågår efter deadline \"Ansökan in\" 15 mars 2023",
      ])
    // One item's warnings include those about it that another item carries,
    // found by id (the double booking is told once, on one of the two).
    let range = p.yearRange(2023)
    #expect(
      PlanWarnings.find(for: ["check-in"], in: p, range: range).map(\.message).contains(
        "Elin Selig är dubbelbokad: \"Måndagsavstämning\" och \"Budgetmöte\" samtidigt 3 apr 2023"))
    #expect(
      PlanWarnings.find(for: ["mote"], in: p, range: range).map(\.message).contains(
        "Elin Selig är dubbelbokad: \"Måndagsavstämning\" och \"Budgetmöte\" samtidigt 3 apr 2023"))
    #expect(PlanWarnings.find(for: ["lov"], in: p, range: range).count == 1)
  }

  @Test func theExamplePlanRolledInto2023() throws {
    let old = try examplePlan()
    let r = Rollover.roll(old, from: 2022, Rollover.Options(year: 2023, newID: "ny-plan"))
    let a = { (id: String) in r.plan.activities.first { $0.id == id }! }
    // 2nd Tuesday stays 2nd Tuesday; its July break moves with it.
    #expect(a("frukosttraff").start.iso == "2023-02-14")
    #expect(a("frukosttraff").repeatRule?.except.map(\.iso) == ["2023-07-11"])
    // Last Friday stays last Friday.
    #expect(a("nyhetsbrev").start.iso == "2023-01-27")
    #expect(a("nyhetsbrev").start.weekday == 5)
    // Weekly Monday stays Monday; until moves a year.
    #expect(a("projektledaravstamning").start.iso == "2023-01-09")
    if case .until(let u)? = a("projektledaravstamning").repeatRule?.end { #expect(u.iso == "2023-12-19") }
    // Every 3rd month keeps its months.
    #expect(a("styrgruppsmote").start.iso == "2023-02-15")
    // One-offs: same ISO week and weekday; spans keep their length.
    #expect(a("kulturting").start.iso == "2023-10-19")
    #expect(a("hostkonferens").end - a("hostkonferens").start == 1)
    // Cancelled one-offs are left behind, milestones carried not done.
    #expect(!r.plan.activities.contains { $0.id == "sommartraff-trosa" })
    #expect(r.plan.milestones.allSatisfy { !$0.done })
    #expect(r.plan.id == "ny-plan" && r.plan.title == "Sörmländska kulturtillgångar 2023" && r.plan.year == 2023)
    #expect(r.plan.problems.isEmpty)
    #expect(
      r.lines.contains("på en helgdag: Avstämning projektledare: första maj 1 maj 2023"))
    // How many land on a holiday is data, in either language.
    #expect(r.onHolidays == r.lines.filter { $0.hasPrefix("på en helgdag: ") }.count && r.onHolidays > 1)
    var english = old
    english.language = .en
    #expect(Rollover.roll(english, from: 2022, Rollover.Options(year: 2023, newID: "x")).onHolidays == r.onHolidays)
    // A skipped holiday stays skipped (annandag påsk moves with Easter); one
    // that no longer falls on a Monday is dropped and told.
    #expect(a("projektledaravstamning").repeatRule?.except.first?.iso == "2023-04-10")
    #expect(
      r.lines.contains("utom-datum släppt, inget tillfälle då: Avstämning projektledare 6 juni 2022 → 6 juni 2023"))
    #expect(r.lines.contains("lämnas kvar (inställd): Sommarträff i Trosa"))
  }

  @Test func aSchoolYearPlanRollsItsAugustToJuneYear() throws {
    let p = plan(
      #""year": 2022,"#,
      activity:
        #"{"id": "lasstart", "title": "Läsårsstart", "theme": "t", "start": "2022-08-22", "end": "2022-08-22"}, {"id": "var", "title": "Vårmöte", "theme": "t", "start": "2023-03-14", "end": "2023-03-14", "repeat": {"every": "month", "on": "weekday", "until": "2023-06-13"}}"#,
      startMonth: 8
    )
    let r = Rollover.roll(p, from: 2022, Rollover.Options(year: 2023, newID: "x"))
    #expect(p.startMonth == 8)
    #expect(r.plan.activities[0].start.iso == "2023-08-21")  // Monday of ISO week 34
    #expect(r.plan.activities[1].start.iso == "2024-03-12")  // 2nd Tuesday of March
    #expect(r.plan.yearRange(2023).from.iso == "2023-08-01")
  }
}

@Suite struct WarningScaleTests {
  /// 300 meetings of one person at the same hour: one warning each, not one
  /// per pair (which made `check` of a 20,000-activity plan take a minute
  /// and 2 GB).
  @Test func doubleBookingsAreToldOncePerActivity() throws {
    let acts = (0..<300).map {
      #"{"id": "m\#($0)", "title": "Möte \#($0)", "theme": "t", "start": "2023-03-01", "end": "2023-03-01", "time": {"start": "09:00", "end": "10:00"}, "owner": "Elin"}"#
    }.joined(separator: ", ")
    let plan = try PlanFile.decode(Array(minimalPlan(activity: acts, extraTop: #""year": 2023,"#).utf8), file: "x")
    let warnings = PlanWarnings.find(plan, in: plan.yearRange(2023))
    #expect(warnings.count == 299)
    #expect(warnings.first?.message == "Elin är dubbelbokad: \"Möte 0\" och \"Möte 1\" samtidigt 1 mars 2023")
  }
}

@Suite struct RolloverGoldenTests {
  /// The whole rolled plan and what it tells, against reviewed files
  /// (Golden/rolled-2023.json and .txt); ARSHJUL_UPDATE_SNAPSHOTS=1 rewrites them.
  @Test func theExamplePlanRolledInto2023AsAWhole() throws {
    let r = Rollover.roll(try examplePlan(), from: 2022, Rollover.Options(year: 2023, newID: "ny-plan-2023"))
    let golden = packageRoot.appendingPathComponent("Tests/PlanFormatsTests/Golden").path
    let plan = r.plan.fileText()
    let lines = r.lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["ARSHJUL_UPDATE_SNAPSHOTS"] == "1" {
      try plan.write(toFile: golden + "/rolled-2023.json", atomically: true, encoding: .utf8)
      try lines.write(toFile: golden + "/rolled-2023.txt", atomically: true, encoding: .utf8)
    }
    #expect(plan == (try String(contentsOfFile: golden + "/rolled-2023.json", encoding: .utf8)))
    #expect(lines == (try String(contentsOfFile: golden + "/rolled-2023.txt", encoding: .utf8)))
  }
}
