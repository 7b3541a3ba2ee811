/// Turns a `Plan` into its JSON tree in canonical form: fields that hold
/// their default are left out (except `end`, `status`, `done`, which a reader
/// of the file wants to see), and unknown fields come back as they were read.
package enum PlanEncoder {
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
    if !plan.layers.isEmpty { o["layers"] = .array(plan.layers.map(encode)) }
    if plan.holidayCalendar != .se { o["holidays"] = .string(plan.holidayCalendar.rawValue) }
    o["themes"] = .array(plan.themes.map(encode))
    o["activities"] = .array(items ? plan.activities.map(encode) : [])
    o["milestones"] = .array(items ? plan.milestones.map(encode) : [])
    if !plan.conflicts.isEmpty { o["conflicts"] = .array(plan.conflicts.map(encode)) }
    return object(o)
  }

  static func encode(_ l: PlanLayer) -> JSONNode {
    var o = l.extra
    o["id"] = .string(l.id)
    o["name"] = .string(l.name)
    o["source"] = .string(l.source)
    if l.busy { o["busy"] = .bool(true) }
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

  /// An activity's fields in key order, defaults left out: the one
  /// description of its canonical form, which the tree (merges, sync) and
  /// the file writer both follow.
  static func fields<Sink: FieldSink>(_ a: Activity, into o: inout Sink) {
    o.string("end", a.end.iso)
    if a.holidayOK { o.bool("holidayOK", true) }
    o.string("id", a.id)
    if let v = a.location { o.string("location", v) }
    if let v = a.notes { o.string("notes", v) }
    if let v = a.owner { o.string("owner", v) }
    if let r = a.repeatRule {
      o.object("repeat", extra: r.extra) { o in
        if case .count(let n) = r.end { o.int("count", n) }
        o.string("every", r.every.rawValue)
        if !r.except.isEmpty { o.strings("except", r.except.map(\.iso)) }
        if r.interval != 1 { o.int("interval", r.interval) }
        if let on = r.on { o.string("on", on.rawValue) }
        if case .until(let d) = r.end { o.string("until", d.iso) }
      }
    }
    if let v = a.source { o.string("source", v) }
    o.string("start", a.start.iso)
    o.string("status", a.status.rawValue)
    o.string("theme", a.theme)
    if let t = a.time {
      o.object("time", extra: t.extra) { o in
        o.string("end", t.end.description)
        o.string("start", t.start.description)
      }
    }
    o.string("title", a.title)
    if let v = a.uid { o.string("uid", v) }
  }

  static func fields<Sink: FieldSink>(_ m: Milestone, into o: inout Sink) {
    o.string("date", m.date.iso)
    if m.deadline { o.bool("deadline", true) }
    o.bool("done", m.done)
    o.string("id", m.id)
    if let v = m.notes { o.string("notes", v) }
    o.string("theme", m.theme)
    o.string("title", m.title)
  }

  package static func encode(_ a: Activity) -> JSONNode {
    var o = TreeSink(extra: a.extra)
    fields(a, into: &o)
    return o.node
  }

  package static func encode(_ m: Milestone) -> JSONNode {
    var o = TreeSink(extra: m.extra)
    fields(m, into: &o)
    return o.node
  }

  /// The item as the file has it, written straight from the model (an item
  /// with unknown fields goes through its tree, to sort them in).
  static func write(_ a: Activity, indent: Int, into out: inout [UInt8]) {
    let unknown =
      !a.extra.isEmpty || a.time.map { !$0.extra.isEmpty } == true
      || a.repeatRule.map { !$0.extra.isEmpty } == true
    guard !unknown else { return JSONWriter.emit(encode(a).value, indent: indent, into: &out) }
    var o = ByteSink(indent: indent, out: out)
    out = []
    fields(a, into: &o)
    out = o.finish()
  }

  static func write(_ m: Milestone, indent: Int, into out: inout [UInt8]) {
    guard m.extra.isEmpty else { return JSONWriter.emit(encode(m).value, indent: indent, into: &out) }
    var o = ByteSink(indent: indent, out: out)
    out = []
    fields(m, into: &o)
    out = o.finish()
  }
}

/// Where an item's fields go: a tree or the file's bytes.
protocol FieldSink {
  mutating func string(_ key: String, _ value: String)
  mutating func int(_ key: String, _ value: Int)
  mutating func bool(_ key: String, _ value: Bool)
  mutating func strings(_ key: String, _ value: [String])
  mutating func object(_ key: String, extra: [String: JSONNode], _ fill: (inout Self) -> Void)
}

/// Fields into a tree, unknown fields merged in key order.
struct TreeSink: FieldSink {
  var members: PlanEncoder.Members

