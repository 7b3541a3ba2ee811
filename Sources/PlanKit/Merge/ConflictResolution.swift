extension Plan {
  /// The plan with conflict `index` settled: `.ours` keeps the value the plan
  /// holds, `.theirs` puts their value in its place. Throws the plan's
  /// problems when their value does not fit what else is in the item now
  /// (then the planner edits the item instead).
  public func resolving(_ index: Int, take side: Conflict.Side) throws(PlanProblems) -> Plan {
    try resolving([index], take: side)
  }

  /// Several conflicts settled the same way at once (their start and their
  /// end together, when one without the other would end before it starts).
  public func resolving(_ indices: [Int], take side: Conflict.Side) throws(PlanProblems) -> Plan {
    let chosen = Set(indices)
    let rest = conflicts.enumerated().filter { !chosen.contains($0.offset) }.map(\.element)
    let chosenConflicts = indices.sorted().map { conflicts[$0] }
    // A theme removed on one side with items in it on the other: removing
    // it waits until its items are moved.
    for c in chosenConflicts where c.kind == .theme && c.field == nil && (side == .ours ? c.ours : c.theirs) == nil {
      let inIt =
        activities.filter { $0.theme == c.id }.map(\.title) + milestones.filter { $0.theme == c.id }.map(\.title)
      if !inIt.isEmpty {
        throw PlanProblems(problems: [
          Problem(
            "theme \(quoted(c.id)) still has \(inIt.map { quoted($0) }.joined(separator: ", ")); "
              + "move \(inIt.count == 1 ? "it" : "them") to another theme first, or keep the theme")
        ])
      }
    }
    guard side == .theirs else {
      var plan = self
      plan.conflicts = rest
      // Ours removed a theme the merge kept for their items: now it goes.
      for c in chosenConflicts where c.kind == .theme && c.field == nil && c.ours == nil {
        plan.themes.removeAll { $0.id == c.id }
      }
      return plan
    }
    var root = PlanEncoder.encode(self).members ?? [:]
    root["conflicts"] = nil
    for c in chosenConflicts {
      if c.kind == .plan {
        if let field = c.field {
          root[field] = c.theirs
        } else if let whole = c.theirs?.members {
          root = whole
        }
        continue
      }
      guard let key = PlanMerge.collections.first(where: { $0.kind == c.kind })?.key else { continue }
      var items: [JSONNode] = []
      if case .array(let list)? = root[key]?.value { items = list }
      let at = items.firstIndex { PlanMerge.id(of: $0) == c.id }
      if let field = c.field {
        guard let at, var item = items[at].members else {
          throw PlanProblems(problems: [Problem("\(c.kind.rawValue) \(quoted(c.id)) is no longer in the plan")])
        }
        Plan.set(&item, path: field.split(separator: ".").map(String.init), to: c.theirs)
        items[at] = PlanEncoder.object(item)
      } else if let theirs = c.theirs {
        if let at { items[at] = theirs } else { items.append(theirs) }
      } else if let at {
        items.remove(at: at)
      }
      root[key] = .array(items)
    }
    let checked = PlanDecoder.decode(tree: PlanEncoder.object(root))
    guard var plan = checked.plan else { throw PlanProblems(problems: checked.problems) }
    // Their whole plan brings its own open conflicts along.
    plan.conflicts = rest + plan.conflicts
    return plan
  }

  /// The indices of the conflicts about the same item as conflict `index`.
  public func conflictsOfSameItem(as index: Int) -> [Int] {
    let c = conflicts[index]
    return conflicts.indices.filter { conflicts[$0].kind == c.kind && conflicts[$0].id == c.id }
  }

  static func set(_ object: inout [String: JSONNode], path: [String], to value: JSONNode?) {
    guard let first = path.first else { return }
    if path.count == 1 {
      object[first] = value
      return
    }
    var inner = object[first]?.members ?? [:]
    set(&inner, path: Array(path.dropFirst()), to: value)
    object[first] = inner.isEmpty ? nil : PlanEncoder.object(inner)
  }
}

/// A conflict in a planner's words: what, which field, and both values as
/// the summary would say them (`14 feb` against `21 feb`).
public struct ConflictWording: Sendable {
  let plan: Plan
  let language: Language
  let wording: Wording
  var sv: Bool { language == .sv }

  public init(_ plan: Plan, language: Language? = nil) {
    self.plan = plan
    self.language = language ?? plan.language
    wording = Wording(self.language)
  }

