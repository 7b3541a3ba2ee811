/// What is worth a second look before the invitations go out, though the
/// plan is valid: an activity on a public holiday, an eve or in one of the
/// plan's breaks (unless it says it is meant to be, `holidayOK`); two timed
/// activities of one person at the same time; an activity still running
/// past a deadline milestone of its theme.
public struct PlanWarning: Sendable, Equatable {
  public var kind: Conflict.Kind
  public var id: String
  public var message: String
}

public enum PlanWarnings {
  /// The days looked at: the plan's planning year.
  public static func find(_ plan: Plan, in range: DayRange) -> [PlanWarning] {
    let calendar = PlanCalendar(plan)
    let w = Wording(plan.language)
    let sv = plan.language == .sv
    var out: [PlanWarning] = []
    // Holidays, eves and breaks.
    for a in plan.activities where !a.holidayOK && a.status != .cancelled {
      var hits: [String] = []
      var breaks: [String] = []
      a.forEachOccurrence(in: range) { occ in
        for day in (occ.start == occ.end ? [occ.start] : [occ.start, occ.end]) {
          if let h = calendar.holiday(day), !hits.contains(where: { $0.hasSuffix(w.day(day, year: true)) }) {
            hits.append("\(h.name.lowercased()) \(w.day(day, year: true))")
          }
        }
        if let b = plan.breaks.first(where: { $0.start <= occ.end && occ.start <= $0.end }) {
          let text = "\(b.name) (\(w.range(max(occ.start, b.start), min(occ.end, b.end))))"
          if !breaks.contains(text) { breaks.append(text) }
        }
      }
      if !hits.isEmpty {
        out.append(
          PlanWarning(
            kind: .activity, id: a.id,
            message: "\(quoted(a.title)) \(sv ? "infaller på en helgdag" : "falls on a holiday"): "
              + list(hits, sv)
              + (sv ? " (\"holidayOK\": true om det är meningen)" : " (\"holidayOK\": true if that is meant)")))
      }
      if !breaks.isEmpty {
        out.append(
          PlanWarning(
            kind: .activity, id: a.id,
            message: "\(quoted(a.title)) \(sv ? "infaller under ett uppehåll" : "falls in a break"): "
              + list(breaks, sv)))
      }
    }
    for m in plan.milestones where range.contains(m.date) {
      if let h = calendar.holiday(m.date) {
        out.append(
          PlanWarning(
            kind: .milestone, id: m.id,
            message:
              "\(quoted(m.title)) \(sv ? "infaller på en helgdag" : "falls on a holiday"): \(h.name.lowercased()) \(w.day(m.date, year: true))"
          ))
      }
    }
    // One person at two timed activities at once.
    struct Slot {
      var person: String
      var day: Day
      var start: Int
      var end: Int
      var index: Int
    }
    var slots: [Slot] = []
    for (i, a) in plan.activities.enumerated() where a.status != .cancelled {
      guard let t = a.time, let owner = a.owner else { continue }
      let people = owners(owner)
      a.forEachOccurrence(in: range) { occ in
        for p in people {
          slots.append(Slot(person: p, day: occ.start, start: t.start.minutes, end: t.end.minutes, index: i))
        }
      }
    }
    slots.sort { ($0.person, $0.day, $0.start) < ($1.person, $1.day, $1.start) }
    var reported: [String: (first: Day, count: Int, person: String)] = [:]
    var order: [String] = []
    var open: [Slot] = []
    for s in slots {
      open.removeAll { $0.person != s.person || $0.day != s.day || $0.end <= s.start }
      for o in open where o.index != s.index {
        let (x, y) = (min(o.index, s.index), max(o.index, s.index))
        let key = "\(x)-\(y)-\(s.person)"
        if reported[key] == nil {
          reported[key] = (s.day, 0, s.person)
          order.append(key)
        }
        reported[key]!.count += 1
      }
      open.append(s)
    }
    for key in order {
      let parts = key.split(separator: "-")
      let (x, y) = (Int(parts[0])!, Int(parts[1])!)
      let r = reported[key]!
      let a = plan.activities[x]
      let b = plan.activities[y]
      let more = r.count > 1 ? (sv ? " och \(r.count - 1) gång(er) till" : " and \(r.count - 1) more time(s)") : ""
      out.append(
        PlanWarning(
          kind: .activity, id: b.id,
          message:
            "\(r.person) \(sv ? "är dubbelbokad" : "is booked twice"): \(quoted(a.title)) \(sv ? "och" : "and") \(quoted(b.title)) \(sv ? "samtidigt" : "at the same time") \(w.day(r.first, year: true))\(more)"
        ))
    }
    // Deadlines.
    for m in plan.milestones where m.deadline {
      for a in plan.activities where a.theme == m.theme && a.status != .cancelled {
        var past: Occurrence?
        a.forEachOccurrence(in: DayRange(from: m.date - 400, to: m.date)) { occ in
          if occ.start <= m.date && occ.end > m.date { past = occ }
        }
        if let occ = past {
          out.append(
            PlanWarning(
              kind: .activity, id: a.id,
              message:
                "\(quoted(a.title)) (\(w.range(occ.start, occ.end))) \(sv ? "pågår efter deadline" : "runs past the deadline") \(quoted(m.title)) \(w.day(m.date, year: true))"
            ))
        }
      }
    }
    return out
  }

  /// "Elin Selig, Marie Anstadius" and "Elin och Marie" are two people.
  public static func owners(_ s: String) -> [String] {
    s.replacingOccurrences(of: " och ", with: ",").replacingOccurrences(of: " and ", with: ",").replacingOccurrences(
      of: "&", with: ","
    ).split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
  }

  static func list(_ items: [String], _ sv: Bool) -> String {
    let shown = items.prefix(4).joined(separator: ", ")
    return items.count > 4 ? shown + (sv ? " och \(items.count - 4) till" : " and \(items.count - 4) more") : shown
  }
}

/// Where each item stands in a plan file, for warnings with file:line:col.
public enum PlanPositions {
  public static func of(_ bytes: [UInt8]) -> [String: SourcePosition] {
    guard let root = try? JSONParser.parse(bytes), let top = root.members else { return [:] }
    var out: [String: SourcePosition] = [:]
    for key in ["activities", "milestones"] {
      guard case .array(let items)? = top[key]?.value else { continue }
      for node in items {
        if case .string(let id)? = node.members?["id"]?.value { out[id] = node.position }
      }
    }
    return out
  }
}
