import PlanModel

/// What changed between two versions of a plan, item by item, in the
/// groups a steering group reads: new, moved, changed, cancelled or done,
/// deleted.
public struct PlanDiff: Sendable {
  public enum Group: Int, Sendable, CaseIterable { case added, moved, changed, status, deleted }

  public struct Entry: Sendable {
    public var group: Group
    /// The item as it is now (or was, when deleted).
    public var title: String
    public var sortDay: Day
    /// What is said of it after the title.
    public var detail: String
  }

  public var entries: [Entry]
  public var isEmpty: Bool { entries.isEmpty }

  public init(old: Plan, new: Plan, language: Language? = nil) {
    let lang = language ?? new.language
    let w = Wording(lang)
    let words = DiffWords(lang)
    var out: [Entry] = []
    if old.calendarURL != new.calendarURL {
      let url = { (u: String?) in u.map { sanitized(CalendarURL.masked($0)) } ?? words.noCalendar }
      out.append(
        Entry(
          group: .changed, title: words.thePlan, sortDay: Day(year: 1900, month: 1, day: 1)!,
          detail: words.calendar + url(old.calendarURL) + " → " + url(new.calendarURL)))
    }
    func when(_ a: Activity) -> String {
      var s = w.rangeWithYear(a.start, a.end)
      if let t = a.time { s += " " + w.time(t) }
      if let r = w.rule(a) { s += ", " + r }
      return s
    }
    let oldActivities = Dictionary(old.activities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let newActivities = Dictionary(new.activities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for a in new.activities {
      guard let before = oldActivities[a.id] else {
        out.append(Entry(group: .added, title: a.title, sortDay: a.start, detail: when(a)))
        continue
      }
      if before.start != a.start || before.end != a.end || before.time != a.time || before.repeatRule != a.repeatRule {
        out.append(Entry(group: .moved, title: a.title, sortDay: a.start, detail: when(before) + " → " + when(a)))
      }
      var fields: [String] = []
      func field(_ name: String, _ old: String?, _ new: String?) {
        if old != new {
          let none = words.nothing
          fields.append("\(name): \(old.map { sanitized($0) } ?? none) → \(new.map { sanitized($0) } ?? none)")
        }
      }
      field(ItemField.title.name(lang), before.title, a.title)
      field(
        ItemField.theme.name(lang), old.theme(before.theme)?.name ?? before.theme,
        new.theme(a.theme)?.name ?? a.theme)
      field(ItemField.owner.name(lang), before.owner, a.owner)
      field(ItemField.location.name(lang), before.location, a.location)
      if before.notes != a.notes { fields.append(words.notesChanged) }
      if !fields.isEmpty {
        out.append(Entry(group: .changed, title: a.title, sortDay: a.start, detail: fields.joined(separator: "; ")))
      }
      if before.status != a.status {
        out.append(
          Entry(
            group: .status, title: a.title, sortDay: a.start,
            detail: w.status(before.status) + " → " + w.status(a.status)))
      }
    }
    for a in old.activities where newActivities[a.id] == nil {
      out.append(Entry(group: .deleted, title: a.title, sortDay: a.start, detail: when(a)))
    }
    let oldMilestones = Dictionary(old.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let newMilestones = Dictionary(new.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let diamond = "◆ "
    for m in new.milestones {
      guard let before = oldMilestones[m.id] else {
        out.append(Entry(group: .added, title: diamond + m.title, sortDay: m.date, detail: w.day(m.date, year: true)))
        continue
      }
      if before.date != m.date {
        out.append(
          Entry(
            group: .moved, title: diamond + m.title, sortDay: m.date,
            detail: w.day(before.date, year: true) + " → " + w.day(m.date, year: true)))
      }
      if before.title != m.title || before.theme != m.theme || before.notes != m.notes {
        var fields: [String] = []
        if before.title != m.title { fields.append(ItemField.title.name(lang) + ": " + before.title + " → " + m.title) }
        if before.theme != m.theme {
          fields.append(
            ItemField.theme.name(lang) + ": " + (old.theme(before.theme)?.name ?? before.theme) + " → "
              + (new.theme(m.theme)?.name ?? m.theme))
        }
        if before.notes != m.notes { fields.append(words.notesChanged) }
        out.append(
          Entry(group: .changed, title: diamond + m.title, sortDay: m.date, detail: fields.joined(separator: "; ")))
      }
      if before.done != m.done {
        out.append(
          Entry(
            group: .status, title: diamond + m.title, sortDay: m.date,
            detail: w.milestoneState(before.done) + " → " + w.milestoneState(m.done)))
      }
    }
    for m in old.milestones where newMilestones[m.id] == nil {
      out.append(Entry(group: .deleted, title: diamond + m.title, sortDay: m.date, detail: w.day(m.date, year: true)))
    }
    // Layers: what the plan is looked at beside, first in their groups.
    let layerDay = Day(year: 1900, month: 1, day: 1)!
    let layerWord = words.layer
    func shown(_ l: PlanLayer) -> String {
      sanitized(CalendarURL.masked(l.source)) + (l.busy ? words.busy : "")
    }
    let oldLayers = Dictionary(old.layers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for l in new.layers {
      guard let before = oldLayers[l.id] else {
        out.append(Entry(group: .added, title: layerWord + l.name, sortDay: layerDay, detail: shown(l)))
        continue
      }
      if before != l {
        out.append(
          Entry(group: .changed, title: layerWord + l.name, sortDay: layerDay, detail: shown(before) + " → " + shown(l))
        )
      }
    }
    for l in old.layers where !new.layers.contains(where: { $0.id == l.id }) {
      out.append(Entry(group: .deleted, title: layerWord + l.name, sortDay: layerDay, detail: shown(l)))
    }
    entries = out.sorted { ($0.group.rawValue, $0.sortDay, $0.title) < ($1.group.rawValue, $1.sortDay, $1.title) }
  }

  public static func heading(_ g: Group, _ language: Language) -> String { DiffWords(language).heading(g) }

  /// The report's title: "Ändringar i Kulturplan 2022 sedan HEAD~3".
  public static func title(of plan: String, since revision: String?, _ language: Language) -> String {
    DiffWords(language).title(plan, since: revision)
  }

  public enum Format: String, Sendable, CaseIterable { case text, markdown }

  /// The report: a heading per group that has entries, an item a line.
  public func render(title: String, language: Language, format: Format) -> String {
    var lines: [String] = []
    let md = format == .markdown
    lines.append(md ? "# " + markdownEscaped(sanitized(title)) : sanitized(title))
    if entries.isEmpty {
      lines.append("")
      lines.append(DiffWords(language).noChanges)
      return lines.joined(separator: "\n") + "\n"
    }
    for g in Group.allCases {
      let list = entries.filter { $0.group == g }
      if list.isEmpty { continue }
      lines.append("")
      let head = PlanDiff.heading(g, language) + " (\(list.count))"
      lines.append(md ? "## " + head : head)
      if !md { lines.append(String(repeating: "─", count: displayWidth(head))) }
      for e in list {
        if md {
          lines.append("- **" + markdownEscaped(sanitized(e.title)) + "** – " + markdownEscaped(e.detail))
        } else {
          lines.append("  " + sanitized(e.title) + " – " + e.detail)
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