  /// "Digital frukostträff (aktivitet)".
  public func item(_ c: Conflict) -> String {
    let kindWord: String =
      switch (c.kind, sv) {
      case (.plan, true): "planen"
      case (.plan, false): "the plan"
      case (.theme, true): "tema"
      case (.theme, false): "theme"
      case (.activity, true): "aktivitet"
      case (.activity, false): "activity"
      case (.milestone, true): "milstolpe"
      case (.milestone, false): "milestone"
      case (.layer, true): "lager"
      case (.layer, false): "layer"
      }
    if c.kind == .plan { return kindWord }
    // By the conflict's kind: a layer or a theme may share an id with an item.
    let named: String? =
      switch c.kind {
      case .activity: plan.activities.first { $0.id == c.id }?.title
      case .milestone: plan.milestones.first { $0.id == c.id }?.title
      case .theme: plan.theme(c.id)?.name
      case .layer: plan.layers.first { $0.id == c.id }?.name
      case .plan: nil
      }
    let title = named ?? title(of: c.ours) ?? title(of: c.theirs) ?? c.id
    return "\(title) (\(kindWord))"
  }

  func title(of node: JSONNode?) -> String? {
    if case .string(let s)? = node?.members?["title"]?.value { return s }
    if case .string(let s)? = node?.members?["name"]?.value { return s }
    return nil
  }

  /// The field's name in words.
  public func field(_ c: Conflict) -> String {
    guard let f = c.field else { return sv ? "hela posten" : "the whole item" }
    return ItemField(rawValue: f)?.name(language) ?? f
  }

  /// One side's value in words.
  public func value(_ node: JSONNode?, field: String?) -> String {
    guard let node else {
      return field == nil ? (sv ? "borttagen" : "deleted") : (sv ? "(inget)" : "(none)")
    }
    switch node.value {
    case .string(let s):
      if let d = Day(iso: s) { return wording.day(d, year: true) }
      if field == "status", let st = Status(rawValue: s) { return st.word(language) }
      if field?.hasPrefix("time.") == true, TimeOfDay(s) != nil, sv {
        return s.split(separator: ":").joined(separator: ".")
      }
      return sanitized(s)
    case .bool(let b):
      return field == "done" ? wording.milestoneState(b) : (b ? (sv ? "ja" : "yes") : (sv ? "nej" : "no"))
    case .number(let n): return n
    case .null: return sv ? "(inget)" : "(none)"
    case .array(let list):
      return list.map { value($0, field: field) }.joined(separator: ", ")
    case .object(let members):
      if field == nil || field == "time" || field == "repeat" {
        if let a = decodeActivity(node) {
          var parts = [wording.range(a.start, a.end)]
          if let t = a.time { parts.append(wording.time(t)) }
          if let r = wording.rule(a) { parts.append(r) }
          if field == nil { parts.insert(sanitized(a.title), at: 0) }
          return parts.joined(separator: ", ")
        }
      }
      return members.map { "\($0.key): \(value($0.node, field: $0.key))" }.sorted().joined(separator: ", ")
    }
  }

  func decodeActivity(_ node: JSONNode) -> Activity? {
    PlanDecoder.activity(tree: node, themes: Set(plan.themes.map(\.id)))
  }

  /// One line: "Digital frukostträff (aktivitet), start: vår 14 feb 2022 – deras 21 feb 2022".
  public func line(_ c: Conflict) -> String {
    let theirs = c.theirLabel ?? (sv ? "deras" : "theirs")
    let (o, t) = sides(c)
    let what = story(c) == nil ? "\(item(c)), \(field(c))" : item(c)
    return "\(what): \(sv ? "vår" : "ours") \(o) – \(theirs) \(t)"
  }

  /// What each side holds, in words.
  public func sides(_ c: Conflict) -> (ours: String, theirs: String) {
    story(c) ?? (value(c.ours, field: c.field), value(c.theirs, field: c.field))
  }

  /// True when the conflict is told as what each side did rather than as
  /// two values of a field.
  public func isStory(_ c: Conflict) -> Bool { story(c) != nil }

  /// The whole-item conflicts that are not a value against a value: a
  /// theme removed on one side with new items in it on the other, and a
  /// whole plan recorded beside ours.
  func story(_ c: Conflict) -> (ours: String, theirs: String)? {
    guard c.field == nil else { return nil }
    switch c.kind {
    case .plan:
      return sv
        ? ("som den är", "kunde inte slås ihop fält för fält och är sparad hel (t tar den)")
        : ("as it is", "could not be merged field by field and is kept whole (t takes it)")
    case .theme where (c.ours == nil) != (c.theirs == nil):
      let inIt =
        plan.activities.filter { $0.theme == c.id }.map(\.title)
        + plan.milestones.filter { $0.theme == c.id }.map(\.title)
      guard !inIt.isEmpty else { return nil }
      let titles = inIt.map { "\"\(sanitized($0))\"" }.joined(separator: ", ")
      let removed = sv ? "tog bort det" : "removed it"
      let added = sv ? "lade till \(titles) i det" : "added \(titles) to it"
      return c.ours == nil ? (removed, added) : (added, removed)
    default:
      return nil
    }
  }
}
