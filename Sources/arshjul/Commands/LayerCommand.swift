import ArgumentParser
import Foundation
import PlanFormats
import PlanModel
import PlanStore

/// `arshjul layer add|list|remove`: the calendars and plans a plan shows
/// beside its own (issue 29), kept in the plan file under "layers".
struct LayerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "layer",
    abstract: "Show other calendars (.ics) and plans (.json) beside this plan, read-only.",
    discussion: """
      A layer's events are read each time the plan is looked at and never become the plan's own. \
      With --busy they keep the planners busy: `check` warns when an activity lands on one.
      """,
    subcommands: [Add.self, List.self, Remove.self, Refresh.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a calendar (.ics) or another plan (.json) as a layer.")

    @OptionGroup var file: PlanArgument

    @Argument(
      help: "The .ics or .json file (kept relative to the plan's folder).",
      completion: .file(extensions: ["ics", "json"]))
    var source: String

    @Option(help: "The layer's name (default: the calendar's own name, or the plan's title).")
    var name: String?

    @Flag(help: "Its events keep the planners busy: warn when an activity lands on one.")
    var busy = false

    @Flag(help: "Change the plan even if it is write-protected.")
    var force = false

    func run() throws {
      let cmd = "arshjul layer add"
      if let why = PlanLayer.sourceProblem(source) {
        throw fail("\(cmd): \(quoted(CalendarURL.masked(source))): \(why)")
      }
      if !PlanLayer.isFeed(source) && OutputFile.isSameFile(source, file.plan) {
        throw fail("\(cmd): \(visibleName(source)) is the plan itself; a layer is another calendar or plan")
      }
      let stored = LayerPaths.relative(source, toFolderOf: file.plan)
      let plan = try loadOrExit(file.plan).plan
      // A feed is fetched once now, so its name and events are known (and cached).
      if PlanLayer.isFeed(source), case .failed(let why) = Feeds.refresh(source, for: plan) {
        throw fail("\(cmd): \(visibleName(CalendarURL.masked(source))): \(why)")
      }
      let layer: Layer
      do {
        layer = try Layer.read(source, for: plan, year: plan.planningYear(today: today(in: plan.timeZone)))
      } catch {
        throw fail("\(cmd): \(visibleName(source)): \(error.message)")
      }
      if let given = name, let why = ValueRules.text(given, required: true, multiline: false) {
        throw fail("\(cmd): --name: \(why.words(key: "name"))")
      }
      let result: PlanLayer
      do {
        result = try PlanFile.update(file.plan, force: force) { (p: inout Plan) throws(PlanEditError) -> PlanLayer in
          if let same = p.layers.first(where: { $0.source == stored }) {
            throw .invalid([Problem("\(quoted(stored)) is already the layer \(quoted(same.id))")])
          }
          let title = name ?? layer.name
          let slug = Identifier.slug(title)
          let id = Identifier.unique(slug.isEmpty ? "layer" : slug, taken: Set(p.layers.map(\.id)))
          let added = PlanLayer(id: id, name: title, source: stored, busy: busy)
          p.layers.append(added)
          return added
        }
      } catch {
        switch error {
        case .load(let e): throw fail(e.lines, code: e.kind == .unreadable ? 2 : 1)
        case .invalid(let problems): throw fail(problems.map { "\(cmd): \($0.message)" })
        case .file(let e): throw fail("\(cmd): \(e.message)")
        }
      }
      for note in layer.notes { printError("\(visibleName(source)): note: \(note)") }
      try printOut(
        "Added the layer \(quoted(result.name)) (\(result.id)): \(layer.events.count) events"
          + (busy ? ", busy" : "") + "\n")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the plan's layers and whether each can be read.")

    @OptionGroup var file: PlanArgument

    func run() throws {
      let plan = try file.load()
      if plan.layers.isEmpty {
        try printOut("\(visibleName(file.plan)) has no layers (arshjul layer add PLAN FILE)\n")
        return
      }
      let year = plan.planningYear(today: today(in: plan.timeZone))
      var out = ""
      for l in plan.layers {
        var state: String
        do {
          let read = try Layer.read(LayerPaths.resolved(l.source, besides: file.plan), for: plan, year: year)
          state = "\(read.events.count) events"
          if let since = read.failedSince {
            state +=
              "; unavailable since \(Feeds.when(since)), the copy of \(read.fetched.map(Feeds.when) ?? "?") shows"
          } else if let fetched = read.fetched {
            state += ", fetched \(Feeds.when(fetched))"
          }
        } catch {
          state = "unavailable: \(error.message)"
        }
        out +=
          "\(l.id)\t\(sanitized(l.name))\t\(l.busy ? "busy" : "shown")\t\(visibleName(CalendarURL.masked(l.source)))\t\(state)\n"
      }
      try printOut(out)
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove a layer from the plan (its file is left alone).")

    @OptionGroup var file: PlanArgument

    @Argument(help: "The layer's id (see arshjul layer list).")
    var id: String

    @Flag(help: "Change the plan even if it is write-protected.")
    var force = false

    func run() throws {
      let cmd = "arshjul layer remove"
      let removed: PlanLayer
      do {
        removed = try PlanFile.update(file.plan, force: force) { (p: inout Plan) throws(PlanEditError) -> PlanLayer in
          guard let i = p.layers.firstIndex(where: { $0.id == id }) else {
            let ids = p.layers.map(\.id)
            throw .invalid([
              Problem(
                "no layer has the id \(quoted(id))"
                  + (ids.isEmpty ? "; the plan has none" : "; the plan's are \(ids.joined(separator: ", "))"))
            ])
          }
          return p.layers.remove(at: i)
        }
      } catch {
        switch error {
        case .load(let e): throw fail(e.lines, code: e.kind == .unreadable ? 2 : 1)
        case .invalid(let problems): throw fail(problems.map { "\(cmd): \($0.message)" })
        case .file(let e): throw fail("\(cmd): \(e.message)")
        }
      }
      try printOut("Removed the layer \(quoted(removed.name)) (\(removed.id))\n")
    }
  }

  struct Refresh: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fetch the plan's calendar feeds now (only what changed comes; the copy is kept in the cache).",
      discussion: "Exit status: 0 every feed answered, 1 one or more could not be reached (their copies still show).")

    @OptionGroup var file: PlanArgument

    func run() throws {
      let plan = try file.load()
      let feeds = plan.layers.filter(\.isFeed)
      if feeds.isEmpty {
        try printOut("\(visibleName(file.plan)) has no feeds among its layers\n")
        return
      }
      var failed = false
      var out = ""
      for l in feeds {
        switch Feeds.refresh(l.source, for: plan) {
        case .updated: out += "\(l.id): updated\n"
        case .unchanged: out += "\(l.id): not changed\n"
        case .failed(let why):
          failed = true
          out += "\(l.id): unavailable: \(why)\n"
        }
      }
      try printOut(out)
      if failed { throw ExitCode(1) }
    }
  }
}
