import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

/// The range and theme filter that summary and export share.
struct RangeOptions: ParsableArguments {
  @Option(help: "First day to include (default: the start of the planning year).")
  var from: String?

  @Option(help: "Last day to include (default: the end of the planning year).")
  var to: String?

  @Option(help: "The planning year (default: the plan's).")
  var year: Int?

  @OptionGroup var themeFilter: ThemeFilter

  /// The range asked for, or the planning year.
  func range(of plan: Plan, today: Day) throws -> DayRange {
    let y = year ?? plan.planningYear(today: today)
    let whole = plan.yearRange(y)
    func day(_ text: String?, _ flag: String, _ fallback: Day) throws -> Day {
      guard let text else { return fallback }
      guard let d = DateInput.parse(text, today: today, reference: whole.from) else {
        throw fail("arshjul: --\(flag) \(quoted(text)) is not a date; \(DateInput.hint)")
      }
      return d
    }
    let r = DayRange(from: try day(from, "from", whole.from), to: try day(to, "to", whole.to))
    if r.to < r.from { throw fail("arshjul: --to \(r.to) is before --from \(r.from)") }
    return r
  }

  func themeIDs(of plan: Plan) throws -> [String]? { try themeFilter.themeIDs(of: plan) }
}

/// `--theme`, as many times as wanted: by id, name or number.
struct ThemeFilter: ParsableArguments {
  @Option(
    name: .customLong("theme"), help: "Only this theme (id, name or number); may be repeated.",
    completion: .custom(themeCompletions))
  var themes: [String] = []

  /// Theme ids for the filter, nil when none was asked for.
  func themeIDs(of plan: Plan) throws -> [String]? {
    if themes.isEmpty { return nil }
    return try themes.map { t in
      guard let id = plan.themeID(for: t) else {
        throw fail("arshjul: --theme \(quoted(t)) is not a theme of the plan; \(plan.themeChoices)")
      }
      return id
    }
  }
}

/// The plan file a command reads.
struct PlanArgument: ParsableArguments {
  @Argument(help: "The plan file.", completion: .file(extensions: ["json"]))
  var plan: String

  /// The plan, or the command stops with its problems.
  /// The plan, for a command that only reads it (kept until exit, see `UntilExit`).
  func load() throws -> Plan {
    let p = try loadOrExit(plan).plan
    UntilExit.keep(p)
    return p
  }
}

/// One plan file or several (a project's years, a unit's projects), read
/// as one plan (`PlanSet`), for the commands that only read.
struct PlansArgument: ParsableArguments {
  @Argument(help: "The plan file; several are read as one.", completion: .file(extensions: ["json"]))
  var plans: [String]

  func validate() throws {
    if plans.isEmpty { throw fail("arshjul: give a plan file") }
  }

  /// The first plan's path: where its layers' relative paths start.
  var plan: String { plans[0] }

  func load() throws -> Plan {
    let all = try loadAllOrExit(plans).map(\.plan)
    guard all.count > 1 else {
      UntilExit.keep(all[0])
      return all[0]
    }
    if let why = PlanSet.problem(all) { throw fail("arshjul: \(why)") }
    let combined = PlanSet(all, today: today(in: all[0].timeZone)).combined
    UntilExit.keep(combined)
    return combined
  }
}

/// `-o FILE`, or standard output.
struct OutputOption: ParsableArguments {
  @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
  var output: String?
}

/// Completion of `--theme`: the theme ids of the plan named on the command
/// line so far (the first word that is a readable plan), nothing otherwise.
/// The shell runs `arshjul` for it, so it reads the plan and nothing else.
@Sendable func themeCompletions(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
  for word in words where word.hasSuffix(".json") {
    guard let plan = try? PlanFile.load(word).plan else { continue }
    return plan.themes.map(\.id).filter { $0.hasPrefix(prefix) }
  }
  return []
}

/// `--layer SOURCE`, as many times as wanted: another calendar or plan
/// looked at with this one for this run only (`edit`, `check` and the
/// commands of `LayerOptions`).
struct OneOffLayers: ParsableArguments {
  @Option(
    name: .customLong("layer"),
    help: ArgumentHelp(
      "Another calendar (.ics) or plan (.json) to look at with this one, for this run (repeatable).",
      valueName: "source"),
    completion: .file(extensions: ["ics", "json"]))
  var sources: [String] = []
}

/// `--layers` (the plan's own) and `--layer SOURCE` (one more, for this
/// run) on the commands that show a plan.
struct LayerOptions: ParsableArguments {
  @Flag(name: .customLong("layers"), help: "Show the plan's layers (other calendars, see arshjul layer).")
  var planLayers = false

  @OptionGroup var oneOff: OneOffLayers
  var extra: [String] { oneOff.sources }

  /// The layers asked for, read; one that cannot be read is a note on
  /// stderr and is left out (the rest of the output still comes).
  func read(for plan: Plan, at path: String) -> [LayerEvents] {
    guard planLayers || !extra.isEmpty else { return [] }
    var asked = plan
    if !planLayers { asked.layers = [] }
    return Layer.readAll(of: asked, at: path, oneOff: extra).filter { l in
      if let why = l.unavailable {
        printError("\(visibleName(path)): note: the layer \(quoted(l.name)) is left out: \(why)")
      }
      return l.unavailable == nil
    }
  }
}
