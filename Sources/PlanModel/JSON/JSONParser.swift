/// A strict JSON (RFC 8259) parser over UTF-8 bytes. It builds no tree: it
/// writes one flat list of values (a `JSONTape`) that points back into the
/// bytes, so a plan of 20,000 activities is read without a node, a member
/// array or a string per value; the plan decoder makes only the strings it
/// keeps. Foundation's JSONSerialization gives neither positions nor the
/// literal text of numbers, and we need both.
public struct JSONSyntaxError: Error, Sendable, Equatable {
  public var message: String
  public var position: SourcePosition
}

public enum JSONParser {
  /// Deep nesting is refused rather than allowed to exhaust the stack.
  static let maxDepth = 200

  /// The bytes as a tape; a syntax error names its line and column.
  public static func tape(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONTape {
    guard bytes.count < JSONTape.Token.maxOffset else {
      throw JSONSyntaxError(
        message:
          "the file is \(bytes.count / 1_048_576) MB; JSON is read up to \(JSONTape.Token.maxOffset / 1_048_576) MB",
        position: SourcePosition(line: 1, column: 1))
    }
    let result = bytes.withUnsafeBufferPointer {
      buffer -> Result<([JSONTape.Token], [Int: [Int32]]), JSONSyntaxError> in
      var builder = TapeBuilder(buffer)
      do throws(JSONSyntaxError) {
        try builder.parseDocument()
      } catch {
        return .failure(error)
      }
      return .success((builder.tokens, builder.elementLists))
    }
    switch result {
    case .success(let (tokens, lists)): return JSONTape(bytes: bytes, tokens: tokens, elementLists: lists)
    case .failure(let error): throw error
    }
  }

  /// The bytes as a tree of nodes with their positions (for merging and
  /// small files; a plan is decoded from the tape).
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    let tape = try tape(bytes)
    var locator = SourceLocator(bytes)
    return tape.node(tape.root, positions: &locator)
  }
}

