import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

@Suite struct GridTests {
  @Test func swedishLettersTakeOneColumn() {
    var g = Grid(width: 10, height: 1)
    let end = g.text("åäö ÅÄÖ", x: 0, y: 0)
    #expect(end == 7)
    #expect(g.lines == ["åäö ÅÄÖ   "])
  }

  @Test func combiningMarksStayWithTheirLetter() {
    var g = Grid(width: 6, height: 1)
    g.text("a\u{030A}b", x: 0, y: 0)  // å written as a + ring
    #expect(g.lines == ["a\u{030A}b    "])
    #expect(g[0, 0].character == "a\u{030A}")
  }

  @Test func emojiAndCJKTakeTwoColumns() {
    var g = Grid(width: 8, height: 1)
    let end = g.text("🎉漢x", x: 0, y: 0)
    #expect(end == 5)
    #expect(g[1, 0].isContinuation && g[3, 0].isContinuation)
    #expect(g.lines == ["🎉漢x   "])
  }

  @Test func aWideCharacterThatDoesNotFitIsLeftOut() {
    var g = Grid(width: 3, height: 1)
    g.text("ab🎉", x: 0, y: 0)
    #expect(g.lines == ["ab "])
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var g = Grid(width: 4, height: 1)
    g.text("🎉🎉", x: 0, y: 0)
    g.text("x", x: 1, y: 0)
    #expect(g.lines == [" x🎉"])
  }

  @Test func controlCharactersNeverReachTheGrid() {
    var g = Grid(width: 8, height: 1)
    g.text("a\u{1B}[2J", x: 0, y: 0)
    #expect(g.lines == ["a\u{FFFD}[2J   "])
  }

  @Test func textIsCutWithAnEllipsis() {
    var g = Grid(width: 10, height: 1)
    g.text("Frukostträff i Nyköping", x: 0, y: 0, width: 8)
    #expect(g.lines == ["Frukost…  "])
    #expect(fit("kort", 8) == "kort")
  }
}
