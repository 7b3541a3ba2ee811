import PlanModel

/// The plan as text for a newsletter, board papers or an e-mail: per theme,
/// activities in date order with their dates in words, milestones, and what
/// comes next from today.
public struct SummaryOptions: Sendable {
  public enum Format: String, Sendable, CaseIterable { case text, markdown }
  public var range: DayRange
  /// nil = every theme.
  public var themes: [String]?
  public var format: Format
  public var width: Int
  public var language: Language
  public var today: Day
  public var upcomingCount: Int
  /// Other calendars told after the themes, each its events in the range.
  public var layers: [LayerEvents] = []

  public init(
    range: DayRange, themes: [String]? = nil, format: Format = .text, width: Int = 80, language: Language,
    today: Day, upcomingCount: Int = 8
  ) {
    self.range = range
    self.themes = themes
    self.format = format
    self.width = width
    self.language = language
    self.today = today
    self.upcomingCount = upcomingCount
  }
}

public enum Summary {
  /// One activity as the summary shows it.
  struct Entry {
    var first: Occurrence
    var activity: Activity
  }

  public static func render(_ plan: Plan, _ o: SummaryOptions) -> String {
    PieceOutput.kept { write(plan, o, into: $0) }.text
  }

  /// The summary, handed to `out` a line at a time as it is made.
  public static func write(_ plan: Plan, _ o: SummaryOptions, into out: PieceOutput) {
    var s = SummaryBuilder(plan: plan, options: o, into: out)
    s.build()
    out.finish()
  }
}

struct SummaryBuilder {
  let plan: Plan
  let o: SummaryOptions
  let w: Wording
  var out: Lines
  /// One date column for every theme, so the sections line up.
  var dateWidth = 8

  init(plan: Plan, options: SummaryOptions, into out: PieceOutput) {
    self.plan = plan
    self.o = options
    self.w = Wording(options.language)
    self.out = Lines(out: out)
  }

  /// Each line written with its newline as it comes.
  struct Lines {
    let out: PieceOutput
    func append(_ line: String) { out.appendLine(line) }
    static func += (lines: inout Lines, more: [String]) { more.forEach(lines.append) }
  }

  var markdown: Bool { o.format == .markdown }

  /// Plan text is made safe for a terminal or a mail: no control characters.
  func clean(_ s: String) -> String {
    let t = sanitized(s)
    return markdown ? markdownEscaped(t) : t
  }

  var themes: [Theme] {
    guard let only = o.themes else { return plan.themes }
    return plan.themes.filter { only.contains($0.id) }
  }

  /// Each shown theme with its activities (by first date in the range) and
  /// milestones, sorted once in one pass over the plan.
  func sections() -> [(theme: Theme, entries: [Summary.Entry], milestones: [Milestone])] {
    var entries: [String: [Summary.Entry]] = [:]
    for a in plan.activities {
      var first: Occurrence?
      a.forEachOccurrence(in: o.range) { occ in if first == nil { first = occ } }
      if let first { entries[a.theme, default: []].append(Summary.Entry(first: first, activity: a)) }
    }
    var marks: [String: [Milestone]] = [:]
    for m in plan.milestones where o.range.contains(m.date) { marks[m.theme, default: []].append(m) }
    return themes.map { t in
      (
        t, (entries[t.id] ?? []).sorted { ($0.first.start, $0.activity.title) < ($1.first.start, $1.activity.title) },
        (marks[t.id] ?? []).sorted { ($0.date, $0.title) < ($1.date, $1.title) }
      )
    }
  }

  /// The date column: the (first) occurrence; a repeat's rule says the rest.
  func dateText(_ e: Summary.Entry) -> String { w.range(e.first.start, e.first.end) }

  /// Time, rule, owner, location: the line under the title.
  func details(_ e: Summary.Entry) -> [String] {
    let a = e.activity
    var parts: [String] = []
    if let t = a.time { parts.append(w.time(t)) }
    if let r = w.rule(a) { parts.append(r) }
    if let owner = a.owner, !owner.isEmpty { parts.append(clean(owner)) }
    if let loc = a.location, !loc.isEmpty { parts.append(clean(loc)) }
    return parts
  }

  func titleText(_ a: Activity, on day: Day? = nil) -> String {
    let status = a.status == .planned ? "" : " (\(w.status(a.status)))"
    return clean(a.title) + status + (day.map(holidayNote) ?? "")
  }

  /// " (midsommarafton)" after an item on a public holiday or eve.
  func holidayNote(_ day: Day) -> String {
    guard let h = PlanCalendar(plan).holiday(day) else { return "" }
    return " (\(w.holidayName(h.name).lowercased()))"
  }

  mutating func build() {
    let sections = sections()
    let activities = sections.reduce(0) { $0 + $1.entries.count }
    let milestones = sections.reduce(0) { $0 + $1.milestones.count }
    let heading = "\(w.period(o.range)) · \(w.counts(activities: activities, milestones: milestones))"
    if markdown {
      out += ["# " + clean(plan.title), "", heading]
    } else {
      out += [clean(plan.title), heading]
    }
    let allDates = sections.flatMap(\.entries).map { displayWidth(dateText($0)) }
    dateWidth = min(16, (allDates + [8]).max()!)
    for section in sections { self.section(section.theme, section.entries, section.milestones) }
    for layer in o.layers { layerSection(layer) }
    // "What comes next" belongs to a summary of a period that is still going
    // on; a look back at September has nothing to say about next year.
    if o.range.contains(o.today) { upcoming() }
  }