  init(extra: [String: JSONNode]) { members = PlanEncoder.Members(extra: extra, capacity: 14) }

  var node: JSONNode { members.node }

  mutating func string(_ key: String, _ value: String) { members.set(key, .string(value)) }
  mutating func int(_ key: String, _ value: Int) { members.set(key, .int(value)) }
  mutating func bool(_ key: String, _ value: Bool) { members.set(key, .bool(value)) }
  mutating func strings(_ key: String, _ value: [String]) { members.set(key, .array(value.map { .string($0) })) }
  mutating func object(_ key: String, extra: [String: JSONNode], _ fill: (inout TreeSink) -> Void) {
    var inner = TreeSink(extra: extra)
    fill(&inner)
    members.set(key, inner.node)
  }
}

/// Fields straight into the file's bytes, as JSONWriter lays out an object
/// (the fields come in key order).
struct ByteSink: FieldSink {
  let indent: Int
  private var out: [UInt8]
  private var first = true

  init(indent: Int, out: [UInt8]) {
    self.indent = indent
    self.out = out
  }

  private mutating func key(_ key: String) {
    out.append(contentsOf: first ? "{\n".utf8 : ",\n".utf8)
    first = false
    JSONWriter.pad(indent + 1, into: &out)
    JSONWriter.quote(key, into: &out)
    out.append(contentsOf: ": ".utf8)
  }

  mutating func string(_ key: String, _ value: String) {
    self.key(key)
    JSONWriter.quote(value, into: &out)
  }

  mutating func int(_ key: String, _ value: Int) {
    self.key(key)
    out.append(contentsOf: String(value).utf8)
  }

  mutating func bool(_ key: String, _ value: Bool) {
    self.key(key)
    out.append(contentsOf: (value ? "true" : "false").utf8)
  }

  mutating func strings(_ key: String, _ value: [String]) {
    self.key(key)
    JSONWriter.emit(.array(value.map { .string($0) }), indent: indent + 1, into: &out)
  }

  /// Only for objects without unknown fields (`PlanEncoder.write` sends
  /// the others through their tree).
  mutating func object(_ key: String, extra: [String: JSONNode], _ fill: (inout ByteSink) -> Void) {
    self.key(key)
    var inner = ByteSink(indent: indent + 1, out: out)
    out = []
    fill(&inner)
    out = inner.finish()
  }

  /// The bytes with the object closed (`{}` when it had no field).
  mutating func finish() -> [UInt8] {
    if first {
      out.append(contentsOf: "{}".utf8)
    } else {
      out.append(0x0A)
      JSONWriter.pad(indent, into: &out)
      out.append(UInt8(ascii: "}"))
    }
    return out
  }
}

extension Plan {
  /// The bytes of the plan file for this plan.
  public func fileText() -> String { String(decoding: fileBytes(), as: UTF8.self) }

  /// The same as bytes, as they are written: activities and milestones
  /// straight from the model, not through the whole plan's tree.
  public func fileBytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(fileCapacity)
    write(indent: 0, into: &out)
    out.append(0x0A)
    return out
  }

  /// The file, handed to `out` a piece at a time as it is written (the
  /// same bytes as `fileBytes`).
  public func writeFile(into out: PieceOutput) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(PieceOutput.pieceSize * 2)
    write(indent: 0, into: &bytes) { full in
      out.append(bytes: full)
      full.removeAll(keepingCapacity: true)
    }
    bytes.append(0x0A)
    out.append(bytes: bytes)
    out.finish()
  }

  /// A guess of the file's size, to make room once.
  var fileCapacity: Int { 4096 + activities.count * 320 + milestones.count * 220 }

  /// The plan's object at an indent (the file's, or a journal's "plan").
  /// With `handOn`, the bytes so far are given to it whenever they reach a
  /// piece's size (it empties them).
  func write(indent: Int, into out: inout [UInt8], handOn: ((inout [UInt8]) -> Void)? = nil) {
    let activities = activities
    let milestones = milestones
    func item(_ write: @escaping (Int, Int, inout [UInt8]) -> Void) -> (Int, Int, inout [UInt8]) -> Void {
      guard let handOn else { return write }
      return { i, indent, out in
        write(i, indent, &out)
        if out.count >= PieceOutput.pieceSize { handOn(&out) }
      }
    }
    JSONWriter.write(
      PlanEncoder.encode(self, items: false),
      streams: [
        "activities": .init(
          count: activities.count, element: item { PlanEncoder.write(activities[$0], indent: $1, into: &$2) }),
        "milestones": .init(
          count: milestones.count, element: item { PlanEncoder.write(milestones[$0], indent: $1, into: &$2) }),
      ], indent: indent, into: &out)
  }
}
