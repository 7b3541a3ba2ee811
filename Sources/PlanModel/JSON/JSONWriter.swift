/// Writes JSON the one way a plan file is written: two-space indent, keys
/// sorted, one value per line, a final newline. The same tree always gives
/// the same bytes, so a plan diffs cleanly in git.
public enum JSONWriter {
  public static func write(_ node: JSONNode) -> String { String(decoding: bytes(node), as: UTF8.self) }

  /// The same as UTF-8 bytes, made straight into one buffer (a 20,000-activity
  /// plan is 6 MB; appending to a String cost a fifth of a save).
  public static func bytes(_ node: JSONNode) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    emit(node.value, indent: 0, into: &out)
    out.append(0x0A)
    return out
  }

  /// A long list of a top-level object, written element by element as
  /// each is made, so the tree of the whole list never exists at once.
  public struct Stream {
    public var count: Int
    /// Writes element `i` at the given indent (the line's padding is written).
    public var element: (_ i: Int, _ indent: Int, _ out: inout [UInt8]) -> Void
    public init(count: Int, element: @escaping (Int, Int, inout [UInt8]) -> Void) {
      self.count = count
      self.element = element
    }
  }

  /// An object whose members named in `streams` are written from them
  /// (their value in `node` is not used); `capacity` is a guess of the size.
  public static func bytes(_ node: JSONNode, streams: [String: Stream], capacity: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(capacity)
    write(node, streams: streams, indent: 0, into: &out)
    out.append(0x0A)
    return out
  }

  /// The same at an indent, into bytes being written. A member named in
  /// `values` has its whole value written by that function, at the indent
  /// it is given (a plan inside a journal).
  public static func write(
    _ node: JSONNode, streams: [String: Stream], values: [String: (_ indent: Int, _ out: inout [UInt8]) -> Void] = [:],
    indent: Int, into out: inout [UInt8]
  ) {
    guard case .object(let members) = node.value else { return emit(node.value, indent: indent, into: &out) }
    emitObject(members, indent: indent, into: &out) { m, out in
      if let stream = streams[m.key] {
        emitArray(count: stream.count, indent: indent + 1, into: &out) { stream.element($0, indent + 2, &$1) }
      } else if let value = values[m.key] {
        value(indent + 1, &out)
      } else {
        emit(m.node.value, indent: indent + 1, into: &out)
      }
    }
  }

  static func emit(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let n): out.append(contentsOf: n.utf8)
    case .string(let s): quote(s, into: &out)
    case .array(let items):
      emitArray(count: items.count, indent: indent, into: &out) { emit(items[$0].value, indent: indent + 1, into: &$1) }
    case .object(let members):
      emitObject(members, indent: indent, into: &out) { emit($0.node.value, indent: indent + 1, into: &$1) }
    }
  }

  /// `[…]` of `count` elements, one a line, each written by `element` after its padding.
  static func emitArray(count: Int, indent: Int, into out: inout [UInt8], _ element: (Int, inout [UInt8]) -> Void) {
    if count == 0 {
      out.append(contentsOf: "[]".utf8)
      return
    }
    out.append(contentsOf: "[\n".utf8)
    for i in 0..<count {
      pad(indent + 1, into: &out)
      element(i, &out)
      if i < count - 1 { out.append(UInt8(ascii: ",")) }
      out.append(0x0A)
    }
    pad(indent, into: &out)
    out.append(UInt8(ascii: "]"))
  }

  /// `{…}` with the members in key order, one a line, each value written by `value`.
  static func emitObject(
    _ members: [JSONMember], indent: Int, into out: inout [UInt8], value: (JSONMember, inout [UInt8]) -> Void
  ) {
    if members.isEmpty {
      out.append(contentsOf: "{}".utf8)
      return
    }
    out.append(contentsOf: "{\n".utf8)
    // The plan encoder hands members over in order already; others are sorted here.
    let sorted = isSorted(members) ? members : members.sorted { precedes($0.key, $1.key) }
    for (i, m) in sorted.enumerated() {
      pad(indent + 1, into: &out)
      quote(m.key, into: &out)
      out.append(contentsOf: ": ".utf8)
      value(m, &out)
      if i < sorted.count - 1 { out.append(UInt8(ascii: ",")) }
      out.append(0x0A)
    }
    pad(indent, into: &out)
    out.append(UInt8(ascii: "}"))
  }

  /// Key order: by code point, which is the order of the UTF-8 bytes.
  static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

  static func isSorted(_ members: [JSONMember]) -> Bool {
    var i = 1
    while i < members.count {
      if !precedes(members[i - 1].key, members[i].key) { return false }
      i += 1
    }
    return true
  }

  static func pad(_ n: Int, into out: inout [UInt8]) {
    for _ in 0..<n * 2 { out.append(0x20) }
  }

  public static func quote(_ s: String, into out: inout [UInt8]) {
    out.append(0x22)
    // Nothing to escape (the usual case): append it whole.
    let needsEscape: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
    let plain = s.utf8.withContiguousStorageIfAvailable { !$0.contains(where: needsEscape) }
    if plain ?? !s.utf8.contains(where: needsEscape) {
      out.append(contentsOf: s.utf8)
      out.append(0x22)
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append(contentsOf: "\\\"".utf8)
      case "\\": out.append(contentsOf: "\\\\".utf8)
      case "\n": out.append(contentsOf: "\\n".utf8)
      case "\t": out.append(contentsOf: "\\t".utf8)
      case "\r": out.append(contentsOf: "\\r".utf8)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out.append(contentsOf: ("\\u" + hexDigits(scalar.value, width: 4)).utf8)
      default: out.append(contentsOf: String(scalar).utf8)
      }
    }
    out.append(0x22)
  }
}

public func hexDigits(_ v: UInt32, width: Int) -> String {
  let s = String(v, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, width - s.count)) + s
}
