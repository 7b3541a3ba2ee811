import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

struct Textconv: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "textconv",
    abstract: "Print a plan as one line per item, sorted by date (git's textconv for plans).",
    discussion: "A file that is not a plan is printed as it is, so `git diff` still shows it.")

  @Argument(help: "The plan file.") var plan: String

  func run() throws {
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(plan, limit: PlanFile.maxBytes)
    } catch {
      throw fail("arshjul textconv: \(error.message)", code: 2)
    }
    guard let p = try? PlanFile.decode(bytes, file: plan) else {
      try writeStdout(bytes)
      return
    }
    try printOut(LineForm.render(p))
  }
}