/// Writes the tape while checking every rule of the grammar, with the same
/// messages and places a planner fixing a file by hand needs.
private struct TapeBuilder {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  var depth = 0
  var tokens: [JSONTape.Token] = []
  /// The key tokens of the objects being read, innermost last, to find a
  /// key written twice without a set per object.
  var keys: [Int32] = []
  /// The element starts of long arrays, by the array's token.
  var elementLists: [Int: [Int32]] = [:]

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    // A plan written by arshjul has one value per 15 bytes, a minified one
    // per 11. Room for one per 8: room never written costs no memory (its
    // pages are never touched), and running out costs a copy of the whole
    // list when it grows.
    tokens.reserveCapacity(bytes.count / 8 + 16)
  }

  func fail(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    var locator = SourceLocator(bytes)
    return JSONSyntaxError(message: message, position: locator.position(of: offset ?? index))
  }

  mutating func parseDocument() throws(JSONSyntaxError) {
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      throw fail("the file starts with a byte-order mark; save it as UTF-8 without BOM")
    }
    skipWhitespace()
    if index >= bytes.count {
      throw fail("the file is empty; expected a JSON object")
    }
    try parseValue()
    skipWhitespace()
    if index < bytes.count {
      throw fail("unexpected \(describe(bytes[index])) after the end of the JSON document")
    }
  }

  func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x" + hexDigits(UInt32(byte), width: 2)
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D, 0x0A: index += 1
      default: return
      }
    }
  }

  mutating func append(_ kind: JSONTape.Kind, start: Int, end: Int, escaped: Bool = false) {
    tokens.append(JSONTape.Token(kind: kind, escaped: escaped, start: Int32(start), end: Int32(end)))
  }

  mutating func parseValue() throws(JSONSyntaxError) {
    guard index < bytes.count else { throw fail("unexpected end of file; the JSON is cut short") }
    let start = index
    switch bytes[index] {
    case UInt8(ascii: "{"): try parseObject()
    case UInt8(ascii: "["): try parseArray()
    case UInt8(ascii: "\""): try parseString()
    case UInt8(ascii: "t"):
      try literal("true")
      append(.true, start: start, end: index)
    case UInt8(ascii: "f"):
      try literal("false")
      append(.false, start: start, end: index)
    case UInt8(ascii: "n"):
      try literal("null")
      append(.null, start: start, end: index)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try parseNumber()
      append(.number, start: start, end: index)
    default:
      throw fail("expected a JSON value, found \(describe(bytes[index]))")
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let n = word.utf8CodeUnitCount
    let matches =
      index + n <= bytes.count
      && word.withUTF8Buffer { w in (0..<n).allSatisfy { bytes[index + $0] == w[$0] } }
    guard matches else { throw fail("expected a JSON value, found \(describe(bytes[index]))") }
    index += n
  }

  mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maxDepth { throw fail("JSON nested deeper than \(JSONParser.maxDepth) levels") }
  }

  /// Opens a container's token; `close` fills in where it ends.
  mutating func open(_ kind: JSONTape.Kind) -> Int {
    append(kind, start: index, end: 0)
    return tokens.count - 1
  }

  mutating func close(_ at: Int) {
    tokens[at].end = Int32(tokens.count)
  }

  mutating func parseObject() throws(JSONSyntaxError) {
    try enter()
    defer { depth -= 1 }
    let at = open(.object)
    index += 1
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      close(at)
      return
    }
    let firstKey = keys.count
    defer { keys.removeSubrange(firstKey...) }
    // Plan objects have a dozen keys: comparing bytes beats hashing them;
    // a set takes over only for big objects, so no input costs n².
    var seen: Set<String>?
    var count = 0
    while true {
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file inside an object") }
      guard bytes[index] == UInt8(ascii: "\"") else {
        throw fail("expected a quoted key, found \(describe(bytes[index]))")
      }
      let keyOffset = index
      try parseString()
      let key = tokens.count - 1
      if seen == nil && count == 32 {
        seen = Set(keys[firstKey...].map { string(Int($0)) })
      }
      let duplicate: Bool
      if seen != nil {
        duplicate = !seen!.insert(string(key)).inserted
      } else {
        duplicate = keys[firstKey...].contains { sameKey(Int($0), key) }
      }
      if duplicate { throw fail("key \"\(string(key))\" appears twice in this object", at: keyOffset) }
      keys.append(Int32(key))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file inside an object") }
      guard bytes[index] == UInt8(ascii: ":") else {
        throw fail("expected ':' after key \"\(string(key))\", found \(describe(bytes[index]))")
      }
      index += 1
      skipWhitespace()
      try parseValue()
      count += 1
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        close(at)
        return
      }
      throw fail("expected ',' or '}' in an object, found \(describe(bytes[index]))")
    }
  }

  /// The text of a string token (only for keys: messages and big objects).
  func string(_ i: Int) -> String {
    let t = tokens[i]
    return JSONTape.decodeString(bytes, from: Int(t.start) + 1, to: Int(t.end), escaped: t.escaped)
  }

  func sameKey(_ a: Int, _ b: Int) -> Bool {
    let ta = tokens[a]
    let tb = tokens[b]
    if ta.escaped || tb.escaped { return string(a) == string(b) }
    let n = Int(ta.end - ta.start)
    guard n == Int(tb.end - tb.start) else { return false }
    let sa = Int(ta.start)
    let sb = Int(tb.start)
    for k in 1..<n where bytes[sa + k] != bytes[sb + k] { return false }
    return true
  }

  mutating func parseArray() throws(JSONSyntaxError) {
    try enter()
    defer { depth -= 1 }
    let at = open(.array)
    index += 1
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      close(at)
      return
    }
    var count = 0
    // Where each element starts, kept for a long array (a plan's activities):
    // finding them afterwards means a jump through the tape per element.
    var starts: [Int32] = []
    while true {
      skipWhitespace()
      if count == JSONTape.listedFrom { starts = elementStarts(of: at, first: count) }
      if count >= JSONTape.listedFrom { starts.append(Int32(tokens.count)) }
      try parseValue()
      count += 1
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file inside an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        close(at)
        if !starts.isEmpty { elementLists[at] = starts }
        return
      }
      throw fail("expected ',' or ']' in an array, found \(describe(bytes[index]))")
    }
  }

  /// The starts of the first `first` elements of array `at`, found by
  /// walking them (done once, when an array turns out to be long).
  func elementStarts(of at: Int, first: Int) -> [Int32] {
    var out: [Int32] = []
    out.reserveCapacity(first * 4)
    var i = at + 1
    for _ in 0..<first {
      out.append(Int32(i))
      let t = tokens[i]
      i = t.kind == .array || t.kind == .object ? Int(t.end) : i + 1
    }
    return out
  }

  mutating func digits() -> Int {
    let s = index
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    return index - s
  }

  mutating func parseNumber() throws(JSONSyntaxError) {
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count else { throw fail("unexpected end of file in a number") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      throw fail("expected a digit in a number")
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      if digits() == 0 { throw fail("expected a digit after the decimal point") }
    }
    if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        index += 1
      }
      if digits() == 0 { throw fail("expected a digit in the exponent") }
    }
  }

  mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("unexpected end of file in a \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      guard let d = JSONTape.hexValue(bytes[index]) else { throw fail("expected four hex digits after \\u") }
      v = v * 16 + d
      index += 1
    }
    return v
  }

  /// Checks a string and records where it stands; its text is made later,
  /// only if somebody asks (`JSONTape.string`).
  mutating func parseString() throws(JSONSyntaxError) {
    let start = index
    index += 1
    var escaped = false
    while true {
      guard index < bytes.count else {
        throw fail("unexpected end of file inside a string; a closing quote is missing")
      }
      let b = bytes[index]
      switch b {
      case UInt8(ascii: "\""):
        append(.string, start: start, end: index, escaped: escaped)
        index += 1
        return
      case UInt8(ascii: "\\"):
        escaped = true
        index += 1
        guard index < bytes.count else { throw fail("unexpected end of file in an escape") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          break
        case UInt8(ascii: "u"):
          let code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
              throw fail("a \\u escape holds half of a surrogate pair")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u escape holds half of a surrogate pair") }
          } else if (0xDC00...0xDFFF).contains(code) {
            throw fail("a \\u escape holds half of a surrogate pair")
          }
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
        index += 1
      }
    }
  }
}
