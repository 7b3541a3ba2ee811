import ArgumentParser
import Foundation
import PlanFormats
import PlanModel
import PlanStore

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring dates in from iCalendar (.ics) and spreadsheet (.csv) files, without doubling them.",
    discussion: """
      Importing the same file again updates what changed and adds nothing twice: events of this \
      plan map back to their items, other events are matched by their UID (kept on the \
      activity), events without one by their start and title. Rules a plan cannot repeat by \
      itself (several weekdays, changed single occurrences) are listed and skipped, or with \
      --expand brought in as single occurrences in the plan's year.
      """)

  enum Format: String, ExpressibleByArgument { case ics, csv }

  @OptionGroup var file: PlanArgument

  @Argument(help: "The .ics or .csv files.", completion: .file(extensions: ["ics", "csv"]))
  var files: [String]

  @Option(
    help: "Theme for events whose CATEGORIES name none of the plan's (id, name or number).",
    completion: .custom(themeCompletions))
  var theme: String?

  @Option(help: "ics or csv (default: from the file's extension).")
  var format: Format?

  @Flag(help: "Bring in repeating events the plan cannot repeat as their single occurrences.")
  var expand = false

  @Flag(help: "Say what would change; write nothing.")
  var dryRun = false

  @Flag(help: "Import nothing (exit 1) when any event would be skipped.")
  var strict = false

  @Flag(help: "Change the plan even if it is write-protected.")
  var force = false

  func validate() throws {
    for f in files where format == nil {
      let ext = (f as NSString).pathExtension.lowercased()
      if ext != "ics" && ext != "csv" && ext != "ical" && ext != "ifb" {
        throw fail("arshjul import: \(visibleName(f)): say --format ics or csv (the name does not tell)")
      }
    }
  }

  func run() throws {
    var inputs: [(String, [UInt8], Format)] = []
    for f in files {
      do {
        let bytes = try FileBytes.read(f, limit: PlanFile.maxBytes)
        let ext = (f as NSString).pathExtension.lowercased()
        inputs.append((f, bytes, format ?? (ext == "csv" ? .csv : .ics)))
      } catch {
        throw fail("arshjul import: \(error.message)", code: 2)
      }
    }
    let work = { (plan: inout Plan) throws(PlanEditError) -> ImportReport in
      if let theme, plan.themeID(for: theme) == nil {
        throw .invalid([Problem("--theme \(quoted(theme)) is not a theme of the plan; \(plan.themeChoices)")])
      }
      var total = ImportReport()
      for (name, bytes, format) in inputs {
        do {
          let r =
            switch format {
            case .ics: try ICalendarImport.apply(bytes, file: name, to: &plan, theme: theme, expand: expand)
            case .csv: try CSVImport.apply(bytes, file: name, to: &plan, theme: theme, today: today(in: plan.timeZone))
            }
          total.added += r.added
          total.updated += r.updated
          total.unchanged += r.unchanged
          total.skipped += r.skipped
          total.gone += r.gone
          total.notes += r.notes
        } catch let error as ImportError {
          throw .invalid(error.problems.map { Problem($0.message, in: $0.place) })
        } catch {
          throw .invalid([Problem("\(error)")])
        }
      }
      if strict && !total.skipped.isEmpty {
        throw .invalid(total.skipped.map { Problem("skipped, and --strict imports nothing then: \($0)") })
      }
      return total
    }
    let report: ImportReport
    var after: Plan?
    do {
      if dryRun {
        let loaded = try loadOrExit(file.plan).plan
        var plan = loaded
        report = try work(&plan)
        // The check the save would make (`PlanFile.update`), no more.
        do { _ = try plan.checkedEdit(of: loaded) } catch { throw PlanEditError.invalid(error.problems) }
      } else {
        (report, after) = try PlanFile.update(file.plan, force: force) {
          (p: inout Plan) throws(PlanEditError) -> (ImportReport, Plan?) in
          (try work(&p), p)
        }
      }
    } catch let error as PlanEditError {
      switch error {
      case .load(let e): throw fail(e.lines, code: e.kind == .unreadable ? 2 : 1)
      case .invalid(let problems):
        // An input file's problem at its place there; the rest is the command's.
        throw fail(problems.map { p in p.place.map { "\($0): error: \(p.message)" } ?? "arshjul import: \(p.message)" })
      case .file(let e): throw fail("arshjul import: \(e.message)")
      }
    }
    try printOut(describe(report))
    if let after { warnAbout(titles: report.added + report.updated, in: after, at: file.plan) }
  }

  func describe(_ r: ImportReport) -> String {
    var lines: [String] = []
    lines.append(
      "\(r.added.count) new, \(r.updated.count) changed, \(r.unchanged) unchanged, \(r.skipped.count) skipped"
        + (dryRun ? " (dry run: nothing written)" : ""))
    // Many single occurrences of one event are one line.
    func grouped(_ titles: [String]) -> [String] {
      var order: [TitleKey] = []
      var counts: [TitleKey: Int] = [:]
      for t in titles {
        let key = TitleKey(text: t)
        if counts[key] == nil { order.append(key) }
        counts[key, default: 0] += 1
      }
      return order.map { counts[$0]! > 1 ? "\($0.text) ×\(counts[$0]!)" : $0.text }
    }
    for t in grouped(r.added) { lines.append("  new: \(visibleName(t))") }
    for t in grouped(r.updated) { lines.append("  changed: \(visibleName(t))") }
    for t in r.skipped { lines.append("  skipped: \(visibleName(t))") }
    for t in r.gone { lines.append("  no longer in the file (kept in the plan): \(visibleName(t))") }
    for t in r.notes { lines.append("  note: \(visibleName(t))") }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// A title as it is written, byte for byte: a String as a key is hashed
/// in its normal form (NFC), which for 20,000 Swedish titles was a tenth
/// of an import; a report groups what the file wrote the same way.
private struct TitleKey: Hashable {
  let text: String
  static func == (a: TitleKey, b: TitleKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
  func hash(into h: inout Hasher) {
    for b in text.utf8 { h.combine(b) }
  }
}
