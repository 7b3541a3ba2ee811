import PlanModel

/// A plan as one line per item, sorted by date: what `git log -p` and
/// `git diff` show through the `arshjul` textconv, so the history of a plan
/// reads like a change log instead of JSON braces.
public enum LineForm {
  public static func render(_ plan: Plan) -> String {
    let w = Wording(plan.language)
    var head: [String] = []
    head.append(
      "\(w.planWord) \(sanitized(plan.title)) (\(plan.id), \(plan.language.rawValue), \(plan.timeZone), \(w.startMonthWord) \(plan.startMonth))"
    )
    if let url = plan.calendarURL {
      head.append("\(w.calendarWord) \(sanitized(CalendarURL.masked(url)))")
    }
    for (i, t) in plan.themes.enumerated() {
      head.append(
        "\(ItemField.theme.name(plan.language)) \(i + 1) \(t.id): \(sanitized(t.name)) [\(t.color.description)]")
    }
    var items: [(Day, String, String)] = []
    for a in plan.activities {
      var parts = [a.start.iso, sanitized(a.title), "–", w.rangeWithYear(a.start, a.end)]
      if let t = a.time { parts.append(w.time(t)) }
      var line = parts.joined(separator: " ")
      if let r = w.rule(a) { line += ", " + r }
      line += " [" + sanitized(plan.theme(a.theme)?.name ?? a.theme) + "]"
      if a.status != .planned { line += " " + w.status(a.status) }
      if let o = a.owner { line += " · " + ItemField.owner.name(plan.language) + " " + sanitized(o) }
      if let l = a.location { line += " · " + ItemField.location.name(plan.language) + " " + sanitized(l) }
      if let n = a.notes { line += " · " + ItemField.notes.name(plan.language) + ": " + sanitized(n) }
      line += " (\(a.id))"
      items.append((a.start, a.id, line))
    }
    for m in plan.milestones {
      var line = "\(m.date.iso) ◆ \(sanitized(m.title)) – \(w.day(m.date, year: true))"
      line += " [" + sanitized(plan.theme(m.theme)?.name ?? m.theme) + "] " + w.milestoneState(m.done)
      if let n = m.notes { line += " · " + ItemField.notes.name(plan.language) + ": " + sanitized(n) }
      line += " (\(m.id))"
      items.append((m.date, m.id, line))
    }
    items.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    var lines = head + items.map(\.2)
    let cw = ConflictWording(plan)
    for c in plan.conflicts { lines.append(w.conflictMark + " " + cw.line(c)) }
    return lines.joined(separator: "\n") + "\n"
  }
}
