import ArgumentParser
import PlanKit

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export the plan: iCalendar for calendars, SVG for the wall.",
    subcommands: [ExportICS.self, ExportSVG.self])
}

struct ExportICS: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ics",
    abstract: "Export to iCalendar (RFC 5545) for Outlook, Google, Thunderbird, calcurse, khal.")

  @Argument(help: "The plan file.", completion: .file(extensions: ["json"]))
  var plan: String

  @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
  var output: String?

  @OptionGroup var filter: RangeOptions

  func run() throws {
    let p = try loadOrExit(plan).plan
    let now = today(in: p.timeZone)
    // Without --from/--to every item goes out: a calendar wants the whole plan.
    let range: DayRange? =
      (filter.from == nil && filter.to == nil && filter.year == nil) ? nil : try filter.range(of: p, today: now)
    let parts = ICalendar.exportParts(
      p, options: ICalendarOptions(range: range, themes: try filter.themeIDs(of: p), stamp: SystemClock.now))
    try writeOutput(parts: parts, to: output)
  }
}

/// Writes to the file atomically (never half an export), or to stdout.
func writeOutput(_ text: String, to path: String?) throws {
  try writeOutput(Array(text.utf8), to: path)
}

func writeOutput(_ bytes: [UInt8], to path: String?) throws {
  try writeOutput(parts: [bytes], to: path)
}

func writeOutput(parts: [[UInt8]], to path: String?) throws {
  guard let path, path != "-" else {
    parts.forEach(writeStdout)
    return
  }
  do {
    try AtomicFile.write(parts: parts, to: path)
  } catch {
    throw fail("arshjul: \(error.message)")
  }
}

struct ExportSVG: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "svg",
    abstract: "Export a printable year wheel (SVG, A3 or A4 landscape).")

  @Argument(help: "The plan file.", completion: .file(extensions: ["json"]))
  var plan: String

  @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
  var output: String?

  @Option(help: "The planning year (default: the plan's).")
  var year: Int?

  @Option(help: "a3 or a4 (landscape).")
  var paper: SVGOptions.Paper = .a3

  @Option(name: .customLong("theme"), help: "Only this theme (id, name or number); may be repeated.")
  var themes: [String] = []

  @Flag(help: "Draw a hand at today's date.")
  var today = false

  func run() throws {
    let p = try loadOrExit(plan).plan
    let now = PlanKit.Day(ordinal: SystemClock.today(in: p.timeZone).ordinal)
    var filter = RangeOptions()
    filter.themes = themes
    let options = SVGOptions(
      year: year ?? p.planningYear(today: now), paper: paper, themes: try filter.themeIDs(of: p),
      today: today ? now : nil)
    try writeOutput(SVGWheel.render(p, options), to: output)
  }
}

extension SVGOptions.Paper: ExpressibleByArgument {}
