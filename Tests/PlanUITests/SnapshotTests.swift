import PlanFormats
import PlanModel
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
    expectSnapshot(Screen.render(s), "form-80x24")
  }

  @Test func tooSmallAWindow() {
    expectSnapshot(Screen.render(exampleState(width: 40, height: 10)), "too-small-40x10")
  }

  @Test func themesInTheirColoursAndTheSelectionReversed() throws {
    var s = exampleState()
    press(&s, .down)
    let g = Screen.render(s)
    // The first lane's name in blue, bold; the selected row's label reversed.
    let lane = g.lines.firstIndex { $0.hasPrefix("1 Stöttande") }!
    #expect(g[0, lane].style.fg == .ansi(4) && g[0, lane].style.bold)
    #expect(g[2, lane + 1].style.reverse)
    #expect(!g[2, lane + 2].style.reverse)
    // Bars of Samverkan are green.
    let row = try #require(g.lines.firstIndex { $0.hasPrefix("2 Samverkan") })
    try #require(row + 1 < g.height - 2)
    let barCell = (0..<g.width).map { g[$0, row + 1] }.first { "█┃▐▕".contains($0.character) }
    #expect(barCell?.style.fg == .ansi(2))
  }
}

@Suite struct WheelSnapshotTests {
  @Test func wheelAt80x24() {
    var s = exampleState()
    press(&s, .char("w"))
    expectSnapshot(Screen.render(s), "wheel-80x24")
  }

  @Test func wheelAt160x48() {
    var s = exampleState(width: 160, height: 48)
    press(&s, .char("w"))
    expectSnapshot(Screen.render(s), "wheel-160x48")
  }

  @Test func wheelInPlainCharacters() {
    var s = exampleState(width: 100, height: 30)
    press(&s, .char("b"))
    #expect(s.view == .wheel && s.asciiWheel)
    let g = Screen.render(s)
    expectSnapshot(g, "wheel-ascii-100x30")
    #expect(!g.lines.joined().unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
  }

  @Test func theWheelIsRoundAndFillsTheWindow() {
    for (w, h) in [(80, 24), (120, 35), (160, 48), (250, 70)] {
      var s = exampleState(width: w, height: h)
      press(&s, .char("w"))
      let g = Screen.render(s)
      // Rows and columns that hold braille: the wheel's extent.
      var rows = Set<Int>()
      var cols = Set<Int>()
      for y in 0..<g.height {
        for x in 0..<g.width where (0x2800...0x28FF).contains(g[x, y].character.unicodeScalars.first!.value) {
          rows.insert(y)
          cols.insert(x)
        }
      }
      let height = rows.max()! - rows.min()! + 1
      let width = cols.max()! - cols.min()! + 1
      // A cell is about twice as tall as wide: a round wheel is twice as many columns as rows.
      #expect(abs(Double(width) / Double(height) - 2) < 0.2, "\(w)x\(h): \(width)x\(height)")
      #expect(height >= h - 6, "\(w)x\(h): uses the height")
    }
  }
}

@Suite struct HelpFitsTests {
  @Test(arguments: [(60, 16), (80, 24), (100, 30), (160, 48)])
  func everyKeyIsOnTheScreen(_ w: Int, _ h: Int) {
    var s = exampleState(width: w, height: h)
    press(&s, .char("?"))
    let text = Screen.render(s).lines.joined(separator: "\n")
    for (key, _) in KeyMap.helpLines(s.plan.language) { #expect(text.contains(key), "\(w)x\(h): \(key)") }
  }
}
