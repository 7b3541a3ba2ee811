/// One thing wrong with a plan, with where it is. Printed as
/// `file:line:col: error: message`, the form editors and CI logs understand.
public struct Problem: Sendable, Equatable, Error, CustomStringConvertible {
  public var position: SourcePosition
  public var message: String
  /// Where it is when that is another file than the plan ("kalender.ics:12",
  /// an import's input); nil for the plan's own problems.
  public var place: String?
  public init(_ message: String, at position: SourcePosition = .none) {
    self.message = message
    self.position = position
  }

  /// A problem of another file, at its place there.
  public init(_ message: String, in place: String) {
    self.message = message
    self.position = .none
    self.place = place
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
  // Most text has nothing to escape: copied whole (or cut after `limit`
  // characters) instead of a scalar at a time; `check` quotes thousands.
  if !mayNeedSanitizing(s) && !s.utf8.contains(UInt8(ascii: "\"")) {
    guard s.utf8.count > limit else { return "\"" + s + "\"" }
    var count = 0
    for i in s.unicodeScalars.indices {
      if count == limit { return "\"" + String(s.unicodeScalars[..<i]) + "…\"" }
      count += 1
    }
    return "\"" + s + "\""
  }
  return quotedByWalk(s, limit: limit)
}

/// `quoted` a scalar at a time: for text with something to escape.
func quotedByWalk(_ s: String, limit: Int) -> String {
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
/// Whether a text may hold a control, invisible format or line-separator
/// character, judged on its bytes: C0 and DEL are single bytes, C1 is C2
/// 80–9F, the format characters and separators of U+2000–U+206F are E2 80
/// 8B–8F, E2 80 A8–AE and E2 81 A0–AF, and the rest start with D8 E1 EF F3.
/// Without those, nothing needs escaping or leaving out (a dash, an
/// ellipsis or å ä ö do not).
func mayNeedSanitizing(_ s: String) -> Bool {
  func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = b.count
    var i = 0
    while i < n {
      let c = b[i]
      if c < 0x20 || c == 0x7F { return true }
      if c >= 0xC2 {
        switch c {
        case 0xC2: if i + 1 < n && b[i + 1] <= 0x9F { return true }
        case 0xD8, 0xE1, 0xEF, 0xF3: return true
        case 0xE2:
          guard i + 2 < n else { return true }
          let (x, y) = (b[i + 1], b[i + 2])
          if x == 0x80 && ((0x8B...0x8F).contains(y) || (0xA8...0xAE).contains(y)) { return true }
          if x == 0x81 && (0xA0...0xAF).contains(y) { return true }
        default: break
        }
      }
      i += 1
    }
    return false
  }
  return s.utf8.withContiguousStorageIfAvailable(scan) ?? Array(s.utf8).withUnsafeBufferPointer(scan)
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
