import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Print the plan as text for a newsletter, board papers or an e-mail.")

  @OptionGroup var file: PlansArgument

  @OptionGroup var filter: RangeOptions

  @Option(help: "text or markdown.")
  var format: SummaryOptions.Format = .text

  @Option(help: "sv or en (default: the plan's language).")
  var language: Language?

  @Option(help: "Wrap at this many columns (default: the terminal's width, 80 in a pipe).")
  var width: Int?

  @OptionGroup var layers: LayerOptions

  func run() throws {
    let p = try file.load()
    let now = today(in: p.timeZone)
    var options = SummaryOptions(
      range: try filter.range(of: p, today: now), themes: try filter.themeIDs(of: p), format: format,
      width: max(40, width ?? OutputTerminal.width), language: language ?? p.language, today: now)
    options.layers = layers.read(for: p, at: file.plan)
    try writeOutput(to: nil, input: nil) { Summary.write(p, options, into: $0) }
  }
}

extension SummaryOptions.Format: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
