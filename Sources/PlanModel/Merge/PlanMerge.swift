/// The three-way merge of plans, by item id and by field (the git merge
/// driver's and the calendar sync's). It works on the plan file's JSON, so
/// unknown fields take part like known ones and nothing is lost: a field
/// changed on one side only takes that change; changed alike on both, it
/// takes it once; changed differently, it keeps our value and records a
/// `Conflict`. Items added on either side are kept; deleted on one side and
/// untouched on the other, deleted; deleted against changed, a conflict.
/// A merged item that would break the plan's rules (an end before its start
/// made of two fine edits) is not written: it keeps our version, and each
/// field their side changed becomes a conflict.
public enum PlanMerge {
  public struct Result: Sendable {
    public var plan: Plan
    public var conflicts: [Conflict] { plan.conflicts }
    public var isClean: Bool { plan.conflicts.isEmpty }
  }

  /// The collections merged by id, in the order they are written.
  static let collections: [(key: String, kind: Conflict.Kind)] = [
    ("themes", .theme), ("activities", .activity), ("milestones", .milestone), ("layers", .layer),
  ]

  /// Fields of the plan that are not merged as values.
  static let structural: Set<String> = [
    "format", "version", "themes", "activities", "milestones", "layers", "conflicts",
  ]

  public static func merge(base: Plan, ours: Plan, theirs: Plan, theirLabel: String? = nil) -> Result {
    let b = PlanEncoder.encode(base).members ?? [:]
    let o = PlanEncoder.encode(ours).members ?? [:]
    let t = PlanEncoder.encode(theirs).members ?? [:]
    var conflicts: [Conflict] = []
    var out: [String: JSONNode] = [:]

    // The plan's own fields, as one item.
    let planKeys = Set(b.keys).union(o.keys).union(t.keys).subtracting(structural)
    for key in planKeys.sorted() {
      if let v = mergeField(
        key, b[key], o[key], t[key], kind: .plan, id: "", into: &conflicts, theirLabel: theirLabel)
      {
        out[key] = v
      }
    }
    out["format"] = o["format"]
    out["version"] = o["version"]

    for (key, kind) in collections {
      let items = mergeItems(
        base: b[key], ours: o[key], theirs: t[key], kind: kind, into: &conflicts, theirLabel: theirLabel)
      out[key] = .array(items)
    }
    // A theme one side removed while the other put an item in it stays, as one question.
    keepThemesInUse(&out, base: b, ours: o, theirs: t, conflicts: &conflicts, theirLabel: theirLabel)
    // Items whose mix of both sides breaks a rule: ours, and their changes as conflicts.
    repair(&out, base: b, ours: o, theirs: t, conflicts: &conflicts, theirLabel: theirLabel)
    guard var merged = decodeOrNil(out) else {
      // Still wrong as a whole: our plan as it was, their whole plan beside it.
      var mine = ours
      mine.conflicts = conflicts
      return Result(plan: keepingWhole(base: base, ours: mine, theirs: theirs, theirLabel: theirLabel))
    }
    merged.conflicts = conflicts
    return Result(plan: merged)
  }

  /// Ours as it is, its own open conflicts included, with their whole plan
  /// recorded beside it as one conflict: for a merge that cannot go field
  /// by field (a side that still carries conflicts, a result that breaks
  /// the plan's rules). Nothing of either side is lost.
  public static func keepingWhole(base: Plan, ours: Plan, theirs: Plan, theirLabel: String?) -> Plan {
    var kept = ours
    kept.conflicts.append(
      Conflict(
        kind: .plan, id: "", field: nil, base: PlanEncoder.encode(base), ours: nil,
        theirs: PlanEncoder.encode(theirs), theirLabel: theirLabel))
    return kept
  }

  /// One activity's or milestone's three-way merge by field (a sync, where
  /// one calendar event meets one item), by the same rules as a whole plan:
  /// merged as plans that hold only that item, with this plan's themes and
  /// settings, so an item the mix breaks goes back to ours with conflicts.
  public static func mergeItem(
    base: JSONNode?, ours: JSONNode?, theirs: JSONNode?, kind: Conflict.Kind, in plan: Plan, theirLabel: String?
  ) -> (item: JSONNode?, conflicts: [Conflict]) {
    let themes = Set(plan.themes.map(\.id))
    func holding(_ node: JSONNode?) -> Plan {
      var p = plan
      p.conflicts = []
      p.activities = []
      p.milestones = []
      guard let node else { return p }
      if kind == .activity, let a = TreeDecoder.activity(tree: node, themes: themes) { p.activities = [a] }
      if kind == .milestone, let m = TreeDecoder.milestone(tree: node, themes: themes) { p.milestones = [m] }
      return p
    }
    let result = merge(base: holding(base), ours: holding(ours), theirs: holding(theirs), theirLabel: theirLabel)
    let item: JSONNode? =
      kind == .activity
      ? result.plan.activities.first.map(PlanEncoder.encode) : result.plan.milestones.first.map(PlanEncoder.encode)
    return (item, result.conflicts)
  }

