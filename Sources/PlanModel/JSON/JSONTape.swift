/// A JSON document as one flat list of values in document order, each
/// pointing at its bytes: a container knows where its last descendant ends,
/// so a reader skips a whole object in one step. Strings, numbers and nodes
/// are made from it only on demand.
public struct JSONTape: Sendable {
  public enum Kind: UInt8, Sendable {
    case null, `false`, `true`, number, string, array, object

    /// What a message calls a value of this kind ("must be a string, found a number").
    public var kindName: String {
      switch self {
      case .null: "null"
      case .false, .true: "a boolean"
      case .number: "a number"
      case .string: "a string"
      case .array: "an array"
      case .object: "an object"
      }
    }
  }

  /// Eight bytes a value: the kind, the escape flag and the offset share
  /// one word (a plan is at most 32 MB; offsets up to 128 MB fit in 27 bits),
  /// where it ends takes the other. A container's count and a key's code
  /// are worked out when asked: at twelve bytes a value the tape was the
  /// biggest thing a load held besides the file and the plan.
  struct Token: Sendable {
    private var word: UInt32
    /// A string: its closing quote; a number or literal: the byte after it;
    /// a container: the index of the token after its last descendant.
    var end: Int32

    static let maxOffset = 1 << 27

    init(kind: Kind, escaped: Bool, start: Int32, end: Int32) {
      word = UInt32(kind.rawValue) << 29 | (escaped ? 1 << 28 : 0) | UInt32(start)
      self.end = end
    }

    var kind: Kind { Kind(rawValue: UInt8(word >> 29)) ?? .null }
    /// A string with a backslash escape: its text must be decoded, not copied.
    var escaped: Bool { word & (1 << 28) != 0 }
    /// The value's first byte (a string's opening quote).
    var start: Int32 { Int32(word & 0x07FF_FFFF) }
  }

  public let bytes: [UInt8]
  let tokens: [Token]
  /// Where each element of a long array starts, by the array's token (the
  /// parser notes them as it goes; see `elements`).
  let elementLists: [Int: [Int32]]
  /// An array this long has its element starts noted.
  static let listedFrom = 256

  init(bytes: [UInt8], tokens: [Token], elementLists: [Int: [Int32]] = [:]) {
    self.bytes = bytes
    self.tokens = tokens
    self.elementLists = elementLists
  }

  public var root: Int { 0 }

  public func kind(_ i: Int) -> Kind { tokens[i].kind }

  /// Where the value starts in the bytes, for a problem's line and column.
  public func offset(_ i: Int) -> Int { Int(tokens[i].start) }

  /// Elements of an array, members of an object (counted: a plan's
  /// objects have a dozen members, and long arrays have their starts noted).
  public func count(_ i: Int) -> Int {
    if let listed = elementLists[i] { return listed.count }
    var n = 0
    var at = i + 1
    let end = next(i)
    let step = tokens[i].kind == .object ? 2 : 1
    while at < end {
      n += 1
      at = next(at + step - 1)
    }
    return n
  }

  /// The token after value `i` and everything inside it.
  public func next(_ i: Int) -> Int {
    let t = tokens[i]
    return t.kind == .array || t.kind == .object ? Int(t.end) : i + 1
  }

  /// The values of an array, in order.
  public func elements(_ i: Int) -> [Int] {
    if let listed = elementLists[i] { return listed.map { Int($0) } }
    var out: [Int] = []
    out.reserveCapacity(count(i))
    var at = i + 1
    let end = next(i)
    while at < end {
      out.append(at)
      at = next(at)
    }
    return out
  }

  /// Calls `body` with each member's key token and value token, in order.
  @inline(__always) public func forEachMember(_ i: Int, _ body: (_ key: Int, _ value: Int) -> Void) {
    var at = i + 1
    let end = next(i)
    while at < end {
      body(at, at + 1)
      at = next(at + 1)
    }
  }

