import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

@Suite struct PlanLoadTests {
  func problems(_ text: String) -> PlanLoadError? { problems(Array(text.utf8)) }
  func problems(_ bytes: [UInt8]) -> PlanLoadError? {
    do {
      _ = try PlanFile.decode(bytes, file: "x.json")
      return nil
    } catch {
      return error
    }
  }

  @Test func examplePlanIsValidAndRich() throws {
    let plan = try examplePlan()
    #expect(plan.activities.count >= 25)
    #expect(plan.activities.contains { $0.repeatRule != nil })
    #expect(plan.activities.contains { $0.time != nil })
    #expect(Set(plan.activities.map(\.theme)) == Set(plan.themes.map(\.id)))
    #expect(plan.themes.map(\.name) == ["Stöttande strukturer", "Samverkan", "Mötesplatser"])
  }

  @Test func loadThenSaveIsByteIdentical() throws {
    let bytes = contents(examplePlanPath)
    let plan = try PlanFile.decode(bytes, file: "x")
    #expect(Array(plan.fileText().utf8) == bytes)
  }

  @Test func unknownFieldsSurviveASave() throws {
    let activity = """
      {"id": "a", "title": "A", "theme": "t", "start": "2022-01-01", "end": "2022-01-01", "status": "planned",
       "colourHint": {"x": [1.50, true, null]}, "repeat": {"every": "week", "futureField": "kept"}}
      """
    let plan = try PlanFile.decode(
      Array(minimalPlan(activity: activity, extraTop: "\n\"newTop\": 1e3,").utf8), file: "x")
    let text = plan.fileText()
    #expect(text.contains("\"colourHint\": {\n        \"x\": [\n          1.50,\n          true,\n          null"))
    #expect(text.contains("\"futureField\": \"kept\""))
    #expect(text.contains("\"newTop\": 1e3"))
    let again = try PlanFile.decode(Array(text.utf8), file: "x")
    #expect(again.fileText() == text)
  }

  @Test func emptyFile() {
    let e = problems("")
    #expect(e?.kind == .unreadable)
    #expect(e?.lines == ["x.json:1:1: error: the file is empty; expected a JSON object"])
  }

  @Test func binaryGarbageAndInvalidUTF8() {
    var garbage: [UInt8] = []
    var seed: UInt32 = 7
    for _ in 0..<4096 {
      seed = seed &* 1_103_515_245 &+ 12345
      garbage.append(UInt8(truncatingIfNeeded: seed >> 16))
    }
    #expect(problems(garbage)?.kind == .unreadable)
    let bad = problems(Array("{\n  \"title\": \"Fr".utf8) + [0xC3, 0x28] + Array("\"\n}".utf8))
    #expect(bad?.lines == ["x.json:2:15: error: the file is not UTF-8 text (byte 0xC3)"])
    // A big file is checked and parsed at once: bad UTF-8 is still what is
    // told, even after a syntax error, and even with garbage the parse meets.
    let padding = Array(repeating: UInt8(ascii: " "), count: 2 << 20)
    let big = Array("{\n  \"title\": ,\n".utf8) + padding + [0xFF, 0xFE] + Array("\n}".utf8)
    #expect(problems(big)?.lines == ["x.json:3:\(padding.count + 1): error: the file is not UTF-8 text (byte 0xFF)"])
    #expect(problems(padding + garbage)?.kind == .unreadable)
  }

  @Test func truncatedJSON() {
    let text = String(minimalPlan().prefix(120))
    let e = problems(text)
    #expect(e?.kind == .unreadable)
    #expect(e?.lines.count == 1)
    #expect(e?.lines.first?.contains("unexpected end of file") == true)
  }

