import ArgumentParser
import PlanKit
import PlanStore

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create a plan with the three themes.")

  @Argument(help: "The plan file to create.", completion: .file(extensions: ["json"]))
  var plan: String

  @Option(help: "The plan's title.")
  var title: String

  @Option(help: "The planning year it opens at (default: this year).")
  var year: Int?

  @Option(help: "sv or en: month names, labels and theme names.")
  var language: Language = .sv

  @Option(help: "The first month of the planning year, 1–12.")
  var startMonth: Int = 1

  func run() throws {
    let lang = language
    if FileBytes.exists(plan) {
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
}
