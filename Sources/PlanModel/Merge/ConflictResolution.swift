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
    let checked = TreeDecoder.decode(tree: PlanEncoder.object(root))
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