  @Test func arrayAtTheTop() {
    #expect(
      problems("[1, 2]")?.lines == ["x.json:1:1: error: a plan must be a JSON object at the top level, found an array"])
  }

  @Test func wrongTypesAndMissingFields() {
    let e = problems(minimalPlan(activity: #"{"id": "a", "title": 5, "start": "2022-01-01"}"#))
    #expect(e?.kind == .invalid)
    let lines = e?.lines ?? []
    #expect(lines.contains { $0.hasSuffix("activity \"a\": \"title\" must be a string, found a number") })
    #expect(lines.contains { $0.hasSuffix("activity \"a\" has no \"theme\"") })
    #expect(lines.allSatisfy { $0.hasPrefix("x.json:2:") })
  }

  @Test(arguments: ["2022-13-01", "2022-02-29"])
  func impossibleDates(_ date: String) {
    let e = problems(minimalPlan(activity: #"{"id": "a", "title": "A", "theme": "t", "start": "\#(date)"}"#))
    #expect(
      e?.lines == [
        "x.json:2:67: error: activity \"a\": \"start\" \"\(date)\" is not a date; write YYYY-MM-DD of a day that exists"
      ])
  }

  @Test func datesFarOutsideAnyPlanAreRefused() {
    let e = problems(minimalPlan(activity: #"{"id": "a", "title": "A", "theme": "t", "start": "9999-12-31"}"#))
    #expect(
      e?.lines.first?.hasSuffix("\"start\" \"9999-12-31\" is outside the years a plan may use (1000–9000)") == true)
  }

  @Test func themeIdWithANewline() {
    let text = minimalPlan().replacingOccurrences(of: "\"id\": \"t\"", with: "\"id\": \"t\\nx\"")
    let e = problems(text)
    #expect(e?.lines.first == "x.json:11:13: error: a theme: id \"t\\nx\" may hold only \(Identifier.rule)")
  }

  @Test func titleWithTerminalEscapes() {
    let text = minimalPlan().replacingOccurrences(
      of: "\"title\": \"Plan\"", with: #""title": "\u001b]0;pwned\u0007Plan""#)
    let e = problems(text)
    #expect(e?.lines.count == 1)
    let line = e?.lines.first ?? ""
    #expect(line.contains("holds a control character (U+001B)"))
    #expect(!line.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test func semanticProblemsAllAtOnce() {
    let acts = """
      {"id": "a", "title": "A", "theme": "nope", "start": "2022-02-08", "end": "2022-02-01"},
      {"id": "a", "title": "B", "theme": "t", "start": "2022-02-08", "repeat": {"every": "month", "until": "2022-12-01", "count": 3}}
      """
    let text = minimalPlan(activity: acts).replacingOccurrences(of: "\"blue\"", with: "\"bleu\"")
    let lines = problems(text)?.lines ?? []
    #expect(lines.count == 5)
    #expect(lines.contains { $0.contains("end 2022-02-01 is before start 2022-02-08") })
    #expect(lines.contains { $0.contains("theme \"nope\" is not one of the plan's themes") })
    #expect(lines.contains { $0.contains("give \"until\" or \"count\", not both") })
    #expect(lines.contains { $0.contains("id \"a\" is used twice (first at line 2)") })
    #expect(lines.contains { $0.contains("color \"bleu\" must be one of") })
  }

  @Test func aPlanNeedsATheme() {
    let none = minimalPlan().replacingOccurrences(
      of:
        "\"themes\": [\n    {\n      \"color\": \"blue\",\n      \"id\": \"t\",\n      \"name\": \"Tema\"\n    }\n  ],",
      with: "\"themes\": [],")
    #expect(problems(none)?.lines == ["x.json:8:13: error: the plan has no themes; add at least one"])
  }

  @Test func unsupportedVersion() {
    let e = problems(minimalPlan().replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2"))
    #expect(
      e?.lines == ["x.json:17:14: error: plan format version 2 is newer than this arshjul reads (1); update arshjul"])
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let e = problems(String(repeating: "[", count: 100_000))
    #expect(e?.lines.first?.contains("nested deeper than") == true)
  }

  @Test func jsonPositionsCountCharactersNotBytes() {
    let e = problems("{\"åäö\": tru}")
    #expect(e?.lines == ["x.json:1:9: error: expected a JSON value, found 't'"])
  }

  @Test func theFileWriterAndTheTreeGiveTheSameBytes() throws {
    // Items are written straight from the model; the tree (merges, sync)
    // must say the same, unknown fields and every optional field included.
    var plan = try examplePlan()
    var a = plan.activities[0]
    a.extra = ["zeta": .string("z"), "alpha": .int(1)]
    a.time = ClockSpan(
      start: TimeOfDay(hour: 9, minute: 0)!, end: TimeOfDay(hour: 10, minute: 30)!, extra: ["tz": JSONNode(.null)])
    a.repeatRule = Repeat(every: .month, interval: 2, on: .weekday, end: .count(4), extra: ["x": .bool(true)])
    a.uid = "abc@example.org"
    a.source = "kalender.ics"
    a.holidayOK = true
    a.notes = "Rad ett\nrad \"två\"\t\\"
    plan.activities.append(a)
    var b = a
    b.id = "utan-okanda"
    b.extra = [:]
    b.time?.extra = [:]
    b.repeatRule?.extra = [:]
    plan.activities.append(b)
    var m = plan.milestones[0]
    m.deadline = true
    m.id = "ny-milstolpe"
    plan.milestones.append(m)
    m.id = "med-okant"
    m.extra = ["färg": .string("röd")]
    plan.milestones.append(m)
    #expect(plan.fileBytes() == JSONWriter.bytes(PlanEncoder.encode(plan)))
    #expect(String(decoding: plan.fileBytes(), as: UTF8.self).contains("\"alpha\": 1"))
    // The journal writes the plan the same way, one level in.
    let tree = JSONNode.object([
      ("format", .string(JournalFormat.format)), ("version", .int(1)), ("base", .string("abc")),
      ("plan", PlanEncoder.encode(plan)),
    ])
    let journal = JournalFormat.encode(plan, base: "abc")
    #expect(journal == JSONWriter.bytes(tree))
  }
}
