import ArgumentParser
import PlanKit

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate plan files: every problem at once, as file:line:col.",
    discussion: "Exit status: 0 all clean, 1 problems found, 2 a file could not be read as JSON.")

  @Argument(help: "Plan files to check.", completion: .file(extensions: ["json"]))
  var plans: [String]

  func run() throws {
    var worst: Int32 = 0
    for path in plans {
      do {
        let loaded = try PlanFile.load(path)
        let p = loaded.plan
        print("\(path): ok (\(p.activities.count) activities, \(p.milestones.count) milestones)")
      } catch {
        error.lines.forEach(printError)
        worst = max(worst, error.kind == .unreadable ? 2 : 1)
      }
    }
    if worst != 0 { throw ExitCode(worst) }
  }
}
