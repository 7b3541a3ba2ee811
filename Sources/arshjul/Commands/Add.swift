import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

struct Add: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add an activity (or, with --milestone, a milestone) to a plan.",
    discussion: """
      Dates: 2022-03-08, 8/3, "8 mars", today, +2w. Examples:
        arshjul add plan.json --title "Digital frukostträff" --theme motesplatser \\
          --start 2022-02-08 --time 08:30-09:30 --repeat month --on weekday --until 2022-12-31
        arshjul add plan.json --milestone --title "Förslag klara" --theme samverkan --start 2022-06-30
      """)

  @OptionGroup var file: PlanArgument

  @Option(help: "Title.") var title: String
  @Option(help: "Theme id, name or number (1, 2, 3…).", completion: .custom(themeCompletions)) var theme: String
  @Option(help: "First day (for a milestone: its date).") var start: String
  @Option(help: "Last day, inclusive (default: the start).") var end: String?
  @Flag(help: "Add a milestone instead of an activity.") var milestone = false
  @Option(help: "Id (default: made from the title).") var id: String?
  @Option(help: "Clock time: 08:30-09:30, 8.30–9.30 or 0830-0930 (default: all day).") var time: String?
  @Option(name: .customLong("repeat"), help: "Repeat every week, month or year.") var every: Repeat.Frequency?
  @Option(help: "Repeat every N weeks/months/years (1–1000).") var interval: Int?
  @Option(help: "Monthly: date, weekday (e.g. 2nd Tuesday) or last-weekday.") var on: Repeat.MonthlyOn?
  @Option(help: "Repeat until this day.") var until: String?
  @Option(help: "Repeat this many times.") var count: Int?
  @Option(help: "Skip these dates (separated by , or ;).") var except: String?
  @Option(help: "Who is responsible.") var owner: String?
  @Option(help: "Where.") var location: String?
  @Option(help: "Notes.") var notes: String?
  @Option(help: "planned, ongoing, done or cancelled (or planerad, pågår, klar, inställd).") var status: Status?
  @Flag(help: "Milestone reached (for an activity: the same as --status done).") var done = false
  @Flag(help: "Change the plan even if it is write-protected.") var force = false

  /// Flags that do not go together are refused before the plan is read.
  func validate() throws {
    let name = "arshjul add"
    if milestone {
      let unusable = [
        ("--end", end != nil), ("--time", time != nil), ("--repeat", every != nil), ("--owner", owner != nil),
        ("--location", location != nil), ("--status", status != nil),
      ].filter(\.1).map(\.0)
      if !unusable.isEmpty { throw fail("\(name): a milestone has no \(unusable.joined(separator: ", "))") }
    }
    if every == nil && (interval != nil || on != nil || until != nil || count != nil || except != nil) {
      throw fail("\(name): --interval, --on, --until, --count and --except need --repeat")
    }
    if until != nil && count != nil { throw fail("\(name): give --until or --count, not both") }
    if let interval, !Repeat.intervals.contains(interval) {
      throw fail(
        "\(name): --interval \(interval) must be \(Repeat.intervals.lowerBound)–\(Repeat.intervals.upperBound)")
    }
    if let time, ClockSpan.typed(time) == nil {
      throw fail("\(name): --time \(quoted(time)) is not a clock span; \(ClockSpan.hint)")
    }
    if !milestone, done, let status, status != .done {
      throw fail("\(name): --done and --status \(status.rawValue) disagree; give one of them")
    }
  }

  func run() throws {
    let name = "arshjul add"
    let result: (said: String, plan: Plan)
    do {
      result = try PlanFile.update(file.plan, force: force) {
        (p: inout Plan) throws(PlanEditError) -> (String, Plan) in
        (try apply(to: &p), p)
      }
    } catch {
      switch error {
      case .load(let e): throw fail(e.lines, code: e.kind == .unreadable ? 2 : 1)
      case .invalid(let problems): throw fail(problems.map { "\(name): \($0.message)" })
      case .file(let e): throw fail("\(name): \(e.message)")
      }
    }
    try printOut(result.said + "\n")
    warnAbout(titles: [title], in: result.plan, at: file.plan)
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
      plan.milestones.append(
        Milestone(id: itemID, title: title, date: first, theme: themeID, done: done, notes: notes))
      return "added milestone \(itemID) on \(first)"
    }
    let last = try end.map { (e: String) throws(PlanEditError) -> Day in try day(e, "end", plan) } ?? first
    var rule: Repeat?
    if let every {
      let endRule: Repeat.End =
        if let until { .until(try day(until, "until", plan)) } else if let count { .count(count) } else { .never }
      let skipped: [Day]
      switch DateInput.list(except ?? "", today: today(in: plan.timeZone)) {
      case .success(let days): skipped = days
      case .failure(let bad): throw self.bad("--except \(quoted(bad.text)) is not a date; \(DateInput.hint)")
      }
      rule = Repeat(every: every, interval: interval ?? 1, on: on, end: endRule, except: skipped)
    }
    plan.activities.append(
      Activity(
        id: itemID, title: title, theme: themeID, start: first, end: last, time: time.flatMap(ClockSpan.typed),
        repeatRule: rule, owner: owner, location: location, notes: notes, status: done ? .done : (status ?? .planned)))
    return "added activity \(itemID) on \(first)" + (last != first ? "–\(last)" : "")
  }
}

extension Repeat.Frequency: ExpressibleByArgument {}
extension Repeat.MonthlyOn: ExpressibleByArgument {}
extension Status: ExpressibleByArgument {
  public init?(argument: String) {
    guard let status = Status.typed(argument) else { return nil }
    self = status
  }
}
