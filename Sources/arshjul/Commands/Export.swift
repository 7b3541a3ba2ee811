import ArgumentParser
import Foundation
import PlanFormats
import PlanModel
import PlanStore

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the plan: iCalendar for calendars, CSV for spreadsheets, SVG for the wall, HTML for the web.",
    subcommands: [ExportICS.self, ExportCSV.self, ExportSVG.self, ExportHTML.self])
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
    let options = ICalendarOptions(range: range, themes: try filter.themeIDs(of: p), stamp: SystemClock.now)
    try writeOutput(to: out.output, input: file.plan) { ICalendar.write(p, options: options, into: $0) }
  }
}

/// Writes an export to `-o FILE` (see `OutputFile`: atomic for a file,
/// streamed to a FIFO or device, never over a plan) or to stdout, checked.
func writeOutput(_ text: consuming String, to path: String?, input: String?) throws {
  // Written from the text's own UTF-8: a big plan's web page is 40 MB, and
  // copying it into bytes first held it twice.
  try writeOutput(pieces: [.text(text)], to: path, input: input)
}

/// An export written while it is made (see `PieceOutput`): `make` writes
/// into the output it is given, and only a piece is held at a time.
func writeOutput(to path: String?, input: String?, _ make: (PieceOutput) -> Void) throws {
  func produce(_ put: @escaping PieceOutput.Put) {
    let out = PieceOutput(put: put)
    make(out)
    out.finish()
  }
  guard let path, path != "-" else { return try writeStdout(produce) }
  do {
    try OutputFile.write(to: path, input: input, produce)
  } catch {
    throw fail("arshjul: \(error.message)")
  }
}

func writeOutput(pieces parts: [FilePart], to path: String?, input: String?) throws {
  guard let path, path != "-" else {
    for part in parts { try writeStdout(part) }
    return
  }
  do {
    try OutputFile.write(pieces: parts, to: path, input: input)
  } catch {
    throw fail("arshjul: \(error.message)")
  }
}

struct ExportCSV: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csv",
    abstract: "Export to CSV for Excel and LibreOffice (`;` and a BOM, as Swedish Excel wants; --comma for `,`).",
    discussion: "`arshjul import PLAN FILE.csv` reads the same columns back.")

  @OptionGroup var file: PlanArgument

  @OptionGroup var out: OutputOption

  @OptionGroup var filter: RangeOptions

  @Flag(help: "Separate with commas (and no BOM) instead of semicolons.")
  var comma = false

  func run() throws {
    let p = try file.load()
    let now = today(in: p.timeZone)
    let range: DayRange? =
      (filter.from == nil && filter.to == nil && filter.year == nil) ? nil : try filter.range(of: p, today: now)
    let text = CSVWriter.write(p, CSVWriter.Options(comma: comma, range: range, themes: try filter.themeIDs(of: p)))
    try writeOutput(text, to: out.output, input: file.plan)
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

  @OptionGroup var layers: LayerOptions

  func run() throws {
    let p = try file.load()
    let now = today(in: p.timeZone)
    let options = SVGOptions(
      year: year ?? p.planningYear(today: now), paper: paper, themes: try themes.themeIDs(of: p),
      today: drawToday ? now : nil, layers: layers.read(for: p, at: file.plan))
    try writeOutput(to: out.output, input: file.plan) { SVGWheel.write(p, options, into: $0) }
  }
}

extension SVGOptions.Paper: ExpressibleByArgument {}

struct ExportHTML: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "html",
    abstract: "Export the year wheel as one web page (wheel, agenda, legend, a link to subscribe).",
    discussion: """
      One self-contained HTML file: no fonts, scripts or images from elsewhere, so it works \
      from file:// and on any web server or intranet. The same plan gives the same bytes.
      """)

  @OptionGroup var file: PlansArgument

  @OptionGroup var out: OutputOption

  @Option(help: "The planning year (default: the plan's).")
  var year: Int?

  @OptionGroup var themes: ThemeFilter

  @Option(help: "A calendar address to subscribe to (https:, http: or webcal:).")
  var ics: String?

  @Flag(help: "Write the plan's .ics beside the page and link to it (needs -o).")
  var withIcs = false

  @Option(help: "sv or en (default: the plan's language).")
  var language: Language?

  @OptionGroup var layers: LayerOptions

  func validate() throws {
    if let ics, !HTMLOptions.isLinkable(ics) {
      throw fail("arshjul export html: --ics \(quoted(ics)) must be an https:, http: or webcal: address")
    }
    if withIcs && (out.output == nil || out.output == "-") {
      throw fail("arshjul export html: --with-ics writes the .ics beside the page; give -o PAGE.html")
    }
  }

  func run() throws {
    let p = try file.load()
    let now = today(in: p.timeZone)
    var download: String?
    if withIcs, let page = out.output {
      let base = page.hasSuffix(".html") ? String(page.dropLast(5)) : page
      let icsPath = base + ".ics"
      download = (icsPath as NSString).lastPathComponent
      let options = ICalendarOptions(themes: try themes.themeIDs(of: p), stamp: SystemClock.now)
      try writeOutput(to: icsPath, input: file.plan) { ICalendar.write(p, options: options, into: $0) }
    }
    let options = HTMLOptions(
      year: year ?? p.planningYear(today: now), themes: try themes.themeIDs(of: p), language: language, icsURL: ics,
      download: download, layers: layers.read(for: p, at: file.plan))
    try writeOutput(to: out.output, input: file.plan) { HTMLPage.write(p, options, into: $0) }
  }
}
