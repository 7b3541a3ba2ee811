import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

/// Several plans opened as one (issue 29): the Gantt chart's widest zoom
/// runs across all their years.
@Suite struct ProjectZoomTests {
  func project() -> AppState {
    let p2022 = theExamplePlan()
    var p2023 = Rollover.roll(p2022, from: 2022, Rollover.Options(year: 2023, newID: "p2023")).plan
    p2023.activities.append(
      Activity(id: "kulturnatt", title: "Kulturnatt", theme: "motesplatser", start: Day(iso: "2023-09-16")!))
    let set = PlanSet([p2022, p2023], today: Day(iso: "2022-03-28")!)
    var s = AppState(plan: set.combined, fileName: "a + b", today: Day(iso: "2022-03-28")!, width: 120, height: 35)
    s.span = set.span
    return s
  }

  @Test func minusPastTheYearShowsEveryYearOfThePlansAndPlusComesBack() {
    var s = project()
    press(&s, .char("-"))
    #expect(s.zoom == .project)
    let layout = GanttLayout(s)
    #expect(layout.window == DayRange(from: Day(iso: "2022-01-01")!, to: Day(iso: "2023-12-31")!))
    let titles = layout.rows.compactMap { if case .activity(let i) = $0 { s.plan.activities[i].title } else { nil } }
    #expect(titles.contains("Kulturnatt") && titles.contains("Kulturting Sörmland"))
    let lines = Screen.render(s).lines
    #expect(lines[1].hasPrefix("2022–2023") && lines[1].contains("2023"))
    #expect(lines[0].contains("alla år"))
    press(&s, .char("+"))
    #expect(
      s.zoom == .year
        && !GanttLayout(s).rows.contains {
          if case .activity(let i) = $0 { s.plan.activities[i].title == "Kulturnatt" } else { false }
        })
  }

  @Test func oneAlonePlanStaysAtTheYear() {
    var s = exampleState(width: 120, height: 35)
    press(&s, .char("-"), .char("-"))
    #expect(s.zoom == .year)
  }
}
