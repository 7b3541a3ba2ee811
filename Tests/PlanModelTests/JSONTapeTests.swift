import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// The parser writes a flat tape and the decoder reads keys and text from
/// its bytes (issue 13): escapes, duplicate keys and the byte-level text
/// checks must mean what they meant on the tree.
@Suite struct JSONTapeTests {
  func tree(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)).value }

  func syntaxError(_ text: String) -> String? {
    do {
      _ = try JSONParser.tape(Array(text.utf8))
      return nil
    } catch {
      return "\(error.position.line):\(error.position.column): \(error.message)"
    }
  }

  @Test func aLongArraysElementsAreTheOnesAWalkFinds() throws {
    // Long arrays have their element starts noted while parsing; short ones
    // are walked. Both must give the same elements, nested or not.
    let values = ["1", "\"a\"", "{\"k\": [1, {\"x\": []}]}", "[[], [2, 3]]", "null", "{}"]
    for n in [0, 1, 255, 256, 257, 1000] {
      let list = (0..<n).map { values[$0 % values.count] }.joined(separator: ", ")
      let tape = try JSONParser.tape(Array("{\"a\": [\(list)], \"b\": [[\(list)]]}".utf8))
      for array in [tape.member(tape.root, "a")!.value, tape.elements(tape.member(tape.root, "b")!.value)[0]] {
        var walked: [Int] = []
        var at = array + 1
        while at < tape.next(array) {
          walked.append(at)
          at = tape.next(at)
        }
        #expect(tape.elements(array) == walked)
        #expect(walked.count == n)
        #expect(tape.count(array) == n)
      }
    }
  }

  @Test func anObjectCountsItsMembersAndAKeysCodeIsItsTextsCode() throws {
    // Counts and key codes are worked out from the tape, not stored in it.
    let tape = try JSONParser.tape(Array(#"{"a": {}, "t\u0069tle": [1, [2, 3], {"x": 1}], "c": {"d": {"e": 1}}}"#.utf8))
    #expect(tape.count(tape.root) == 3)
    let list = tape.member(tape.root, "title")!.value
    #expect(tape.count(list) == 3)
    #expect(tape.count(tape.member(tape.root, "a")!.value) == 0)
    #expect(tape.count(tape.member(tape.root, "c")!.value) == 1)
    #expect(tape.keyCode(list - 1) == JSONTape.keyCode("title"))
    #expect(tape.keyCode(tape.root + 1) == JSONTape.keyCode("a"))
  }

  @Test func everyEscapeDecodes() throws {
    guard case .array(let items) = try tree(#"["a\"b\\c\/d\b\f\n\r\t\u00e5\ud83d\ude00", "plain å"]"#) else {
      Issue.record("not an array")
      return
    }
    #expect(items.map(\.value) == [.string("a\"b\\c/d\u{8}\u{C}\n\r\t\u{E5}\u{1F600}"), .string("plain å")])
  }

  @Test func aKeyWrittenTwiceIsFoundEvenWhenEscaped() {
    #expect(syntaxError(#"{"title": 1, "ti\u0074le": 2}"#) == #"1:14: key "title" appears twice in this object"#)
    // Past 32 keys a set takes over; the place is still the second key's.
    let keys = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
    let text = "{" + keys + #", "k35": 0}"#
    let column = text.range(of: #""k35": 0}"#)!.lowerBound.utf16Offset(in: text) + 1
    #expect(syntaxError(text) == "1:\(column): key \"k35\" appears twice in this object")
    #expect(syntaxError("{" + keys + "}") == nil)
  }

  @Test func numbersKeepTheirTextAndNodesTheirPlaces() throws {
    let node = try JSONParser.parse(Array("{\n  \"a\": [1.50, -0, 2e3],\n  \"b\": null\n}\n".utf8))
    guard case .object(let members) = node.value, case .array(let items) = members[0].node.value else {
      Issue.record("not an object with an array")
      return
    }
    #expect(items.map(\.value) == [.number("1.50"), .number("-0"), .number("2e3")])
    #expect(
      items.map(\.position) == [
        SourcePosition(line: 2, column: 9), .init(line: 2, column: 15), .init(line: 2, column: 19),
      ])
    #expect(members[1].node.position == SourcePosition(line: 3, column: 8))
  }

  @Test func anEscapedKeyIsTheKeyItSpells() throws {
    let plan = minimalPlan(
      activity: #"{"id": "a", "ti\u0074le": "Fika", "theme": "t", "start": "2022-05-05", "end": "2022-05-05"}"#)
    let decoded = try PlanFile.decode(Array(plan.utf8), file: "x.json")
    #expect(decoded.activities.first?.title == "Fika")
    #expect(decoded.activities.first?.extra.isEmpty == true)
  }

  @Test func manyUnknownFieldsAreKeptAndTheKnownOnesStillRead() throws {
    let unknown = (0..<70).map { "\"x\($0)\": \($0)" }.joined(separator: ", ")
    let plan = minimalPlan(
      activity: "{" + unknown
        + #", "id": "a", "title": "Fika", "theme": "t", "start": "2022-05-05", "end": "2022-05-06"}"#)
    let a = try #require(try PlanFile.decode(Array(plan.utf8), file: "x.json").activities.first)
    #expect(a.title == "Fika" && a.end == Day(iso: "2022-05-06"))
    #expect(a.extra.count == 70)
    #expect(a.extra["x69"]?.value == .number("69"))
  }

  @Test func textIsJudgedByItsCharactersNotItsBytes() {
    let activity = { (title: String) in
      #"{"id": "a", "title": "\#(title)", "theme": "t", "start": "2022-05-05", "end": "2022-05-05"}"#
    }
    // Swedish letters, dashes and emoji are text.
    #expect(problemLines(minimalPlan(activity: activity("Årsmöte – återblick 🎉 ÄÖ"))) == [])
    // A raw C1 control (U+0085, bytes C2 85) and DEL are refused like escaped ones.
    for bad in ["\u{85}", "\u{7F}", "\\u0085"] {
      let found = problemLines(minimalPlan(activity: activity("Fika" + bad)))
      #expect(found.count == 1 && found[0].contains("holds a control character"), "\(found)")
    }
    // C2 A0 (no-break space) is not a control.
    #expect(problemLines(minimalPlan(activity: activity("Fika\u{A0}kl"))) == [])
  }

  @Test func aDateWithAnEscapeIsStillADate() throws {
    let plan = minimalPlan(
      activity: #"{"id": "a", "title": "Fika", "theme": "t", "start": "2022\u002d05-05", "end": "2022-05-05"}"#)
    #expect(try PlanFile.decode(Array(plan.utf8), file: "x.json").activities.first?.start == Day(iso: "2022-05-05"))
  }

  @Test func linesAndColumnsAreCountedAsAnEditorDoes() {
    // Against a byte-by-byte count, over text with newlines, Swedish letters,
    // emoji and long lines (the count skips eight bytes at a time).
    var generator = SystemRandomNumberGenerator()
    let pieces = ["a", "ö", "\n", "🎉", "–", "abcdefghijklmnop", "\n\n", " "]
    for _ in 0..<20 {
      let text = (0..<300).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let bytes = Array(text.utf8)
      var expected: [SourcePosition] = []
      var line = 1
      var column = 1
      for b in bytes {
        expected.append(SourcePosition(line: line, column: column))
        if b == 0x0A {
          line += 1
          column = 1
        } else if b & 0xC0 != 0x80 {
          column += 1
        }
      }
      var locator = SourceLocator(bytes)
      #expect((0..<bytes.count).map { locator.position(of: $0) } == expected)
      for offset in (0..<50).map({ _ in Int.random(in: 0..<bytes.count, using: &generator) }) {
        #expect(locator.position(of: offset) == expected[offset])
      }
    }
  }

  @Test func everyRepeatedIdNamesTheLineOfItsFirst() {
    // The lines a message names are found in the same one pass over the
    // file as the problems' own places (a file of 10,000 repeated ids took
    // 9 s when each was counted from the start).
    let one = { (i: Int) in
      #"{"id": "a\#(i)", "title": "T", "theme": "t", "start": "2022-05-05", "end": "2022-05-05"}"#
    }
    let items = (0..<300).map(one) + (0..<300).map(one)
    let text = minimalPlan(activity: "\n" + items.joined(separator: ",\n") + "\n")
    let lines = problemLines(text)
    let firstLine =
      text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.hasPrefix(#"{"id": "a0""#)
      }! + 1
    #expect(lines.count == 300)
    #expect(lines.first == "x.json:\(firstLine + 300):1: error: id \"a0\" is used twice (first at line \(firstLine))")
    #expect(
      lines.last == "x.json:\(firstLine + 599):1: error: id \"a299\" is used twice (first at line \(firstLine + 299))")
  }
}
