/// A JSON value that remembers where it stood in the file, so every problem
/// found later (a bad date, an unknown theme) can name its line and column.
public struct SourcePosition: Sendable, Hashable {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public static let none = SourcePosition(line: 0, column: 0)
}

// Not `indirect`: the arrays already hold the children out of line, and a
// box per value would cost an allocation per node of a 20,000-item plan.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// Numbers keep their literal text so that a field we do not know is
  /// written back exactly as it was read.
  case number(String)
  case string(String)
  case array([JSONNode])
  case object([JSONMember])

  public var kindName: String {
    switch self {
    case .null: JSONTape.Kind.null.kindName
    case .bool: JSONTape.Kind.true.kindName
    case .number: JSONTape.Kind.number.kindName
    case .string: JSONTape.Kind.string.kindName
    case .array: JSONTape.Kind.array.kindName
    case .object: JSONTape.Kind.object.kindName
    }
  }
}

public struct JSONNode: Sendable, Hashable {
  public var value: JSONValue
  public var position: SourcePosition
  public init(_ value: JSONValue, at position: SourcePosition = .none) {
    self.value = value
    self.position = position
  }
}

public struct JSONMember: Sendable, Hashable {
  public var key: String
  public var node: JSONNode
  public init(key: String, node: JSONNode) {
    self.key = key
    self.node = node
  }
}

extension JSONNode {
  /// Builders for writing: positions do not matter there.
  public static func string(_ s: String) -> JSONNode { JSONNode(.string(s)) }
  public static func int(_ i: Int) -> JSONNode { JSONNode(.number(String(i))) }
  public static func bool(_ b: Bool) -> JSONNode { JSONNode(.bool(b)) }
  public static func array(_ a: [JSONNode]) -> JSONNode { JSONNode(.array(a)) }
  public static func object(_ pairs: [(String, JSONNode)]) -> JSONNode {
    JSONNode(.object(pairs.map { JSONMember(key: $0.0, node: $0.1) }))
  }
}
