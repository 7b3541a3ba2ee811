import PlanModel

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
    TreeDecoder.activity(tree: node, themes: Set(plan.themes.map(\.id)))
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
