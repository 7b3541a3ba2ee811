/// Just enough XML for a WebDAV answer: elements with their namespaces
/// resolved, text with its entities and CDATA, declarations, comments and
/// processing instructions skipped. Our own rather than FoundationXML's
/// because that links libxml2 and ICU into every start of arshjul (about
/// 2 ms each time) for the one command that reads XML.
struct XMLReader {
  enum Event {
    case start(namespace: String?, name: String)
    case text(String)
    case end(namespace: String?, name: String)
  }

  /// Calls `event` for each element start, run of text and element end, in
  /// order; false (after the events so far) when the XML is malformed.
  @discardableResult
  static func read(_ bytes: [UInt8], _ event: (Event) -> Void) -> Bool {
    var reader = XMLReader(bytes: bytes)
    return reader.run(event)
  }

  private let bytes: [UInt8]
  private var at = 0
  // In-scope prefix declarations, innermost last ("" is the default).
  private var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]
  private var open: [(prefix: String, name: String)] = []

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func run(_ event: (Event) -> Void) -> Bool {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
    var text: [UInt8] = []
    func flush() {
      if !text.isEmpty {
        event(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
      }
    }
    while at < bytes.count {
      let b = bytes[at]
      if b == UInt8(ascii: "&") {
        guard let decoded = entity() else { return false }
        text.append(contentsOf: decoded)
        continue
      }
      if b != UInt8(ascii: "<") {
        text.append(b)
        at += 1
        continue
      }
      if follows("<![CDATA[") {
        guard let close = find("]]>", from: at + 9) else { return false }
        text.append(contentsOf: bytes[(at + 9)..<close])
        at = close + 3
        continue
      }
      flush()
      if follows("<!--") {
        guard let close = find("-->", from: at + 4) else { return false }
        at = close + 3
      } else if follows("<?") {
        guard let close = find("?>", from: at + 2) else { return false }
        at = close + 2
      } else if follows("<!") {
        // A DOCTYPE; WebDAV answers carry none with an internal subset.
        guard let close = find(">", from: at + 2) else { return false }
        at = close + 1
      } else if follows("</") {
        at += 2
        let name = self.name()
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: ">"), let top = open.popLast(),
          top.prefix + ":" + top.name == name.prefix + ":" + name.local
        else { return false }
        at += 1
        event(.end(namespace: namespace(of: top.prefix), name: top.name))
        scopes.removeLast()
      } else {
        at += 1
        guard let (name, closed) = startTag() else { return false }
        event(.start(namespace: namespace(of: name.prefix), name: name.local))
        if closed {
          event(.end(namespace: namespace(of: name.prefix), name: name.local))
          scopes.removeLast()
        } else {
          open.append((name.prefix, name.local))
        }
      }
    }
    flush()
    return open.isEmpty
  }

  private func namespace(of prefix: String) -> String? {
    for scope in scopes.reversed() { if let uri = scope[prefix] { return uri.isEmpty ? nil : uri } }
    return nil
  }

  /// After "<": the name, the attributes (declaring namespaces into a new
  /// scope) and whether it closed itself ("/>").
  private mutating func startTag() -> (name: (prefix: String, local: String), closed: Bool)? {
    let name = self.name()
    guard !name.local.isEmpty else { return nil }
    var declared: [String: String] = [:]
    while true {
      skipSpace()
      guard at < bytes.count else { return nil }
      if bytes[at] == UInt8(ascii: ">") {
        at += 1
        scopes.append(declared)
        return (name, false)
      }
      if follows("/>") {
        at += 2
        scopes.append(declared)
        return (name, true)
      }
      let attribute = self.name()
      skipSpace()
      guard !attribute.local.isEmpty, at < bytes.count, bytes[at] == UInt8(ascii: "=") else { return nil }
      at += 1
      skipSpace()
      guard let value = quoted() else { return nil }
      if attribute.prefix.isEmpty && attribute.local == "xmlns" {
        declared[""] = value
      } else if attribute.prefix == "xmlns" {
        declared[attribute.local] = value
      }
    }
  }

  private mutating func quoted() -> String? {
    guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else { return nil }
    let quote = bytes[at]
    at += 1
    var value: [UInt8] = []
    while at < bytes.count, bytes[at] != quote {
      if bytes[at] == UInt8(ascii: "&") {
        guard let decoded = entity() else { return nil }
        value.append(contentsOf: decoded)
      } else {
        value.append(bytes[at])
        at += 1
      }
    }
    guard at < bytes.count else { return nil }
    at += 1
    return String(decoding: value, as: UTF8.self)
  }

  /// A name, split at its first colon into prefix and local part.
  private mutating func name() -> (prefix: String, local: String) {
    let start = at
    var colon: Int?
    while at < bytes.count {
      let b = bytes[at]
      if b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") || b <= 0x20 { break }
      if b == UInt8(ascii: ":") && colon == nil { colon = at }
      at += 1
    }
    guard let colon else { return ("", String(decoding: bytes[start..<at], as: UTF8.self)) }
    return (
      String(decoding: bytes[start..<colon], as: UTF8.self), String(decoding: bytes[(colon + 1)..<at], as: UTF8.self)
    )
  }

  /// After "&": the bytes an entity or character reference stands for.
  private mutating func entity() -> [UInt8]? {
    guard let semicolon = find(";", from: at + 1), semicolon - at <= 12 else { return nil }
    let name = String(decoding: bytes[(at + 1)..<semicolon], as: UTF8.self)
    at = semicolon + 1
    switch name {
    case "amp": return [UInt8(ascii: "&")]
    case "lt": return [UInt8(ascii: "<")]
    case "gt": return [UInt8(ascii: ">")]
    case "quot": return [UInt8(ascii: "\"")]
    case "apos": return [UInt8(ascii: "'")]
    default:
      guard name.hasPrefix("#") else { return nil }
      let digits = name.dropFirst()
      let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
      guard let value, let scalar = Unicode.Scalar(value) else { return nil }
      return Array(String(Character(scalar)).utf8)
    }
  }

  private mutating func skipSpace() {
    while at < bytes.count, bytes[at] <= 0x20 { at += 1 }
  }

  private func follows(_ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard at + n <= bytes.count else { return false }
    return s.withUTF8Buffer { p in (0..<n).allSatisfy { bytes[at + $0] == p[$0] } }
  }

  private func find(_ s: StaticString, from: Int) -> Int? {
    let n = s.utf8CodeUnitCount
    return s.withUTF8Buffer { p in
      var i = from
      while i + n <= bytes.count {
        if bytes[i] == p[0] && (1..<n).allSatisfy({ bytes[i + $0] == p[$0] }) { return i }
        i += 1
      }
      return nil
    }
  }
}
