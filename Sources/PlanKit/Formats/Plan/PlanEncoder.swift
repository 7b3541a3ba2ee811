/// Turns a `Plan` into its JSON tree in canonical form: fields that hold
/// their default are left out (except `end`, `status`, `done`, which a reader
/// of the file wants to see), and unknown fields come back as they were read.
enum PlanEncoder {
  static func encode(_ plan: Plan) -> JSONNode { encode(plan, items: true) }

  /// Without `items`, the activities and milestones are left empty (the
  /// file writer streams them).
  static func encode(_ plan: Plan, items: Bool) -> JSONNode {
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
    o["activities"] = .array(items ? plan.activities.map(encode) : [])
    o["milestones"] = .array(items ? plan.milestones.map(encode) : [])
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

  /// An object's members in key order without a dictionary: the known
  /// keys are added in order, unknown fields (rare) are merged and sorted.
  struct Members {
    var list: [JSONMember] = []
    let extra: [String: JSONNode]

    init(extra: [String: JSONNode], capacity: Int) {
      self.extra = extra
      list.reserveCapacity(capacity + extra.count)
    }

    mutating func set(_ key: String, _ node: JSONNode) { list.append(JSONMember(key: key, node: node)) }

    var node: JSONNode {
      var all = list
      if !extra.isEmpty {
        let known = Set(list.map(\.key))
        all += extra.filter { !known.contains($0.key) }.map { JSONMember(key: $0.key, node: $0.value) }
      }
      if !JSONWriter.isSorted(all) { all.sort { JSONWriter.precedes($0.key, $1.key) } }
      return JSONNode(.object(all))
    }
  }

  static func encode(_ t: Theme) -> JSONNode {
    var o = Members(extra: t.extra, capacity: 3)
    o.set("color", .string(t.color.description))
    o.set("id", .string(t.id))
    o.set("name", .string(t.name))
    return o.node
  }

  static func encode(_ a: Activity) -> JSONNode {
    var o = Members(extra: a.extra, capacity: 14)
    o.set("end", .string(a.end.iso))
    if a.holidayOK { o.set("holidayOK", .bool(true)) }
    o.set("id", .string(a.id))
    if let v = a.location { o.set("location", .string(v)) }
    if let v = a.notes { o.set("notes", .string(v)) }
    if let v = a.owner { o.set("owner", .string(v)) }
    if let r = a.repeatRule { o.set("repeat", encode(r)) }
    if let v = a.source { o.set("source", .string(v)) }
    o.set("start", .string(a.start.iso))
    o.set("status", .string(a.status.rawValue))
    o.set("theme", .string(a.theme))
    if let t = a.time {
      var to = Members(extra: t.extra, capacity: 2)
      to.set("end", .string(t.end.description))
      to.set("start", .string(t.start.description))
      o.set("time", to.node)
    }
    o.set("title", .string(a.title))
    if let v = a.uid { o.set("uid", .string(v)) }
    return o.node
  }

  static func encode(_ r: Repeat) -> JSONNode {
    var o = Members(extra: r.extra, capacity: 6)
    if case .count(let n) = r.end { o.set("count", .int(n)) }
    o.set("every", .string(r.every.rawValue))
    if !r.except.isEmpty { o.set("except", .array(r.except.map { .string($0.iso) })) }
    if r.interval != 1 { o.set("interval", .int(r.interval)) }
    if let on = r.on { o.set("on", .string(on.rawValue)) }
    if case .until(let d) = r.end { o.set("until", .string(d.iso)) }
    return o.node
  }

  static func encode(_ m: Milestone) -> JSONNode {
    var o = Members(extra: m.extra, capacity: 7)
    o.set("date", .string(m.date.iso))
    if m.deadline { o.set("deadline", .bool(true)) }
    o.set("done", .bool(m.done))
    o.set("id", .string(m.id))
    if let v = m.notes { o.set("notes", .string(v)) }
    o.set("theme", .string(m.theme))
    o.set("title", .string(m.title))
    return o.node
  }
}

extension Plan {
  /// The bytes of the plan file for this plan.
  public func fileText() -> String { String(decoding: fileBytes(), as: UTF8.self) }

  /// The same as bytes, as they are written: each activity's tree made and
  /// written in turn, not the whole plan's tree at once.
  public func fileBytes() -> [UInt8] {
    let activities = activities
    let milestones = milestones
    return JSONWriter.bytes(
      PlanEncoder.encode(self, items: false),
      streams: [
        "activities": .init(count: activities.count) { PlanEncoder.encode(activities[$0]) },
        "milestones": .init(count: milestones.count) { PlanEncoder.encode(milestones[$0]) },
      ], capacity: 4096 + activities.count * 320 + milestones.count * 220)
  }
}