  mutating func section(_ theme: Theme, _ list: [Summary.Entry], _ marks: [Milestone]) {
    out.append("")
    let name = clean(theme.name)
    if markdown {
      out.append("## " + name)
      out.append("")
      if list.isEmpty && marks.isEmpty { out.append(w.nothingPlanned) }
      for e in list {
        var line =
          "- **\(dateText(e))** (\(w.weeks(e.first.start, e.first.end))): \(titleText(e.activity, on: e.first.start))"
        let d = details(e)
        if !d.isEmpty { line += " — " + d.joined(separator: " · ") }
        out.append(line)
      }
      if !marks.isEmpty {
        out.append("")
        out.append("### " + w.milestonesHeading)
        out.append("")
        for m in marks {
          out.append(
            "- [\(m.done ? "x" : " ")] **\(w.day(m.date))** (\(w.weeks(m.date, m.date))): \(clean(m.title))\(holidayNote(m.date))"
          )
        }
      }
      return
    }
    out.append(name)
    out.append(String(repeating: "─", count: displayWidth(name)))
    if list.isEmpty && marks.isEmpty { out.append("  " + w.nothingPlanned) }
    let indent = 2 + dateWidth + 2
    let textWidth = max(20, o.width - indent)
    for e in list {
      let left = [dateText(e), w.weeks(e.first.start, e.first.end)]
      var right = wrap(titleText(e.activity, on: e.first.start), width: textWidth)
      let d = details(e)
      if !d.isEmpty { right += wrap(d.joined(separator: " · "), width: textWidth) }
      emitColumns(left: left, right: right, dateWidth: dateWidth)
    }
    if !marks.isEmpty {
      out.append("")
      out.append("  " + w.milestonesHeading)
      for m in marks {
        let left = [w.day(m.date), w.weeks(m.date, m.date)]
        let right = wrap("◆ \(clean(m.title)) (\(w.milestoneState(m.done)))\(holidayNote(m.date))", width: textWidth)
        emitColumns(left: left, right: right, dateWidth: dateWidth)
      }
    }
  }

  /// A layer (another calendar): its events' occurrences in the range, by date.
  mutating func layerSection(_ layer: LayerEvents) {
    var items: [(occ: Occurrence, event: Activity)] = []
    for e in layer.events where e.status != .cancelled {
      e.forEachOccurrence(in: o.range) { items.append(($0, e)) }
    }
    items.sort {
      ($0.occ.start, $0.event.time?.start.minutes ?? -1, $0.event.title) < (
        $1.occ.start, $1.event.time?.start.minutes ?? -1, $1.event.title
      )
    }
    let name = clean(layer.name) + " (" + w.layerWord + ")"
    func text(_ i: (occ: Occurrence, event: Activity)) -> String {
      clean(i.event.title) + (i.event.time.map { ", " + w.time($0) } ?? "")
    }
    out.append("")
    if markdown {
      out.append("## " + name)
      out.append("")
      if items.isEmpty { out.append(w.nothingPlanned) }
      for i in items { out.append("- **\(w.range(i.occ.start, i.occ.end))**: \(text(i))") }
      return
    }
    out.append(name)
    out.append(String(repeating: "─", count: displayWidth(name)))
    if items.isEmpty { out.append("  " + w.nothingPlanned) }
    let textWidth = max(20, o.width - dateWidth - 4)
    for i in items {
      emitColumns(left: [w.range(i.occ.start, i.occ.end)], right: wrap(text(i), width: textWidth), dateWidth: dateWidth)
    }
  }

  /// A date column beside wrapped text; a date too wide for its column gets a line of its own.
  mutating func emitColumns(left: [String], right: [String], dateWidth: Int) {
    var left = left
    if displayWidth(left[0]) > dateWidth {
      out.append("  " + left[0])
      left.removeFirst()
    }
    let n = max(left.count, right.count)
    for i in 0..<n {
      let l = i < left.count ? left[i] : ""
      let r = i < right.count ? right[i] : ""
      let line = "  " + padded(l, to: dateWidth) + "  " + r
      out.append(line.trimmedTrailing)
    }
  }

  mutating func upcoming() {
    struct Item {
      var day: Day
      var text: String
    }
    var items: [Item] = []
    let horizon = DayRange(from: o.today, to: o.today + 366)
    let ids = Set(themes.map(\.id))
    for a in plan.activities where ids.contains(a.theme) && a.status != .cancelled {
      // Each activity once, at its next occurrence: what comes next of everything.
      var taken = false
      a.forEachOccurrence(in: horizon) { occ in
        guard !taken, occ.start >= o.today else { return }
        taken = true
        var text = clean(a.title)
        if let t = a.time { text += ", " + w.time(t) }
        items.append(Item(day: occ.start, text: text))
      }
    }
    for m in plan.milestones where ids.contains(m.theme) && horizon.contains(m.date) && !m.done {
      items.append(Item(day: m.date, text: "◆ " + clean(m.title)))
    }
    items.sort { ($0.day, $0.text) < ($1.day, $1.text) }
    let shown = items.prefix(o.upcomingCount)
    let heading = w.upcomingHeading + " " + w.upcomingFrom(o.today)
    out.append("")
    if markdown {
      out.append("## " + heading)
      out.append("")
      if shown.isEmpty { out.append(w.nothingAfter(o.today)) }
      for i in shown { out.append("- **\(w.day(i.day, year: i.day.year != o.today.year))**: \(i.text)") }
      return
    }
    out.append(heading)
    out.append(String(repeating: "─", count: displayWidth(heading)))
    if shown.isEmpty { out.append("  " + w.nothingAfter(o.today)) }
    let dates = shown.map { w.day($0.day, year: $0.day.year != o.today.year) }
    let dw = (dates.map(displayWidth) + [6]).max()!
    for (i, item) in shown.enumerated() {
      emitColumns(left: [dates[i]], right: wrap(item.text, width: max(20, o.width - dw - 4)), dateWidth: dw)
    }
  }
}

extension String {
  var trimmedTrailing: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
