/// The problems that keep a plan from being written.
public struct PlanProblems: Error, Sendable {
  public var problems: [Problem]
}

extension Plan {
  /// Every rule of the file format, checked on the plan as it would be
  /// written, so no edit can save a plan that `arshjul check` refuses.
  /// Returns the file's bytes, checked.
  @discardableResult
  public func validated() throws(PlanProblems) -> [UInt8] {
    let bytes = fileBytes()
    let checked = FileDecoder.decode(written: bytes)
    guard checked.plan != nil else { throw PlanProblems(problems: checked.problems) }
    return bytes
  }

  /// The same for an edit of `base`, a plan read from a file (so valid):
  /// when only activities and milestones changed, only the changed ones are
  /// checked (each as it would be written) with the ids of all; anything
  /// else, or any problem, goes through the whole check, for its messages.
  /// A one-activity `add` to a 20,000-activity plan checks one activity.
  public func validated(changedFrom base: Plan) throws(PlanProblems) -> [UInt8] {
    try checkedEdit(of: base) ?? fileBytes()
  }

  /// The check of `validated(changedFrom:)` without making the file when
  /// the changed items pass on their own: nil then, and the file is written
  /// straight from the plan (`writeFile`), never held whole; otherwise the
  /// whole check's bytes.
  public func checkedEdit(of base: Plan) throws(PlanProblems) -> [UInt8]? {
    guard conflicts.isEmpty, outline == base.outline, changedItemsAreValid(base) else { return try validated() }
    return nil
  }

  /// The plan without its activities and milestones.
  var outline: Plan {
    var p = self
    p.activities = []
    p.milestones = []
    return p
  }

  func changedItemsAreValid(_ base: Plan) -> Bool {
    // The items not where they were in `base`, or different: usually the
    // one an edit touched, found without hashing the whole plan.
    var changedActivities: [Int] = []
    for (i, a) in activities.enumerated() where i >= base.activities.count || base.activities[i] != a {
      changedActivities.append(i)
    }
    var changedMilestones: [Int] = []
    for (i, m) in milestones.enumerated() where i >= base.milestones.count || base.milestones[i] != m {
      changedMilestones.append(i)
    }
    if changedActivities.count + changedMilestones.count > 64 {
      // Many moved (a removal shifts the rest): look them up by id instead.
      let old = Dictionary(base.activities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      changedActivities = changedActivities.filter { old[activities[$0].id] != activities[$0] }
      let oldMilestones = Dictionary(base.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      changedMilestones = changedMilestones.filter { oldMilestones[milestones[$0].id] != milestones[$0] }
    }
    // Ids stay unique: base's were, so only a changed item's id can repeat one.
    let changedIDs = changedActivities.map { activities[$0].id } + changedMilestones.map { milestones[$0].id }
    if !changedIDs.isEmpty {
      if Set(changedIDs).count < changedIDs.count { return false }
      let wanted = Set(changedIDs)
      var seen = 0
      for id in activities.lazy.map(\.id) + milestones.lazy.map(\.id) where wanted.contains(id) { seen += 1 }
      if seen != changedIDs.count { return false }
    }
    let themeIDs = Set(themes.map(\.id))
    for i in changedActivities where !activities[i].problems(themes: themeIDs).isEmpty { return false }
    for i in changedMilestones where !milestones[i].problems(themes: themeIDs).isEmpty { return false }
    return true
  }

  /// The problems of this plan (empty when valid).
  public var problems: [Problem] {
    do {
      try validated()
      return []
    } catch {
      return error.problems
    }
  }
}
