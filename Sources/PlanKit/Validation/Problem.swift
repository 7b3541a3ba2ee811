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
    let name = visibleName(file)
    if position.line > 0 { return "\(name):\(position.line):\(position.column): error: \(message)" }
    return "\(name): error: \(message)"
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
    case _ where isControl(scalar) || isInvisibleFormat(scalar) || isLineSeparator(scalar):
      out += "\\u{" + hexDigits(scalar.value, width: 2) + "}"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "\""
}

/// A file name or other outside text printed to a terminal as it is, but
/// with every control and invisible format character written as `\u{…}`:
/// a name like `x\e]0;pwn\a.json` must not retitle the terminal.
/// C0 and DEL are single bytes, C1 starts with 0xC2, and every format
/// character and line separator starts with one of D8 E1 E2 EF F3: without
/// those bytes a text has nothing to escape or leave out.
func mayNeedSanitizing(_ s: String) -> Bool {
  s.utf8.contains(where: {
    $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xEF || $0 == 0xF3
  })
}

public func visibleName(_ s: String) -> String {
  // As in `sanitized`: without one of these bytes there is nothing to escape.
  guard mayNeedSanitizing(s),
    s.unicodeScalars.contains(where: { isControl($0) || isInvisibleFormat($0) || isLineSeparator($0) })
  else { return s }
  var out = ""
  for scalar in s.unicodeScalars {
    if isControl(scalar) || isInvisibleFormat(scalar) || isLineSeparator(scalar) {
      out += "\\u{" + hexDigits(scalar.value, width: 2) + "}"
    } else {
      out.unicodeScalars.append(scalar)
    }
  }
  return out
}

/// Characters that draw nothing but steer how others are shown: bidi
/// overrides and isolates (U+202E turns the rest of a line around), zero-width
/// spaces and joiners, the BOM, TAG characters. They are legal plan text and
/// stay in data files, but on a terminal they shift columns and leave stale
/// glyphs, so screen and text output leave them out.
public func isInvisibleFormat(_ s: Unicode.Scalar) -> Bool {
  switch s.value {
  case 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF,
    0xFFF9...0xFFFB, 0xE0000...0xE007F:
    return true
  default: return false
  }
}

/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks that
/// most terminals do not break on.
public func isLineSeparator(_ s: Unicode.Scalar) -> Bool { s.value == 0x2028 || s.value == 0x2029 }

/// C0, DEL and C1 controls: what a terminal may act on instead of print.
public func isControl(_ s: Unicode.Scalar) -> Bool {
  s.value < 0x20 || (0x7F...0x9F).contains(s.value)
}

/// Plan text with every control character replaced and every invisible
/// format character left out, for output that must never carry one
/// (summaries, the screen). Newlines (and U+2028/2029) become spaces unless kept.
public func sanitized(_ s: String, keepNewlines: Bool = false) -> String {
  guard mayNeedSanitizing(s),
    s.unicodeScalars.contains(where: { isControl($0) || isInvisibleFormat($0) || isLineSeparator($0) })
  else { return s }
  var out = String.UnicodeScalarView()
  for scalar in s.unicodeScalars {
    if (scalar == "\n" || isLineSeparator(scalar)) && keepNewlines {
      out.append("\n")
    } else if scalar == "\t" || scalar == "\n" || scalar == "\r" || isLineSeparator(scalar) {
      out.append(" ")
    } else if isInvisibleFormat(scalar) {
      continue
    } else if isControl(scalar) {
      out.append("\u{FFFD}")
    } else {
      out.append(scalar)
    }
  }
  return String(out)
}