  /// The value of member `key` of object `i`, with its place among the members.
  public func member(_ i: Int, _ key: StaticString) -> (ordinal: Int, value: Int)? {
    var at = i + 1
    let end = next(i)
    var ordinal = 0
    while at < end {
      if keyIs(at, key) { return (ordinal, at + 1) }
      at = next(at + 1)
      ordinal += 1
    }
    return nil
  }

  /// The code of object key token `i` (see `keyCode`).
  @inline(__always) package func keyCode(_ i: Int) -> Int32 {
    let t = tokens[i]
    if t.escaped { return Self.keyCode(string(i).utf8) }
    return bytes.withUnsafeBufferPointer {
      Self.keyCode(UnsafeBufferPointer(rebasing: $0[Int(t.start) + 1..<Int(t.end)]))
    }
  }

  /// A key's code: FNV-1a of its UTF-8 bytes, folded to 32 bits.
  static func keyCode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int32 {
    var h: UInt32 = 0x811C_9DC5
    for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
    return Int32(bitPattern: h)
  }

  static func keyCode(_ key: StaticString) -> Int32 {
    key.withUTF8Buffer { keyCode($0) }
  }

  /// Whether object key token `i` is `key`.
  package func keyIs(_ i: Int, _ key: StaticString) -> Bool {
    let t = tokens[i]
    if t.escaped { return string(i) == key.description }
    let start = Int(t.start) + 1
    let n = Int(t.end) - start
    guard n == key.utf8CodeUnitCount else { return false }
    return key.withUTF8Buffer { k in
      for j in 0..<n where bytes[start + j] != k[j] { return false }
      return true
    }
  }

  /// The text of a string token.
  public func string(_ i: Int) -> String {
    let t = tokens[i]
    return bytes.withUnsafeBufferPointer {
      Self.decodeString($0, from: Int(t.start) + 1, to: Int(t.end), escaped: t.escaped)
    }
  }

  /// The bytes of an unescaped string token (without quotes), or nil when
  /// it has escapes: dates and times are read straight from them.
  public func plainBytes(_ i: Int) -> ArraySlice<UInt8>? {
    let t = tokens[i]
    guard t.kind == .string, !t.escaped else { return nil }
    return bytes[Int(t.start) + 1..<Int(t.end)]
  }

  /// Whether a string's text certainly holds no control character and no
  /// noncharacter, judged on its bytes: no escape, no DEL, no C1 control
  /// (C2 80–9F) and no lead byte of a noncharacter (EF, F0–F4). Plain
  /// Swedish text (å ä ö are C3 xx, dashes E2 xx) passes without a scalar walk.
  public func isPlainText(_ i: Int) -> Bool {
    let t = tokens[i]
    if t.escaped { return false }
    return bytes.withUnsafeBufferPointer { b in
      var j = Int(t.start) + 1
      let end = Int(t.end)
      while j < end {
        let c = b[j]
        if c >= 0x7F {
          if c == 0x7F || c == 0xEF || c >= 0xF0 { return false }
          if c == 0xC2 && j + 1 < end && b[j + 1] <= 0x9F { return false }
        }
        j += 1
      }
      return true
    }
  }

