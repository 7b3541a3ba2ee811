/// Turns a `Plan` into its JSON tree in canonical form: fields that hold
/// their default are left out (except `end`, `status`, `done`, which a reader
/// of the file wants to see), and unknown fields come back as they were read.
enum PlanEncoder {
  static func encode(_ plan: Plan) -> JSONNode {
    var o = plan.extra
    o["format"] = .string(Plan.formatName)
    o["version"] = .int(Plan.formatVersion)
    o["id"] = .string(plan.id)
    o["title"] = .string(plan.title)
    o["language"] = .string(plan.language.rawValue)
    o["timeZone"] = .string(plan.timeZone)
    o["startMonth"] = .int(plan.startMonth)
    if let y = plan.year { o["year"] = .int(y) }
    if let url = plan.calendarURL { o["calendarURL"] = .string(url) }
    if !plan.breaks.isEmpty {
      o["breaks"] = .array(
        plan.breaks.map {
          object(["name": .string($0.name), "start": .string($0.start.iso), "end": .string($0.end.iso)])
        })
    }
    if plan.holidayCalendar != .se { o["holidays"] = .string(plan.holidayCalendar.rawValue) }
    o["themes"] = .array(plan.themes.map(encode))
    o["activities"] = .array(plan.activities.map(encode))
    o["milestones"] = .array(plan.milestones.map(encode))
    if !plan.conflicts.isEmpty { o["conflicts"] = .array(plan.conflicts.map(encode)) }
    return object(o)
  }

  static func encode(_ c: Conflict) -> JSONNode {
    var o: [String: JSONNode] = ["kind": .string(c.kind.rawValue), "id": .string(c.id)]
    if let f = c.field { o["field"] = .string(f) }
    if let v = c.base { o["base"] = v }
    if let v = c.ours { o["ours"] = v }
    if let v = c.theirs { o["theirs"] = v }
    if let v = c.theirLabel { o["theirLabel"] = .string(v) }
    return object(o)
  }

  static func object(_ dict: [String: JSONNode]) -> JSONNode {
    JSONNode(.object(dict.map { JSONMember(key: $0.key, node: $0.value) }))
  }

  static func encode(_ t: Theme) -> JSONNode {
    var o = t.extra
    o["id"] = .string(t.id)
    o["name"] = .string(t.name)
    o["color"] = .string(t.color.description)
    return object(o)
  }

  static func encode(_ a: Activity) -> JSONNode {
    var o = a.extra
    o["id"] = .string(a.id)
    o["title"] = .string(a.title)
    o["theme"] = .string(a.theme)
    o["start"] = .string(a.start.iso)
    o["end"] = .string(a.end.iso)
    o["status"] = .string(a.status.rawValue)
    if let t = a.time {
      var to = t.extra
      to["start"] = .string(t.start.description)
      to["end"] = .string(t.end.description)
      o["time"] = object(to)
    }
    if let r = a.repeatRule { o["repeat"] = encode(r) }
    if let v = a.owner { o["owner"] = .string(v) }
    if let v = a.location { o["location"] = .string(v) }
    if let v = a.notes { o["notes"] = .string(v) }
    if let v = a.uid { o["uid"] = .string(v) }
    if let v = a.source { o["source"] = .string(v) }
    if a.holidayOK { o["holidayOK"] = .bool(true) }
    return object(o)
  }

  static func encode(_ r: Repeat) -> JSONNode {
    var o = r.extra
    o["every"] = .string(r.every.rawValue)
    if r.interval != 1 { o["interval"] = .int(r.interval) }
    if let on = r.on { o["on"] = .string(on.rawValue) }
    switch r.end {
    case .never: break
    case .until(let d): o["until"] = .string(d.iso)
    case .count(let n): o["count"] = .int(n)
    }
    if !r.except.isEmpty { o["except"] = .array(r.except.map { .string($0.iso) }) }
    return object(o)
  }

  static func encode(_ m: Milestone) -> JSONNode {
    var o = m.extra
    o["id"] = .string(m.id)
    o["title"] = .string(m.title)
    o["date"] = .string(m.date.iso)
    o["theme"] = .string(m.theme)
    o["done"] = .bool(m.done)
    if let v = m.notes { o["notes"] = .string(v) }
    if m.deadline { o["deadline"] = .bool(true) }
    return object(o)
  }
}

extension Plan {
  /// The bytes of the plan file for this plan.
  public func fileText() -> String { JSONWriter.write(PlanEncoder.encode(self)) }
}
