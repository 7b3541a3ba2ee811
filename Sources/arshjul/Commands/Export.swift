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

  @OptionGroup var file: PlanArgument

  @OptionGroup var out: OutputOption

  @OptionGroup var filter: RangeOptions

  func run() throws {
    let p = try file.load()
    let now = today(in: p.timeZone)
    // Without --from/--to every item goes out: a calendar wants the whole plan.
    let range: DayRange? =
      (filter.from == nil && filter.to == nil && filter.year == nil) ? nil : try filter.range(of: p, today: now)
    let parts = ICalendar.exportParts(
      p, options: ICalendarOptions(range: range, themes: try filter.themeIDs(of: p), stamp: SystemClock.now))
    try writeOutput(parts: parts, to: out.output)
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

  @OptionGroup var file: PlanArgument

  @OptionGroup var out: OutputOption

  @Option(help: "The planning year (default: the plan's).")
  var year: Int?

  @Option(help: "a3 or a4 (landscape).")
  var paper: SVGOptions.Paper = .a3

  @OptionGroup var themes: ThemeFilter

  @Flag(name: .customLong("today"), help: "Draw a hand at today's date.")
  var drawToday = false

  func run() throws {
    let p = try file.load()
    let now = today(in: p.timeZone)
    let options = SVGOptions(
      year: year ?? p.planningYear(today: now), paper: paper, themes: try themes.themeIDs(of: p),
      today: drawToday ? now : nil)
    try writeOutput(SVGWheel.render(p, options), to: out.output)
  }
}

extension SVGOptions.Paper: ExpressibleByArgument {}
