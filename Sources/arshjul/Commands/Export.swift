import ArgumentParser
import PlanKit

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export the plan: iCalendar for calendars.",
    subcommands: [ExportICS.self])
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
    let text = ICalendar.export(
      p, options: ICalendarOptions(range: range, themes: try filter.themeIDs(of: p), stamp: SystemClock.now))
    try writeOutput(text, to: output)
  }
}

/// Writes to the file atomically (never half an export), or to stdout.
func writeOutput(_ text: String, to path: String?) throws {
  guard let path, path != "-" else {
    printOut(text)
    return
  }
  do {
    try AtomicFile.write(Array(text.utf8), to: path)
  } catch {
    throw fail("arshjul: \(error.message)")
  }
}
