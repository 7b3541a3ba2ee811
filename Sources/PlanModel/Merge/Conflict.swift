/// A change that a merge (of two planners' edits, or of the plan with a
/// calendar server) could not decide: the same field changed to different
/// values on each side, the same new id with different content, or a
/// delete against a change. It is recorded in the plan file under
/// `"conflicts"` until a planner chooses; the plan holds our value meanwhile.
public struct Conflict: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    case plan, theme, activity, milestone, layer
  }
  /// Which side holds the value the plan has now ("ours" after a git merge;
  /// for a sync, the plan's own).
  public enum Side: String, Sendable { case ours, theirs }

  public var kind: Kind
  /// The item's id; "" for a field of the plan itself.
  public var id: String
  /// The field's path in the item (`start`, `repeat.until`); nil when the
  /// whole item is in question (deleted on one side, changed on the other).
  public var field: String?
  /// The values; nil where the field or item is absent (not there, deleted).
  public var base: JSONNode?
  public var ours: JSONNode?
  public var theirs: JSONNode?
  /// Who "theirs" is, in words for the planner ("origin/main", "the calendar").
  public var theirLabel: String?
  /// Where the record stands in the file, for `check`.
  public var position: SourcePosition = .none

  public init(
    kind: Kind, id: String, field: String?, base: JSONNode?, ours: JSONNode?, theirs: JSONNode?,
    theirLabel: String? = nil
  ) {
    self.kind = kind
    self.id = id
    self.field = field
    self.base = base
    self.ours = ours
    self.theirs = theirs
    self.theirLabel = theirLabel
  }

  public static func == (a: Conflict, b: Conflict) -> Bool {
    a.kind == b.kind && a.id == b.id && a.field == b.field && JSONNode.same(a.base, b.base)
      && JSONNode.same(a.ours, b.ours) && JSONNode.same(a.theirs, b.theirs) && a.theirLabel == b.theirLabel
  }
}

extension JSONNode {
  /// Equal as JSON values: positions and the order of object members do
  /// not matter, number literals are compared as written.
  public func sameValue(_ other: JSONNode) -> Bool {
    switch (value, other.value) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b || Double(a) == Double(b)
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue($1) }
    case (.object(let a), .object(let b)):
      guard a.count == b.count else { return false }
      for m in a {
        guard let n = b.first(where: { $0.key == m.key }), m.node.sameValue(n.node) else { return false }
      }
      return true
    default: return false
    }
  }

  public static func same(_ a: JSONNode?, _ b: JSONNode?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return x.sameValue(y)
    default: return false
    }
  }

  /// The members of an object as a dictionary (nil for any other value).
  public var members: [String: JSONNode]? {
    guard case .object(let list) = value else { return nil }
    var out: [String: JSONNode] = [:]
    for m in list { out[m.key] = m.node }
    return out
  }
}
