import Testing

@testable import PlanFormats
@testable import PlanModel

/// An item made in memory is checked by `Activity.problems(themes:)` and
/// `Milestone.problems(themes:)` (the importer, an edit's save) instead of
/// being written as JSON and read back. Both must say what the plan file's
/// decoder says, word for word: random items, good and broken, are checked
/// both ways.
@Suite struct ValueRulesTests {
  let themes = [
    Theme(id: "t", name: "Tema", color: .named("blue")), Theme(id: "u", name: "Annat", color: .named("red")),
  ]

  /// What the file's decoder says: the item in a plan of its own, written and read back.
  func fileSays(_ plan: Plan) -> [String] { plan.problems.map { $0.message }.sorted() }

  func rulesSay(_ found: [ItemProblem], _ kind: String, _ id: String) -> [String] {
    found.map { $0.message(kind, id: id) }.sorted()
  }

  static let goodTexts = ["Fika", "Kulturting i Sörmland", "\u{202E}bidi", "zero\u{200B}width", "a", "ÅÄÖ åäö"]
  static let badTexts = [
    "  ", "", "a\u{1}b", "rad\nrad", "tab\tbed", "Fika " + String(Unicode.Scalar(0xFDD0)!),
    String(Unicode.Scalar(0x1FFFE)!), "\u{85}", String(repeating: "å", count: TextLimits.line + 1),
    String(repeating: "a", count: TextLimits.line),
  ]
  static let days = [
    Day(year: 2022, month: 1, day: 31)!, Day(year: 2022, month: 3, day: 29)!, Day(year: 2022, month: 5, day: 27)!,
    Day(year: 2022, month: 10, day: 31)!, Day(year: 2021, month: 12, day: 1)!,
  ]
  static let farDays = [Day(year: 999, month: 12, day: 31)!, Day(year: 9001, month: 1, day: 1)!]

  func text(_ g: inout SplitMix, notes: Bool = false) -> String {
    guard g.chance(6) else { return g.pick(Self.goodTexts + (notes ? ["rad\nrad", "tab\tbed"] : [])) }
    return g.pick(Self.badTexts + (notes ? [String(repeating: "n", count: TextLimits.notes + 1)] : []))
  }

  func randomActivity(_ g: inout SplitMix) -> Activity {
    let start = g.chance(30) ? g.pick(Self.farDays) : g.pick(Self.days)
    var a = Activity(
      id: g.chance(30) ? g.pick(["-x", "å", ""]) : g.pick(["a", "b-1", "fika.2"]), title: text(&g),
      theme: g.chance(20) ? "nosuch" : g.pick(["t", "u"]), start: start,
      end: g.chance(3) ? start : g.pick(Self.days + (g.chance(10) ? Self.farDays : [])))
    if g.chance(3) {
      let s = TimeOfDay(hour: g.pick([0, 10, 17]), minute: 0)!
      a.time = ClockSpan(start: s, end: TimeOfDay(hour: g.pick([0, 10, 11, 23]), minute: g.pick([0, 59]))!)
    }
    if g.chance(2) {
      var r = Repeat(
        every: g.pick(Repeat.Frequency.allCases), interval: g.chance(8) ? g.pick([0, 1001]) : g.pick([1, 2, 1000]))
      if g.chance(2) { r.on = g.pick(Repeat.MonthlyOn.allCases) }
      switch g.next() % 4 {
      case 0: r.end = .until(g.pick(Self.days + (g.chance(10) ? Self.farDays : [])))
      case 1: r.end = .count(g.pick([0, 1, 10, 10_000, 10_001]))
      default: break
      }
      if g.chance(2) { r.except = [start + g.pick([0, 1, 7, 14, 28, 365])] }
      a.repeatRule = r
    }
    if g.chance(2) { a.owner = text(&g) }
    if g.chance(2) { a.location = text(&g) }
    if g.chance(2) { a.notes = text(&g, notes: true) }
    if g.chance(3) { a.uid = text(&g) }
    if g.chance(3) { a.source = text(&g) }
    return a
  }

  /// `rounds` random items checked both ways: what differs, and how many
  /// the file refused.
  func bothWays<Item>(
    _ rounds: Int, seed: UInt64, _ make: (inout SplitMix) -> Item, file: (Item) -> [String],
    rules: (Item) -> [String]
  ) -> (differ: [String], broken: Int) {
    var g = SplitMix(seed: seed)
    var broken = 0
    var differ: [String] = []
    for _ in 0..<rounds {
      let item = make(&g)
      let (f, r) = (file(item), rules(item))
      if r != f { differ.append("rules \(r)\nfile  \(f)") }
      if !f.isEmpty { broken += 1 }
    }
    return (differ, broken)
  }

  @Test func anActivitysRulesSayWhatTheFileSays() {
    let (differ, broken) = bothWays(
      3000, seed: 2026_1206, randomActivity,
      file: { fileSays(Plan(id: "p", title: "Plan", themes: themes, activities: [$0])) },
      rules: { rulesSay($0.problems(themes: Set(themes.map(\.id))), "activity", $0.id) })
    #expect(differ.isEmpty, "\(differ.count) differ; the first: \(differ.prefix(3).joined(separator: "\n"))")
    // Both kinds were tried, many times over.
    #expect(broken > 500 && broken < 2500, "\(broken)")
  }

  @Test func aMilestonesRulesSayWhatTheFileSays() {
    let (differ, broken) = bothWays(
      500, seed: 7,
      { g in
        var m = Milestone(
          id: g.chance(20) ? "-m" : "m", title: text(&g),
          date: g.chance(20) ? g.pick(Self.farDays) : g.pick(Self.days), theme: g.chance(20) ? "x" : "t",
          done: g.chance(2))
        if g.chance(2) { m.notes = text(&g, notes: true) }
        return m
      },
      file: { fileSays(Plan(id: "p", title: "Plan", themes: themes, milestones: [$0])) },
      rules: { rulesSay($0.problems(themes: Set(themes.map(\.id))), "milestone", $0.id) })
    #expect(differ.isEmpty, "\(differ.count) differ; the first: \(differ.prefix(3).joined(separator: "\n"))")
    #expect(broken > 50 && broken < 450, "\(broken)")
  }
}

extension SplitMix {
  mutating func pick<C: Collection>(_ c: C) -> C.Element {
    c[c.index(c.startIndex, offsetBy: Int(next() % UInt64(c.count)))]
  }
  mutating func chance(_ oneIn: UInt64) -> Bool { next() % oneIn == 0 }
}
