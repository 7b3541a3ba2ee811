import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate plan files: every problem at once, as file:line:col.",
    discussion: """
      The events of the plan's busy layers, and of every --layer, make the planners busy: an activity \
      that clashes with one is warned of. Exit status: 0 all clean, 1 problems found, 2 a file could not \
      be read as JSON.
      """)

  @Argument(help: "Plan files to check.", completion: .file(extensions: ["json"]))
  var plans: [String]

  @Flag(help: "Treat warnings (holidays, breaks, double bookings, deadlines) as problems: exit 1.")
  var strict = false

  @OptionGroup var layers: OneOffLayers

  func run() throws {
    var worst: Int32 = 0
    for path in plans {
      let p: Plan
      let places: ItemPlaces
      do {
        let loaded = try PlanFile.load(path)
        p = loaded.plan
        places = loaded.places
      } catch {
        error.lines.forEach(printError)
        worst = max(worst, error.kind == .unreadable ? 2 : 1)
        continue
      }
      if !p.conflicts.isEmpty {
        let words = ConflictWording(p, language: .en)
        for c in p.conflicts {
          printError(
            Problem("unresolved merge conflict: \(words.line(c)); open the plan in arshjul to choose", at: c.position)
              .formatted(file: path))
        }
        worst = max(worst, 1)
        continue
      }
      let range = p.yearRange(p.planningYear(today: today(in: p.timeZone)))
      var warnings = PlanWarnings.find(p, in: range)
      let year = p.planningYear(today: today(in: p.timeZone))
      // The plan's own busy layers: one that cannot be read is said, and the check goes on.
      for kept in p.layers where kept.busy {
        let source = LayerPaths.resolved(kept.source, besides: path)
        do {
          let layer = try Layer.read(source, for: p, year: year)
          let clashes = LayerClashes.find(p, layer: layer.events, named: kept.name, in: range)
          warnings += LayerClashes.warnings(clashes, language: p.language)
        } catch {
          printError("\(visibleName(path)): note: the layer \(quoted(kept.name)) is unavailable: \(error.message)")
        }
      }
      // One-off layers from the command line: a typo is an error.
      for source in layers.sources {
        do {
          let layer = try Layer.read(source, for: p, year: year)
          for note in layer.notes { printError("\(visibleName(source)): note: \(note)") }
          let clashes = LayerClashes.find(p, layer: layer.events, named: layer.name, in: range)
          warnings += LayerClashes.warnings(clashes, language: p.language)
        } catch {
          printError("\(visibleName(source)): error: \(error.message)")
          worst = max(worst, 1)
        }
      }
      if !warnings.isEmpty {
        printWarnings(warnings, at: places, in: path)
        if strict { worst = max(worst, 1) }
      }
      try printOut("\(visibleName(path)): ok (\(p.activities.count) activities, \(p.milestones.count) milestones)\n")
      UntilExit.keep(p, places, warnings)
    }
    if worst != 0 { throw ExitCode(worst) }
  }
}
