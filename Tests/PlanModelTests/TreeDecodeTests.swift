import TestSupport
import Testing

@testable import PlanModel

/// A plan or an item made in memory (an edit, a merge, a calendar event's
/// item) is read from its tree by the file's rules (issue 25), without
/// being written out as text and parsed again: it must read as the file does.
@Suite struct TreeDecodeTests {
  @Test func theExamplePlanReadsFromItsTreeAsFromItsFile() throws {
    let plan = try examplePlan()
    let fromFile = try #require(FileDecoder.decode(written: plan.fileBytes()).plan)
    let fromTree = try #require(TreeDecoder.decode(tree: PlanEncoder.encode(plan)).plan)
    #expect(fromTree == fromFile)
    #expect(fromTree == plan)
  }

  @Test func eachItemReadsFromItsTreeAsItIs() throws {
    var plan = try examplePlan()
    // Fields this build does not know, one with a key that JSON escapes.
    plan.activities[0].extra = ["färg \"röd\"": .string("#c00"), "n": .int(3), "ok": .bool(true)]
    let themes = Set(plan.themes.map(\.id))
    for a in plan.activities {
      #expect(TreeDecoder.activity(tree: PlanEncoder.encode(a), themes: themes, strict: true) == a)
    }
    for m in plan.milestones {
      #expect(TreeDecoder.milestone(tree: PlanEncoder.encode(m), themes: themes, strict: true) == m)
    }
  }

  @Test func aTreesProblemsAreTheFilesWithoutAPlace() throws {
    var root = try #require(PlanEncoder.encode(try examplePlan()).members)
    guard case .array(var items)? = root["activities"]?.value else {
      Issue.record("the example has activities")
      return
    }
    var first = try #require(items[0].members)
    first["start"] = .string("2022-02-30")
    items[0] = PlanEncoder.object(first)
    items.append(items[1])
    root["activities"] = .array(items)
    let read = TreeDecoder.decode(tree: PlanEncoder.object(root))
    #expect(read.plan == nil)
    let messages = read.problems.map(\.message)
    #expect(messages.contains { $0.contains("\"2022-02-30\" is not a date") })
    #expect(messages.contains { $0.contains("is used twice") })
    // A line would point into text nobody sees.
    #expect(!messages.contains { $0.contains("line") })
    #expect(read.problems.allSatisfy { $0.position == .none })
  }

  @Test func aTreesTextIsHeldToTheFilesRules() throws {
    let themes: Set = ["stottande"]
    func activity(title: String) -> Activity? {
      TreeDecoder.activity(
        tree: .object([
          ("id", .string("x")), ("title", .string(title)), ("theme", .string("stottande")),
          ("start", .string("2022-03-01")),
        ]), themes: themes, strict: true)
    }
    #expect(
      activity(title: "Läsecirkel på Åsa bibliotek – öppen kväll")?.title == "Läsecirkel på Åsa bibliotek – öppen kväll"
    )
    // Control characters a file would have had to escape, and a noncharacter.
    for bad in ["a\u{07}b", "a\u{1B}[31mb", "a\u{85}b", "a\u{7F}b", "a\u{FFFF}b", "två\nrader"] {
      #expect(activity(title: bad) == nil, "\(bad.debugDescription)")
    }
  }

  @Test func aValueOfTheWrongKindIsNamedAsInAFile() throws {
    let themes: Set = ["stottande"]
    let tree = JSONNode.object([
      ("id", .string("x")), ("title", .int(5)), ("theme", .string("stottande")),
      ("start", .string("2022-03-01")), ("end", .string("2022-03-02")),
    ])
    #expect(TreeDecoder.activity(tree: tree, themes: themes, strict: true) == nil)
    var decoder = TreeDecoder(document: JSONTree(tree))
    _ = decoder.decodeActivity(decoder.document.root, themes: themes)
    // As data: what it concerns and why; worded once, in FileProblem.
    #expect(
      decoder.found.map(\.problem) == [
        FileProblem(what: "activity \"x\"", reason: .mustBe(.string, key: "title", found: .number))
      ])
    #expect(decoder.found.map(\.problem.message) == ["activity \"x\": \"title\" must be a string, found a number"])
  }
}
