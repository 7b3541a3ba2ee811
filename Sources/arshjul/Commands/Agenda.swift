import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

struct AgendaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agenda",
    abstract: "List every occurrence in date order (repeats expanded).",
    discussion: "--format tsv prints: start, end, start time, end time, id, title (tab-separated).")

  enum Format: String, ExpressibleByArgument { case text, tsv }

  @OptionGroup var file: PlansArgument

  @OptionGroup var filter: RangeOptions

  @Option(help: "text or tsv.")
  var format: Format = .text

  @OptionGroup var layers: LayerOptions

  func run() throws {
    let p = try file.load()
    let now = today(in: p.timeZone)
    let range = try filter.range(of: p, today: now)
    let w = Wording(p.language)
    var out = ""
    // The layers' events come in among the plan's, in the same order,
    // marked with their layer (tsv: "layer:ID" in the id column).
    var fromLayers: [(key: (Day, Int), item: AgendaItem, layer: LayerEvents)] = []
    for l in layers.read(for: p, at: file.plan) {
      var scratch = p
      scratch.activities = l.events
      scratch.milestones = []
      scratch.forEachAgendaItem(in: range) { fromLayers.append(((($0.start, $0.time?.start.minutes ?? -1)), $0, l)) }
    }
    fromLayers.sort { $0.key < $1.key }
    var next = 0
    func layerLine(_ i: AgendaItem, _ l: LayerEvents) -> String {
      switch format {
      case .tsv:
        let t = i.time
        return [
          i.start.iso, i.end.iso, t?.start.description ?? "", t?.end.description ?? "", "layer:" + l.id,
          i.title.replacingTabs,
        ].joined(separator: "\t") + "\n"
      case .text:
        let week = w.weeks(i.start, i.start).padding(6)
        let weekday = Names.shortWeekday(i.start.weekday, p.language)
        let when = w.range(i.start, i.end).padding(14)
        let time = (i.time.map { w.time($0) } ?? "").padding(11)
        return "\(week) \(weekday) \(when) \(time) ▒ \(sanitized(i.title)) (\(sanitized(l.name)))\n"
      }
    }
    // Written a piece at a time: the lines of a big plan's year are megabytes.
    try p.forEachAgendaItem(in: range, themes: try filter.themeIDs(of: p).map(Set.init)) { item in
      if out.utf8.count > 1 << 16 {
        try printOut(out)
        out = ""
      }
      let key = (item.start, item.time?.start.minutes ?? -1)
      while next < fromLayers.count && fromLayers[next].key < key {
        out += layerLine(fromLayers[next].item, fromLayers[next].layer)
        next += 1
      }
      switch format {
      case .tsv:
        // Data: the title as the plan has it (a one-line field holds no
        // control characters), only tabs kept out of the columns.
        let title = item.title
        let t = item.time
        out +=
          [
            item.start.iso, item.end.iso, t?.start.description ?? "", t?.end.description ?? "", item.id,
            title.replacingTabs,
          ].joined(separator: "\t") + "\n"
      case .text:
        let title = sanitized(item.title)
        let week = w.weeks(item.start, item.start).padding(6)
        let weekday = Names.shortWeekday(item.start.weekday, p.language)
        let when = w.range(item.start, item.end).padding(14)
        let time = (item.time.map { w.time($0) } ?? "").padding(11)
        let mark = if case .milestone = item.kind { "◆ " } else { "" }
        out += "\(week) \(weekday) \(when) \(time) \(mark)\(title)\n"
      }
    }
    for rest in fromLayers[next...] { out += layerLine(rest.item, rest.layer) }
    try printOut(out)
  }
}

extension String {
  var replacingTabs: String { split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " ") }
  func padding(_ n: Int) -> String { padded(self, to: n) }
}
