import ArgumentParser
import PlanKit

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open a plan in the terminal UI (the default command).")

  @Argument(help: "The plan file to open.", completion: .file(extensions: ["json"]))
  var plan: String

  @Flag(help: "Open without the right to save.")
  var readOnly = false

  func run() throws {
    let loaded = try loadOrExit(plan)
    print("\(plan): \(loaded.plan.title) — the terminal UI is not built yet; try `arshjul check` or `arshjul add`.")
  }
}
