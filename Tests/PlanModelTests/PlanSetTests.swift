import Testing

@testable import PlanFormats
@testable import PlanModel

/// Several plans opened as one (issue 29): a project's years, or two
/// projects of one year. Every edit made in the combined plan goes back to
/// the plan its item came from, under the item's own id.
@Suite struct PlanSetTests {
  let themes = [
    Theme(id: "t", name: "Tema", color: .named("blue")), Theme(id: "u", name: "Annat", color: .named("red")),
  ]

  func plan(_ year: Int, _ items: [(String, String)], title: String? = nil) -> Plan {
    Plan(
      id: "p\(year)", title: title ?? "Projektet \(year)", year: year, themes: themes,
      activities: items.map { Activity(id: $0.0, title: $0.0, theme: "t", start: Day(iso: $0.1)!) },
      milestones: [
        Milestone(id: "m", title: "Klart \(year)", date: Day(iso: "\(year)-12-01")!, theme: "u", done: false)
      ])
  }

  var years: [Plan] {
    [
      plan(2021, [("a", "2021-03-01"), ("b", "2021-05-01")]), plan(2022, [("a", "2022-03-07"), ("c", "2022-06-01")]),
      plan(2023, [("d", "2023-02-01")]),
    ]
  }

  @Test func aProjectsYearsAreOnePlanWithTheirThemesSharedAndEveryItem() throws {
    let set = PlanSet(years, today: Day(iso: "2022-04-01")!)
    let c = set.combined
    #expect(c.themes.map(\.id) == ["t", "u"])
    #expect(c.activities.map(\.id) == ["a", "b", "a-2", "c", "d"])
    #expect(c.milestones.map(\.id) == ["m", "m-2", "m-3"])
    #expect(c.year == 2022)
    #expect(try c.validated().count > 0)
    // Nothing edited: every plan comes back as it was.
    #expect(set.split(c) == years)
  }

  @Test func anEditGoesToThePlanOfItsItemUnderItsOwnId() {
    let set = PlanSet(years, today: Day(iso: "2022-04-01")!)
    var edited = set.combined
    let i = edited.activities.firstIndex { $0.id == "a-2" }!
    edited.activities[i].title = "Kulturting"
    edited.activities[i].start = Day(iso: "2023-01-10")!  // moved into next year: still 2022's item
    // 2021's "a", whose id 2022's shares, moved into 2022: still 2021's.
    let j = edited.activities.firstIndex { $0.id == "a" }!
    edited.activities[j].start = Day(iso: "2022-08-01")!
    let back = set.split(edited)
    #expect(back[2] == years[2])
    #expect(back[0].activities.map(\.id) == ["a", "b"] && back[0].activities[0].start == Day(iso: "2022-08-01")!)
    #expect(back[1].activities.map(\.id) == ["a", "c"])
    #expect(back[1].activities.first { $0.id == "a" }?.title == "Kulturting")
  }

  @Test func aNewItemGoesToThePlanWhoseYearHoldsItAndADeletedOneLeavesItsOwn() {
    let set = PlanSet(years, today: Day(iso: "2022-04-01")!)
    var edited = set.combined
    // Made in the UI with an id free in the combined plan but taken in 2023's.
    edited.activities.append(Activity(id: "d-2", title: "Nytt", theme: "t", start: Day(iso: "2023-05-01")!))
    // After the last year: the nearest plan takes it.
    edited.activities.append(Activity(id: "e", title: "Också nytt", theme: "u", start: Day(iso: "2024-05-01")!))
    edited.activities.removeAll { $0.id == "b" }
    let back = PlanSet(years, today: Day(iso: "2022-04-01")!).split(edited)
    #expect(back[0].activities.map(\.id) == ["a"])
    #expect(back[1] == years[1])
    #expect(back[2].activities.map(\.title) == ["d", "Nytt", "Också nytt"])
    #expect(Set(back[2].activities.map(\.id)).count == 3)
    #expect(back.allSatisfy { (try? $0.validated()) != nil })
  }

  @Test func twoProjectsOfOneYearKeepTheirThemesApart() {
    let other = plan(2022, [("x", "2022-02-02")], title: "Läsfrämjande")
    let set = PlanSet([years[1], other], today: Day(iso: "2022-04-01")!)
    #expect(set.combined.themes.map(\.name) == ["Tema", "Annat", "Läsfrämjande: Tema", "Läsfrämjande: Annat"])
    #expect(set.combined.activities.first { $0.title == "x" }?.theme == "t-2")
    #expect(set.split(set.combined) == [years[1], other])
  }

  @Test func plansThatCannotGoTogetherAreNamed() {
    var conflicted = years[0]
    conflicted.conflicts = [Conflict(kind: .plan, id: "", field: "title", base: nil, ours: nil, theirs: nil)]
    #expect(PlanSet.problem([conflicted, years[1]])?.contains("has merge conflicts") == true)
    var elsewhere = years[1]
    elsewhere.timeZone = "America/Chicago"
    #expect(PlanSet.problem([years[0], elsewhere])?.contains("America/Chicago") == true)
    #expect(PlanSet.problem(years) == nil)
  }
}
