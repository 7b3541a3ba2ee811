import PlanModel

/// Reads an iCalendar file (RFC 5545) into components and properties:
/// lines unfolded (CRLF or a bare LF, then a space or tab), parameters with
/// quoted values, TEXT unescaped on request. Every property keeps its line
/// number, so a problem names its place.
public struct ICalProperty: Sendable {
  public var name: String
  public var params: [String: String]
  public var value: String
  public var line: Int

  public func param(_ key: String) -> String? { params[key] }

  /// The value as TEXT: `\n`, `\,`, `\;`, `\\` unescaped.
  public var text: String {
    // A byte search: String.contains(String) goes through Foundation's
    // locale-aware search, a tenth of an import of 20,000 events.
    guard value.utf8.contains(UInt8(ascii: "\\")) else { return value }
    var out = ""
    var escape = false
    for c in value {
      if escape {
        switch c {
        case "n", "N": out.append("\n")
        default: out.append(c)
        }
        escape = false
      } else if c == "\\" {
        escape = true
      } else {
        out.append(c)
      }
    }
    return out
  }

  /// A list value (CATEGORIES, EXDATE): split on unescaped commas.
  public var list: [String] {
    var out: [String] = []
    var current = ""
    var escape = false
    for c in value {
      if escape {
        current.append(c == "n" || c == "N" ? "\n" : c)
        escape = false
      } else if c == "\\" {
        escape = true
      } else if c == "," {
        out.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    out.append(current)
    return out.map(\.trimmed).filter { !$0.isEmpty }
  }
}

public final class ICalComponent: @unchecked Sendable {
  public let name: String
  public let line: Int
  public var properties: [ICalProperty] = []
  public var children: [ICalComponent] = []

  package init(name: String, line: Int) {
    self.name = name
    self.line = line
  }

  public func first(_ name: String) -> ICalProperty? { properties.first { $0.name == name } }
  public func all(_ name: String) -> [ICalProperty] { properties.filter { $0.name == name } }
}

public struct ICalSyntaxError: Error, Sendable {
  public var line: Int
  public var message: String
}

public enum ICalendarParser {
  /// The property a VCALENDAR made round bare events carries, so the import can say so.
  public static let wrappedMark = "X-ARSHJUL-WRAPPED"

  /// The VCALENDAR components of the file (usually one).
  public static func parse(_ bytes: [UInt8]) throws(ICalSyntaxError) -> [ICalComponent] {
    var bytes = bytes
    // A file from an old Mac ends its lines with CR alone.
    if !bytes.contains(0x0A) && bytes.contains(0x0D) { bytes = bytes.map { $0 == 0x0D ? 0x0A : $0 } }
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    // Lines split and unfolded as bytes, before any decoding (RFC 5545
    // §3.1): a fold may fall inside a UTF-8 character (å is two octets),
    // and only CR LF or LF end a line — U+2028, U+2029 and U+0085 in a
    // value are characters of the value.
    var lines: [(Int, String)] = []
    var number = 0
    var lastLine = 1
    var current: [UInt8] = []
    var currentLine = 0
    func finish() throws(ICalSyntaxError) {
      guard !current.isEmpty else { return }
      guard let text = String(validating: current, as: UTF8.self) else {
        throw ICalSyntaxError(
          line: currentLine, message: "line \(currentLine) is not UTF-8 text; save the file as UTF-8")
      }
      lines.append((currentLine, text))
      current.removeAll(keepingCapacity: true)
    }
    var i = start
    while i <= bytes.count {
      // One physical line: up to LF (a CR before it is part of the break).
      var end = i
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      if end == bytes.count && i == end { break }
      var stop = end
      if stop > i && bytes[stop - 1] == 0x0D { stop -= 1 }
      number += 1
      if stop > i {
        if (bytes[i] == 0x20 || bytes[i] == 0x09) && !current.isEmpty {
          current.append(contentsOf: bytes[(i + 1)..<stop])
        } else {
          try finish()
          currentLine = number
          current.append(contentsOf: bytes[i..<stop])
        }
        lastLine = number
      }
      i = end + 1
    }
    try finish()
    var roots: [ICalComponent] = []
    var stack: [ICalComponent] = []
    for (n, line) in lines {
      let p = try property(line, n)
      if p.name == "BEGIN" {
        let c = ICalComponent(name: p.value.uppercased(), line: n)
        if let parent = stack.last { parent.children.append(c) } else { roots.append(c) }
        stack.append(c)
      } else if p.name == "END" {
        guard let open = stack.last, open.name == p.value.uppercased() else {
          throw ICalSyntaxError(
            line: n, message: "END:\(p.value) does not close \(stack.last.map { "BEGIN:\($0.name)" } ?? "anything")")
        }
        stack.removeLast()
      } else {
        guard let open = stack.last else {
          throw ICalSyntaxError(line: n, message: "a property outside BEGIN:VCALENDAR")
        }
        open.properties.append(p)
      }
    }
    if let open = stack.last {
      throw ICalSyntaxError(
        line: lastLine, message: "the file ends inside BEGIN:\(open.name) (line \(open.line)); it is cut short")
    }
    if roots.contains(where: { $0.name == "VCARD" }) {
      throw ICalSyntaxError(line: 1, message: "this is a vCard file (contacts), not a calendar")
    }
    // Bare events, as khal and others write fragments: read as if wrapped.
    if !roots.isEmpty, roots.allSatisfy({ $0.name == "VEVENT" || $0.name == "VTIMEZONE" || $0.name == "VTODO" }) {
      let wrapper = ICalComponent(name: "VCALENDAR", line: roots[0].line)
      wrapper.children = roots
      wrapper.properties = [ICalProperty(name: wrappedMark, params: [:], value: "TRUE", line: roots[0].line)]
      return [wrapper]
    }
    guard !roots.isEmpty, roots.allSatisfy({ $0.name == "VCALENDAR" }) else {
      throw ICalSyntaxError(line: 1, message: "not an iCalendar file: it has no BEGIN:VCALENDAR")
    }
    return roots
  }

  /// `NAME;P1=V1;P2="V,2":value`. Read as UTF-8 bytes: every delimiter is
  /// ASCII, so no byte of a multi-byte character is taken for one (a walk
  /// by Character was a sixth of an import of 20,000 events).
  static func property(_ line: String, _ n: Int) throws(ICalSyntaxError) -> ICalProperty {
    let b = Array(line.utf8)
    do {
      let semicolon = UInt8(ascii: ";")
      let colon = UInt8(ascii: ":")
      let equals = UInt8(ascii: "=")
      let quote = UInt8(ascii: "\"")
      func text(_ from: Int, _ to: Int) -> String { String(decoding: b[from..<to], as: UTF8.self) }
      var i = 0
      while i < b.count, b[i] != semicolon && b[i] != colon { i += 1 }
      guard i < b.count, i > 0 else {
        throw ICalSyntaxError(line: n, message: "not a content line (NAME:value): \(quoted(text(0, b.count)))")
      }
      let name = upper(text(0, i))
      var params: [String: String] = [:]
      while i < b.count && b[i] == semicolon {
        i += 1
        let keyStart = i
        while i < b.count, b[i] != equals && b[i] != colon && b[i] != semicolon { i += 1 }
        let key = text(keyStart, i)
        var value = ""
        if i < b.count && b[i] == equals {
          i += 1
          if i < b.count && b[i] == quote {
            i += 1
            let valueStart = i
            while i < b.count && b[i] != quote { i += 1 }
            guard i < b.count else {
              throw ICalSyntaxError(line: n, message: "a quoted parameter value is not closed")
            }
            value = text(valueStart, i)
            i += 1
          }
          let restStart = i
          while i < b.count, b[i] != semicolon && b[i] != colon { i += 1 }
          if i > restStart { value += text(restStart, i) }
        }
        params[upper(key)] = value
      }
      guard i < b.count, b[i] == colon else {
        throw ICalSyntaxError(line: n, message: "no ':' before the value in \(quoted(text(0, b.count)))")
      }
      return ICalProperty(name: name, params: params, value: text(i + 1, b.count), line: n)
    }
  }

  /// Upper case: ASCII (every name and parameter a writer uses) byte by byte.
  static func upper(_ s: String) -> String {
    guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return s.uppercased() }
    return String(decoding: s.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
  }
}