  /// The literal text of a number token.
  public func numberText(_ i: Int) -> String {
    let t = tokens[i]
    return String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self)
  }

  static func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: UInt32(b - 0x30)
    case 0x41...0x46: UInt32(b - 0x41 + 10)
    case 0x61...0x66: UInt32(b - 0x61 + 10)
    default: nil
    }
  }

  /// The text between the quotes of a string the parser has checked.
  static func decodeString(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, escaped: Bool) -> String {
    if !escaped { return String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(to - from)
    var i = from
    func hex4(_ at: Int) -> UInt32 {
      (0..<4).reduce(0) { $0 * 16 + (hexValue(b[at + $1]) ?? 0) }
    }
    while i < to {
      let c = b[i]
      guard c == UInt8(ascii: "\\") else {
        out.append(c)
        i += 1
        continue
      }
      let e = b[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var code = hex4(i)
        i += 4
        if (0xD800...0xDBFF).contains(code) {
          code = 0x10000 + ((code - 0xD800) << 10) + (hex4(i + 2) - 0xDC00)
          i += 6
        }
        out.append(contentsOf: Unicode.Scalar(code).map { Array(String($0).utf8) } ?? [0xEF, 0xBF, 0xBD])
      default: out.append(e)  // \" \\ \/
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Value `i` as a node. With `positions`, every node gets its line and
  /// column (asked in document order, so counting stays linear); without,
  /// nodes carry none (unknown fields kept in a plan only to be written back).
  public func node(_ i: Int, positions: inout SourceLocator) -> JSONNode {
    var some: SourceLocator? = positions
    defer { positions = some! }
    return build(i, &some)
  }

  public func node(_ i: Int) -> JSONNode {
    var none: SourceLocator? = nil
    return build(i, &none)
  }

  private func build(_ i: Int, _ locator: inout SourceLocator?) -> JSONNode {
    let position = locator?.position(of: offset(i)) ?? .none
    switch kind(i) {
    case .null: return JSONNode(.null, at: position)
    case .false: return JSONNode(.bool(false), at: position)
    case .true: return JSONNode(.bool(true), at: position)
    case .number: return JSONNode(.number(numberText(i)), at: position)
    case .string: return JSONNode(.string(string(i)), at: position)
    case .array:
      var items: [JSONNode] = []
      items.reserveCapacity(count(i))
      for e in elements(i) { items.append(build(e, &locator)) }
      return JSONNode(.array(items), at: position)
    case .object:
      var members: [JSONMember] = []
      members.reserveCapacity(count(i))
      forEachMember(i) { k, v in members.append(JSONMember(key: string(k), node: build(v, &locator))) }
      return JSONNode(.object(members), at: position)
    }
  }
}

/// Byte offsets → line and column, the way an editor counts them (a
/// column is a character, not a byte). Offsets asked in increasing order
/// are counted on from the last one, so a whole file costs one pass even
/// when it is one long line.
public struct SourceLocator {
  private let bytes: [UInt8]?
  private let buffer: UnsafeBufferPointer<UInt8>?
  private var at = 0
  private var line = 1
  private var column = 1

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    buffer = nil
  }

  /// Over bytes that outlive the locator (the parser's own buffer).
  init(_ buffer: UnsafeBufferPointer<UInt8>) {
    bytes = nil
    self.buffer = buffer
  }

  public mutating func position(of offset: Int) -> SourcePosition {
    if offset < at {
      at = 0
      line = 1
      column = 1
    }
    if let buffer {
      advance(buffer, to: offset)
    } else if let bytes {
      bytes.withUnsafeBufferPointer { advance($0, to: offset) }
    }
    return SourcePosition(line: line, column: column)
  }

  private mutating func advance(_ b: UnsafeBufferPointer<UInt8>, to offset: Int) {
    let end = min(offset, b.count)
    guard end > at else { return }
    let raw = UnsafeRawBufferPointer(b)
    // Lines: newlines counted eight bytes at a time (a pretty-printed plan
    // has one every thirty bytes, so skipping newline-free words is not enough).
    var i = at
    var l = line
    while i + 8 <= end {
      let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
      let nonzero = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
      l += (~nonzero & 0x8080_8080_8080_8080).nonzeroBitCount
      i += 8
    }
    while i < end {
      if b[i] == 0x0A { l += 1 }
      i += 1
    }
    // The column: characters (bytes that are not UTF-8 continuation bytes,
    // 10xxxxxx) from the last newline, or on from where we were.
    var lineStart = end
    while lineStart > at && b[lineStart - 1] != 0x0A { lineStart -= 1 }
    var c = lineStart == at ? column : 1
    for j in lineStart..<end where b[j] & 0xC0 != 0x80 { c += 1 }
    at = end
    line = l
    column = c
  }
}