  static func decodeOrNil(_ members: [String: JSONNode]) -> Plan? {
    TreeDecoder.decode(tree: PlanEncoder.object(members)).plan
  }

  static func id(of node: JSONNode) -> String? {
    if case .string(let s)? = node.members?["id"]?.value { return s }
    return nil
  }

  /// One collection: ours' order, then what only they added, in their order.
  static func mergeItems(
    base: JSONNode?, ours: JSONNode?, theirs: JSONNode?, kind: Conflict.Kind, into conflicts: inout [Conflict],
    theirLabel: String?
  ) -> [JSONNode] {
    func list(_ n: JSONNode?) -> [JSONNode] {
      if case .array(let a)? = n?.value { return a }
      return []
    }
    func byID(_ items: [JSONNode]) -> [String: JSONNode] {
      var out: [String: JSONNode] = [:]
      for item in items { if let id = id(of: item) { out[id] = item } }
      return out
    }
    let (b, o, t) = (byID(list(base)), byID(list(ours)), byID(list(theirs)))
    var order = list(ours).compactMap(id(of:))
    for item in list(theirs) { if let id = id(of: item), o[id] == nil, b[id] == nil { order.append(id) } }
    // Deleted by us but changed by them: it stays out (our value), but is
    // recorded; it has no place in the order, so it is handled here.
    for id in b.keys.sorted() where o[id] == nil && t[id] != nil && !t[id]!.sameValue(b[id]!) {
      conflicts.append(
        Conflict(kind: kind, id: id, field: nil, base: b[id], ours: nil, theirs: t[id], theirLabel: theirLabel))
    }
    var out: [JSONNode] = []
    for id in order {
      let (bi, oi, ti) = (b[id], o[id], t[id])
      guard let oi else { continue }
      if let ti {
        out.append(mergeObject(bi, oi, ti, kind: kind, id: id, path: "", into: &conflicts, theirLabel: theirLabel))
      } else if bi == nil {
        out.append(oi)  // ours alone added it
      } else if bi!.sameValue(oi) {
        continue  // they deleted it, we did not touch it
      } else {
        // We changed what they deleted: keep ours, record it.
        conflicts.append(
          Conflict(kind: kind, id: id, field: nil, base: bi, ours: oi, theirs: nil, theirLabel: theirLabel))
        out.append(oi)
      }
    }
    // Added by them alone.
    for id in order where o[id] == nil {
      if let ti = t[id], b[id] == nil { out.append(ti) }
    }
    return out
  }

  /// Objects field by field (recursively into nested objects such as `time`
  /// and `repeat`); anything else is one value.
  static func mergeObject(
    _ base: JSONNode?, _ ours: JSONNode, _ theirs: JSONNode, kind: Conflict.Kind, id: String, path: String,
    into conflicts: inout [Conflict], theirLabel: String?
  ) -> JSONNode {
    if ours.sameValue(theirs) { return ours }
    guard let o = ours.members, let t = theirs.members else {
      return mergeField(path, base, ours, theirs, kind: kind, id: id, into: &conflicts, theirLabel: theirLabel) ?? ours
    }
    let b = base?.members ?? [:]
    var out: [String: JSONNode] = [:]
    for key in Set(o.keys).union(t.keys).union(b.keys).sorted() {
      let field = path.isEmpty ? key : path + "." + key
      if let v = mergeField(field, b[key], o[key], t[key], kind: kind, id: id, into: &conflicts, theirLabel: theirLabel)
      {
        out[key] = v
      }
    }
    return PlanEncoder.object(out)
  }

  /// One field: nil when the result is that it is absent.
  static func mergeField(
    _ field: String, _ base: JSONNode?, _ ours: JSONNode?, _ theirs: JSONNode?, kind: Conflict.Kind, id: String,
    into conflicts: inout [Conflict], theirLabel: String?
  ) -> JSONNode? {
    if JSONNode.same(ours, theirs) { return ours }
    if JSONNode.same(ours, base) { return theirs }
    if JSONNode.same(theirs, base) { return ours }
    if let o = ours, let t = theirs, o.members != nil, t.members != nil {
      return mergeObject(
        base, o, t, kind: kind, id: id, path: field, into: &conflicts, theirLabel: theirLabel)
    }
    conflicts.append(
      Conflict(kind: kind, id: id, field: field, base: base, ours: ours, theirs: theirs, theirLabel: theirLabel))
    return ours
  }

