import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

/// The Swedish calendar on screen (issue 17).
@Suite struct CalendarUITests {
  @Test func theStatusLineWarnsAboutTheSelectedActivity() {
    let rolled = Rollover.roll(theExamplePlan(), from: 2022, Rollover.Options(year: 2023, newID: "x")).plan
    var s = AppState(plan: rolled, fileName: "p.json", today: Day(iso: "2023-04-10")!, width: 120, height: 35)
    s.focusID = "projektledaravstamning"
    #expect(
      Screen.describeFocus(s).hasPrefix(
        "⚠ \"Avstämning projektledare\" infaller på en helgdag: första maj 1 maj 2023"))
    s.focusID = "kulturting"
    #expect(!Screen.describeFocus(s).contains("⚠"))
  }

  @Test func theStatusLineNamesHolidaysKlamdagarAndBreaks() {
    var plan = theExamplePlan()
    plan.breaks = [Break(name: "Sportlov v. 8", start: Day(iso: "2022-02-21")!, end: Day(iso: "2022-02-25")!)]
    for (day, name) in [("2022-05-27", "klämdag"), ("2022-02-22", "Sportlov v. 8"), ("2022-12-24", "Julafton")] {
      var s = AppState(plan: plan, fileName: "p.json", today: Day(iso: day)!, width: 120, height: 35)
      s.focusID = nil
      s.focusTheme = nil
      #expect(Screen.describeFocus(s).contains(name), "\(day)")
    }
  }
}
