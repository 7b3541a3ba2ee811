import ArgumentParser
import PlanKit

@main
struct Arshjul: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "arshjul",
    abstract: "A year-wheel planner for the terminal: plan a year of activities by theme.",
    discussion: """
      Open a plan with `arshjul PLAN`. Plans are JSON files (see docs/plan-format.md).
      """,
    version: "0.1.0",
    subcommands: [Edit.self, New.self, Check.self, Add.self, SummaryCommand.self, AgendaCommand.self, Export.self],
    defaultSubcommand: Edit.self)
}
