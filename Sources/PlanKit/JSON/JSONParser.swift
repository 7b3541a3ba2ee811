/// A strict JSON (RFC 8259) parser over UTF-8 bytes that records the line and
/// column of every value. Foundation's JSONSerialization gives neither
/// positions nor the literal text of numbers, and we need both.
public struct JSONSyntaxError: Error, Sendable, Equatable {
  public var message: String
  public var position: SourcePosition
}

public struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0
  /// Deep nesting is refused rather than allowed to exhaust the stack.
  private static let maxDepth = 200

  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    var parser = JSONParser(bytes: bytes)
    return try parser.parseDocument()
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// The column counted so far on the current line, and up to which byte:
  /// positions are asked for in increasing order, so each byte of a line is
  /// counted once, even on a minified plan that is one long line.
  private var countedTo = 0
  private var countedColumn = 1

  /// Column counts characters, not bytes, as an editor shows them: a
  /// continuation byte of a multi-byte UTF-8 character adds nothing.
  private mutating func position(at offset: Int) -> SourcePosition {
    if countedTo < lineStart || countedTo > offset {
      countedTo = lineStart
      countedColumn = 1
    }
    var i = countedTo
    var column = countedColumn
    let end = min(offset, bytes.count)
    while i < end {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    countedTo = i
    countedColumn = column
    return SourcePosition(line: line, column: column)
  }

  private var here: SourcePosition { mutating get { position(at: index) } }

  private mutating func fail(_ message: String, at pos: SourcePosition? = nil) -> JSONSyntaxError {
    JSONSyntaxError(message: message, position: pos ?? here)
  }

  private mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      throw fail("the file starts with a byte-order mark; save it as UTF-8 without BOM")
    }
    skipWhitespace()
    if index >= bytes.count {
      throw fail("the file is empty; expected a JSON object")
    }
    let node = try parseValue()
    skipWhitespace()
    if index < bytes.count {
      throw fail("unexpected \(describe(bytes[index])) after the end of the JSON document")
    }
    return node
  }

  private func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x" + hexDigits(UInt32(byte), width: 2)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
    guard index < bytes.count else { throw fail("unexpected end of file; the JSON is cut short") }
    let start = here
    switch bytes[index] {
    case UInt8(ascii: "{"): return JSONNode(try parseObject(), at: start)
    case UInt8(ascii: "["): return JSONNode(try parseArray(), at: start)
    case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), at: start)
    case UInt8(ascii: "t"): try literal("true"); return JSONNode(.bool(true), at: start)
    case UInt8(ascii: "f"): try literal("false"); return JSONNode(.bool(false), at: start)
    case UInt8(ascii: "n"): try literal("null"); return JSONNode(.null, at: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(.number(try parseNumber()), at: start)
    default:
      throw fail("expected a JSON value, found \(describe(bytes[index]))")
    }
  }

  private mutating func literal(_ word: String) throws(JSONSyntaxError) {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
      throw fail("expected a JSON value, found \(describe(bytes[index]))")
    }
    index += w.count
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > Self.maxDepth { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [JSONMember] = []
    var seen = Set<String>()
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object([])
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file inside an object") }
      guard bytes[index] == UInt8(ascii: "\"") else {
        throw fail("expected a quoted key, found \(describe(bytes[index]))")
      }
      let keyPos = here
      let key = try parseString()
      // Plan objects have a dozen keys: a scan is cheaper than hashing them all.
      let duplicate = members.count < 32 ? members.contains { $0.key == key } : !seen.insert(key).inserted
      if members.count == 31 { seen = Set(members.map(\.key) + [key]) }
      if duplicate { throw fail("key \"\(key)\" appears twice in this object", at: keyPos) }
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file inside an object") }
      guard bytes[index] == UInt8(ascii: ":") else {
        throw fail("expected ':' after key \"\(key)\", found \(describe(bytes[index]))")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONMember(key: key, node: value))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw fail("expected ',' or '}' in an object, found \(describe(bytes[index]))")
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [JSONNode] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array([])
    }
    while true {
      skipWhitespace()
      items.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file inside an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      throw fail("expected ',' or ']' in an array, found \(describe(bytes[index]))")
    }
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = index
    func digits(_ p: inout JSONParser) -> Int {
      let s = p.index
      while p.index < p.bytes.count, p.bytes[p.index] >= 0x30, p.bytes[p.index] <= 0x39 { p.index += 1 }
      return p.index - s
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count else { throw fail("unexpected end of file in a number") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else if digits(&self) == 0 {
      throw fail("expected a digit in a number")
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      if digits(&self) == 0 { throw fail("expected a digit after the decimal point") }
    }
    if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        index += 1
      }
      if digits(&self) == 0 { throw fail("expected a digit in the exponent") }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("unexpected end of file in a \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[index]
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: throw fail("expected four hex digits after \\u")
      }
      v = v * 16 + d
      index += 1
    }
    return v
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    // Most strings have no escapes: take the bytes between the quotes as they are.
    var end = index
    while end < bytes.count {
      let b = bytes[end]
      if b == UInt8(ascii: "\"") {
        let s = String(decoding: bytes[index..<end], as: UTF8.self)
        index = end + 1
        return s
      }
      if b == UInt8(ascii: "\\") || b < 0x20 { break }
      end += 1
    }
    var out: [UInt8] = Array(bytes[index..<end])
    index = end
    while true {
      guard index < bytes.count else {
        throw fail("unexpected end of file inside a string; a closing quote is missing")
      }
      let b = bytes[index]
      switch b {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw fail("unexpected end of file in an escape") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
              throw fail("a \\u escape holds half of a surrogate pair")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u escape holds half of a surrogate pair") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(code) {
            throw fail("a \\u escape holds half of a surrogate pair")
          }
          guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
          index -= 1
          throw fail("invalid escape \\\(Character(Unicode.Scalar(e))) in a string")
        }
      case 0x00..<0x20:
        throw fail(
          b == 0x0A
            ? "a string runs past the end of the line; a closing quote is missing"
            : "a raw control character (U+\(hexDigits(UInt32(b), width: 4))) in a string; write it escaped")
      default:
        out.append(b)
        index += 1
      }
    }
  }
}
