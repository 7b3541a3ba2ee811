/// iCalendar content lines (RFC 5545 §3.1): CRLF endings, folded at 75
/// octets without ever splitting a UTF-8 character, TEXT escaped.
struct ContentLines {
  private(set) var text = ""

  mutating func add(_ name: String, _ value: String) {
    fold(name + ":" + value)
  }

  mutating func add(_ name: String, params: String, _ value: String) {
    fold(name + ";" + params + ":" + value)
  }

  mutating func text(_ name: String, _ value: String) {
    add(name, Self.escape(value))
  }

  private mutating func fold(_ line: String) {
    let bytes = Array(line.utf8)
    var start = 0
    var limit = 75
    while bytes.count - start > limit {
      var cut = start + limit
      // Back off to the first byte of a character.
      while cut > start && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
      text += String(decoding: bytes[start..<cut], as: UTF8.self) + "\r\n "
      start = cut
      limit = 74  // the leading space of a continuation line counts
    }
    text += String(decoding: bytes[start...], as: UTF8.self) + "\r\n"
  }

  /// TEXT escaping: backslash, semicolon, comma and newline; never colon.
  /// Other control characters cannot be written in TEXT and are dropped.
  static func escape(_ s: String) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": out += "\\n"
      case "\r": continue
      case "\t": out += " "
      case _ where isControl(scalar): continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
