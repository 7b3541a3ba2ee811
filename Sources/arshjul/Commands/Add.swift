import ArgumentParser
import PlanKit
import PlanStore

struct Add: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Add an activity (or, with --milestone, a milestone) to a plan.",
    discussion: """
      Dates: 2022-03-08, 8/3, "8 mars", today, +2w. Examples:
        arshjul add plan.json --title "Digital frukostträff" --theme motesplatser \\
          --start 2022-02-08 --time 08:30-09:30 --repeat month --on weekday --until 2022-12-31
        arshjul add plan.json --milestone --title "Förslag klara" --theme samverkan --start 2022-06-30
      """)

  @OptionGroup var file: PlanArgument

  @Option(help: "Title.") var title: String
  @Option(help: "Theme id, name or number (1, 2, 3…).") var theme: String
  @Option(help: "First day (for a milestone: its date).") var start: String
  @Option(help: "Last day, inclusive (default: the start).") var end: String?
  @Flag(help: "Add a milestone instead of an activity.") var milestone = false
  @Option(help: "Id (default: made from the title).") var id: String?
  @Option(help: "Clock time, HH:MM-HH:MM (default: all day).") var time: String?
  @Option(name: .customLong("repeat"), help: "Repeat every week, month or year.") var every: String?
  @Option(help: "Repeat every N weeks/months/years.") var interval: Int?
  @Option(help: "Monthly: date, weekday (e.g. 2nd Tuesday) or last-weekday.") var on: String?
  @Option(help: "Repeat until this day.") var until: String?
  @Option(help: "Repeat this many times.") var count: Int?
  @Option(help: "Skip these dates (comma-separated).") var except: String?
  @Option(help: "Who is responsible.") var owner: String?
  @Option(help: "Where.") var location: String?
  @Option(help: "Notes.") var notes: String?
  @Option(help: "planned, ongoing, done or cancelled.") var status: String?
  @Flag(help: "Milestone reached (for an activity: the same as --status done).") var done = false
  @Flag(help: "Change the plan even if it is write-protected.") var force = false

  func run() throws {
    let name = "arshjul add"
    let result: String
    do {
      result = try PlanFile.update(file.plan, force: force) { (p: inout Plan) throws(PlanEditError) -> String in
        try apply(to: &p)
      }
    } catch {
      switch error {
      case .load(let e): throw fail(e.lines, code: e.kind == .unreadable ? 2 : 1)
      case .invalid(let problems): throw fail(problems.map { "\(name): \($0.message)" })
      case .file(let e): throw fail("\(name): \(e.message)")
      }
    }
    try printOut(result + "\n")
  }

  func bad(_ message: String) -> PlanEditError { .invalid([Problem(message)]) }

  func day(_ text: String, _ flag: String, _ plan: Plan) throws(PlanEditError) -> Day {
    let now = today(in: plan.timeZone)
    guard let d = DateInput.parse(text, today: now) else {
      throw bad("--\(flag) \(quoted(text)) is not a date; \(DateInput.hint)")
    }
    return d
  }

  func resolveTheme(_ plan: Plan) throws(PlanEditError) -> String {
    guard let id = plan.themeID(for: theme) else {
      throw bad("--theme \(quoted(theme)) is not a theme of the plan; \(plan.themeChoices)")
    }
    return id
  }

  func apply(to plan: inout Plan) throws(PlanEditError) -> String {
    let themeID = try resolveTheme(plan)
    let first = try day(start, "start", plan)
    let itemID = id ?? Identifier.unique(Identifier.slug(title), taken: plan.itemIDs)
    if plan.itemIDs.contains(itemID) { throw bad("id \(quoted(itemID)) is already in the plan") }
    if milestone {
      let unusable = [
        ("--end", end != nil), ("--time", time != nil), ("--repeat", every != nil), ("--owner", owner != nil),
        ("--location", location != nil), ("--status", status != nil),
      ].filter(\.1).map(\.0)
      if !unusable.isEmpty { throw bad("a milestone has no \(unusable.joined(separator: ", "))") }
      plan.milestones.append(
        Milestone(id: itemID, title: title, date: first, theme: themeID, done: done, notes: notes))
      return "added milestone \(itemID) on \(first)"
    }
    let last = try end.map { (e: String) throws(PlanEditError) -> Day in try day(e, "end", plan) } ?? first
    var span: ClockSpan?
    if let time {
      let parts = time.split(separator: "-").map { TimeOfDay(String($0).trimmed) }
      guard parts.count == 2, let s = parts[0], let e = parts[1] else {
        throw bad("--time \(quoted(time)) must be HH:MM-HH:MM, e.g. 08:30-09:30")
      }
      span = ClockSpan(start: s, end: e)
    }
    var rule: Repeat?
    if let every {
      guard let freq = Repeat.Frequency(rawValue: every) else {
        throw bad("--repeat \(quoted(every)) must be week, month or year")
      }
      var monthlyOn: Repeat.MonthlyOn?
      if let on {
        guard let o = Repeat.MonthlyOn(rawValue: on) else {
          throw bad("--on \(quoted(on)) must be date, weekday or last-weekday")
        }
        monthlyOn = o
      }
      var endRule = Repeat.End.never
      if until != nil && count != nil { throw bad("give --until or --count, not both") }
      if let until { endRule = .until(try day(until, "until", plan)) }
      if let count { endRule = .count(count) }
      var skipped: [Day] = []
      for text in (except ?? "").split(separator: ",") {
        skipped.append(try day(String(text), "except", plan))
      }
      if let interval, !Repeat.intervals.contains(interval) {
        throw bad("--interval \(interval) must be \(Repeat.intervals.lowerBound)–\(Repeat.intervals.upperBound)")
      }
      rule = Repeat(every: freq, interval: interval ?? 1, on: monthlyOn, end: endRule, except: skipped)
    } else if interval != nil || on != nil || until != nil || count != nil || except != nil {
      throw bad("--interval, --on, --until, --count and --except need --repeat")
    }
    var st = Status.planned
    if let status {
      guard let s = Status(rawValue: status) else {
        throw bad("--status \(quoted(status)) must be planned, ongoing, done or cancelled")
      }
      st = s
    }
    if done {
      if status != nil && st != .done { throw bad("--done and --status \(st.rawValue) disagree; give one of them") }
      st = .done
    }
    plan.activities.append(
      Activity(
        id: itemID, title: title, theme: themeID, start: first, end: last, time: span, repeatRule: rule,
        owner: owner, location: location, notes: notes, status: st))
    return "added activity \(itemID) on \(first)" + (last != first ? "–\(last)" : "")
  }
}
