import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create a plan with the three themes, or (--from) next year's plan from this year's.",
    discussion: """
      `arshjul new plan-2023.json --from plan-2022.json [--year 2023]` keeps the themes, settings and \
      every repeat anchored as it was (2nd Tuesday, last Friday, Mondays, every 3rd month), moves one-offs to the same ISO week and weekday (--same-date: \
      the same date), leaves done and cancelled one-offs behind (--all keeps them), carries \
      milestones not done, and says what moved where and what now lands on a holiday.
      """)

  @Argument(help: "The plan file to create.", completion: .file(extensions: ["json"]))
  var plan: String

  @Option(help: "The plan's title (with --from: the old title, its year moved on).")
  var title: String?

  @Option(help: "Roll this plan into the new year instead of starting empty.")
  var from: String?

  @Flag(help: "With --from: one-offs keep their date instead of their ISO week and weekday.")
  var sameDate = false

  @Flag(help: "With --from: carry done and cancelled one-offs too.")
  var all = false

  @Flag(help: "Overwrite PLAN if it exists (never the --from plan itself).")
  var force = false

  @Option(help: "The planning year it opens at (default: this year).")
  var year: Int?

  @Option(help: "sv or en: month names, labels and theme names.")
  var language: Language = .sv

  @Option(help: "The first month of the planning year, 1–12.")
  var startMonth: Int = 1

  func run() throws {
    let lang = language
    if let from {
      if OutputFile.isSameFile(from, plan) || AtomicFile.resolve(from) == AtomicFile.resolve(plan) {
        throw fail("arshjul new: \(visibleName(plan)) is the --from plan itself; give the new plan another name")
      }
      if FileBytes.exists(plan) && !force {
        throw fail("arshjul new: \(visibleName(plan)) already exists; not overwriting it (--force to)")
      }
      return try roll(from)
    }
    guard let title else { throw fail("arshjul new: give --title (or --from a plan to roll over)") }
    if FileBytes.exists(plan) && !force {
      throw fail("arshjul new: \(plan) already exists; not overwriting it")
    }
    let p = Plan(
      id: SystemClock.newUUID(), title: title, language: lang, startMonth: startMonth,
      year: year ?? today().year, themes: Plan.standardThemes(language: lang))
    // The plan format's own rules, not a second copy of them.
    do {
      try p.validated()
    } catch {
      throw fail(error.problems.map { "arshjul new: \($0.message)" })
    }
    do {
      _ = try PlanFile.save(p, to: plan)
    } catch {
      throw fail("arshjul new: \(error.message)")
    }
    try printOut("created \(visibleName(plan))\n")
  }

  func roll(_ from: String) throws {
    let old = try loadOrExit(from).plan
    let oldYear = old.planningYear(today: today(in: old.timeZone))
    let newYear = year ?? oldYear + 1
    guard DateLimits.years.contains(newYear) else { throw fail("arshjul new: --year must be \(DateLimits.yearsText)") }
    guard newYear > oldYear else {
      throw fail("arshjul new: --year \(newYear) is not after the plan's year \(oldYear)")
    }
    let result: Rollover.Result
    do {
      result = try NextYearPlan.write(
        old, from: oldYear,
        Rollover.Options(year: newYear, sameDate: sameDate, all: all, newID: SystemClock.newUUID()), title: title,
        to: plan)
    } catch {
      switch error {
      case .invalid(let problems): throw fail(problems.map { "arshjul new: \($0.message)" })
      case .file(let e): throw fail("arshjul new: \(e.message)")
      }
    }
    try printOut(
      "created \(visibleName(plan)) for \(newYear) from \(visibleName(from))\n"
        + result.lines.map { "  \($0)\n" }.joined())
  }
}
