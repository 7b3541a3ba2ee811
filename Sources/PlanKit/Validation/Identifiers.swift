/// Ids appear in iCalendar UIDs, file diffs and the command line, so they
/// are kept to a safe alphabet.
public enum Identifier {
  public static let maxLength = 64

  public static func isValid(_ id: String) -> Bool {
    var count = 0
    for b in id.utf8 {
      let ok =
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
        || ((b == 0x2D || b == 0x2E) && count > 0)
      guard ok else { return false }
      count += 1
    }
    return count > 0 && count <= maxLength
  }

  public static let rule = "letters a–z, digits, '-', '_' and '.' (at most 64, not starting with '-' or '.')"

  /// An id from a title: "Digital frukostträff 8/2" → "digital-frukosttraff-8-2".
  public static func slug(_ title: String) -> String {
    var out = ""
    var dash = false
    for ch in folded(title) {
      if ch.isASCII && (ch.isLetter || ch.isNumber) {
        if dash { out += "-" }
        dash = false
        out.append(ch)
      } else {
        dash = !out.isEmpty
      }
    }
    if out.isEmpty { out = "item" }
    return String(out.prefix(48))
  }

  /// A slug not yet in `taken`: "x", then "x-2", "x-3", …
  public static func unique(_ base: String, taken: Set<String>) -> String {
    if !taken.contains(base) { return base }
    var n = 2
    while taken.contains("\(base)-\(n)") { n += 1 }
    return "\(base)-\(n)"
  }
}

/// Lower case with the accents taken off ("Öppet Hus" → "oppet hus"): for ids
/// made from titles, and for searches that find "Frukostträff" by "frukosttraff".
public func folded(_ s: String) -> String {
  var out = ""
  for ch in s.lowercased() {
    switch ch {
    case "å", "ä", "à", "á", "â", "ã": out += "a"
    case "ö", "ø", "ò", "ó", "ô", "õ": out += "o"
    case "é", "è", "ê", "ë": out += "e"
    case "ü", "ú", "ù", "û": out += "u"
    case "í", "ì", "î", "ï": out += "i"
    case "ç": out += "c"
    case "ñ": out += "n"
    case "æ": out += "ae"
    case "ß": out += "ss"
    default: out.append(ch)
    }
  }
  return out
}
