/// One thing wrong with a plan, with where it is. Printed as
/// `file:line:col: error: message`, the form editors and CI logs understand.
public struct Problem: Sendable, Equatable, Error, CustomStringConvertible {
  public var position: SourcePosition
  public var message: String
  public init(_ message: String, at position: SourcePosition = .none) {
    self.message = message
    self.position = position
  }
  public func formatted(file: String) -> String {
    if position.line > 0 { return "\(file):\(position.line):\(position.column): error: \(message)" }
    return "\(file): error: \(message)"
  }
  public var description: String { formatted(file: "<plan>") }
}

/// Text from a plan shown in a message or on a terminal: quoted, with every
/// control character made visible, so one error stays one line and no escape
/// sequence from a file ever reaches the terminal raw.
public func quoted(_ s: String, limit: Int = 60) -> String {
  var out = "\""
  var count = 0
  for scalar in s.unicodeScalars {
    if count >= limit {
      out += "…"
      break
    }
    count += 1
    switch scalar {
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\"": out += "\\\""
    case _ where isControl(scalar): out += "\\u{" + hexDigits(scalar.value, width: 2) + "}"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "\""
}

/// C0, DEL and C1 controls: what a terminal may act on instead of print.
public func isControl(_ s: Unicode.Scalar) -> Bool {
  s.value < 0x20 || (0x7F...0x9F).contains(s.value)
}

/// Plan text with every control character replaced, for output that
/// must never carry one (summaries, the screen). Newlines become spaces
/// unless kept.
public func sanitized(_ s: String, keepNewlines: Bool = false) -> String {
  // C0 and DEL are single bytes, C1 starts with 0xC2: without those there is nothing to do.
  guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }),
    s.unicodeScalars.contains(where: isControl)
  else { return s }
  var out = String.UnicodeScalarView()
  for scalar in s.unicodeScalars {
    if scalar == "\n" && keepNewlines {
      out.append(scalar)
    } else if scalar == "\t" || scalar == "\n" || scalar == "\r" {
      out.append(" ")
    } else if isControl(scalar) {
      out.append("\u{FFFD}")
    } else {
      out.append(scalar)
    }
  }
  return String(out)
}
