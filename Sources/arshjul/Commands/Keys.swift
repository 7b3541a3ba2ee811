import ArgumentParser
import PlanFormats
import PlanModel
import PlanUI

struct Keys: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "List the keys of the terminal UI (the same list as `?` in it).")

  enum Format: String, ExpressibleByArgument { case text, markdown }

  @Option(help: "text or markdown (README's table).")
  var format: Format = .text

  @Option(help: "sv or en.")
  var language: Language = .sv

  func run() throws {
    switch format {
    case .markdown:
      try printOut(KeyMap.markdown(language))
    case .text:
      let lines = KeyMap.helpLines(language)
      let width = lines.map { displayWidth($0.keys) }.max() ?? 0
      try printOut(lines.map { padded($0.keys, to: width) + "  " + $0.text + "\n" }.joined())
    }
  }
}
