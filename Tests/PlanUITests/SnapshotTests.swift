import PlanKit
import Testing

@testable import PlanUI

/// The views of the example plan, frozen on 28 March 2022, as arrays of
/// strings (Snapshots/*.txt).
@Suite struct SnapshotTests {
  @Test func ganttAt80x24() {
    expectSnapshot(Screen.render(exampleState()), "gantt-80x24")
  }

  @Test func ganttAt160x48() {
    expectSnapshot(Screen.render(exampleState(width: 160, height: 48)), "gantt-160x48")
  }

  @Test func ganttQuarterAndMonthZoom() {
    var s = exampleState(width: 120, height: 35)
    press(&s, .char("+"))
    expectSnapshot(Screen.render(s), "gantt-quarter-120x35")
    press(&s, .char("+"), .down, .down)
    expectSnapshot(Screen.render(s), "gantt-month-120x35")
  }

  @Test func listAt80x24() {
    var s = exampleState()
    press(&s, .char("l"))
    expectSnapshot(Screen.render(s), "list-80x24")
  }

  @Test func listAt160x48() {
    var s = exampleState(width: 160, height: 48)
    press(&s, .char("l"))
    expectSnapshot(Screen.render(s), "list-160x48")
  }

  @Test func helpAndDetails() {
    var s = exampleState()
    press(&s, .char("?"))
    expectSnapshot(Screen.render(s), "help-80x24")
    press(&s, .escape, .char("l"), .down, .down, .down, .down, .enter)
    expectSnapshot(Screen.render(s), "details-80x24")
  }

  @Test func tooSmallAWindow() {
    expectSnapshot(Screen.render(exampleState(width: 40, height: 10)), "too-small-40x10")
  }

  @Test func themesInTheirColoursAndTheSelectionReversed() {
    var s = exampleState()
    press(&s, .down)
    let g = Screen.render(s)
    // The first lane's name in blue, bold; the selected row's label reversed.
    let lane = g.lines.firstIndex { $0.hasPrefix("1 Stöttande") }!
    #expect(g[0, lane].style.fg == .ansi(4) && g[0, lane].style.bold)
    #expect(g[2, lane + 1].style.reverse)
    #expect(!g[2, lane + 2].style.reverse)
    // Bars of Samverkan are green.
    let samverkan = g.lines.firstIndex { $0.hasPrefix("2 Samverkan") }
    if let row = samverkan, row + 1 < g.height - 2 {
      let barCell = (0..<g.width).map { g[$0, row + 1] }.first { "█┃▐▕".contains($0.character) }
      #expect(barCell?.style.fg == .ansi(2))
    }
  }
}