  /// A theme removed on one side while the other side added or moved an
  /// activity or milestone into it: the theme is put back where the side
  /// that kept it had it, so nothing is lost, and one conflict about the
  /// theme is recorded (keep the theme, or move the items and remove it).
  static func keepThemesInUse(
    _ out: inout [String: JSONNode], base: [String: JSONNode], ours: [String: JSONNode],
    theirs: [String: JSONNode], conflicts: inout [Conflict], theirLabel: String?
  ) {
    func list(_ n: JSONNode?) -> [JSONNode] {
      if case .array(let a)? = n?.value { return a }
      return []
    }
    var themes = list(out["themes"])
    let present = Set(themes.compactMap(id(of:)))
    var used: Set<String> = []
    for key in ["activities", "milestones"] {
      for item in list(out[key]) {
        if case .string(let theme)? = item.members?["theme"]?.value { used.insert(theme) }
      }
    }
    for side in [ours, theirs] {
      for (index, theme) in list(side["themes"]).enumerated() {
        guard let themeID = id(of: theme), used.contains(themeID), !present.contains(themeID),
          !themes.contains(where: { id(of: $0) == themeID })
        else { continue }
        themes.insert(theme, at: min(index, themes.count))
        let baseTheme = list(base["themes"]).first { id(of: $0) == themeID }
        let inOurs = list(ours["themes"]).first { id(of: $0) == themeID }
        let inTheirs = list(theirs["themes"]).first { id(of: $0) == themeID }
        conflicts.removeAll { $0.kind == .theme && $0.id == themeID }
        conflicts.append(
          Conflict(
            kind: .theme, id: themeID, field: nil, base: baseTheme, ours: inOurs, theirs: inTheirs,
            theirLabel: theirLabel))
      }
    }
    out["themes"] = .array(themes)
  }

  /// Puts back our version of any item the merge left breaking a rule (or
  /// drops it, when it was theirs alone), and records their side's changes to
  /// it as conflicts. An item is checked in a plan of its own with the merged
  /// themes, and against ids the other collection holds.
  static func repair(
    _ out: inout [String: JSONNode], base: [String: JSONNode], ours: [String: JSONNode], theirs: [String: JSONNode],
    conflicts: inout [Conflict], theirLabel: String?
  ) {
    guard decodeOrNil(out) == nil else { return }
    func list(_ n: JSONNode?) -> [JSONNode] {
      if case .array(let a)? = n?.value { return a }
      return []
    }
    func find(_ n: JSONNode?, _ id: String) -> JSONNode? { list(n).first { PlanMerge.id(of: $0) == id } }
    var idsSeen: [String: String] = [:]
    for (key, kind) in collections where key != "themes" {
      var kept: [JSONNode] = []
      for item in list(out[key]) {
        guard let id = id(of: item) else { continue }
        var alone = out
        for (other, _) in collections where other != "themes" { alone[other] = .array([]) }
        alone[key] = .array([item])
        // Activities and milestones share one set of ids; layers have their own.
        let clash = key != "layers" && idsSeen[id] != nil && idsSeen[id] != key
        if !clash && decodeOrNil(alone) != nil {
          kept.append(item)
          idsSeen[id] = key
          continue
        }
        let mine = find(ours[key], id)
        record(
          kind: kind, id: id, base: find(base[key], id), ours: mine, theirs: find(theirs[key], id), into: &conflicts,
          theirLabel: theirLabel)
        if let mine {
          kept.append(mine)
          idsSeen[id] = key
        }
      }
      out[key] = .array(kept)
    }
  }

  /// Their changes to one item, field by field against ours, as conflicts
  /// (or the whole item when it is new or gone on one side).
  static func record(
    kind: Conflict.Kind, id: String, base: JSONNode?, ours: JSONNode?, theirs: JSONNode?,
    into conflicts: inout [Conflict], theirLabel: String?
  ) {
    conflicts.removeAll { $0.kind == kind && $0.id == id }
    guard let o = ours?.members, let t = theirs?.members else {
      conflicts.append(
        Conflict(kind: kind, id: id, field: nil, base: base, ours: ours, theirs: theirs, theirLabel: theirLabel))
      return
    }
    let b = base?.members ?? [:]
    for key in Set(o.keys).union(t.keys).sorted() where !JSONNode.same(o[key], t[key]) {
      conflicts.append(
        Conflict(kind: kind, id: id, field: key, base: b[key], ours: o[key], theirs: t[key], theirLabel: theirLabel))
    }
  }
}
