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
    // Bytes, not Characters: after folding, a slug keeps only ASCII
    // letters and digits, and each other run becomes one dash.
    var out: [UInt8] = []
    var dash = false
    func keep(_ b: UInt8) {
      if dash { out.append(0x2D) }
      dash = false
      out.append(b)
    }
    // Straight from UTF-8, folding as `folded` does: å ä ö (two bytes,
    // C3 xx) become their plain letters, a combining accent (CC/CD xx) is
    // skipped, anything else that is not a letter or digit separates.
    let bytes = Array(title.utf8)
    // Beyond Latin-1 a character has its own lower case (İ is i and a dot):
    // such a title takes the long way, through `folded`.
    if bytes.contains(where: { $0 >= 0xC4 && $0 != 0xCC && $0 != 0xCD }) {
      for b in folded(title).utf8 {
        if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { keep(b) } else { dash = !out.isEmpty }
      }
      return out.isEmpty ? "item" : String(decoding: out.prefix(48), as: UTF8.self)
    }
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
        keep(b)
      } else if b >= 0x41 && b <= 0x5A {
        keep(b + 0x20)
      } else if b == 0xC3, i + 1 < bytes.count {
        var v = 0xC0 + UInt32(bytes[i + 1] & 0x3F)
        if (0xC0...0xDE).contains(v) && v != 0xD7 { v += 0x20 }
        if let plain = Unicode.Scalar(v).flatMap(foldedLetter) {
          for p in plain.utf8 { keep(p) }
        } else {
          dash = !out.isEmpty
        }
        i += 1
      } else if (b == 0xCC || b == 0xCD) && i + 1 < bytes.count && (b == 0xCC || bytes[i + 1] < 0xB0) {
        i += 1  // U+0300–U+036F
      } else {
        dash = !out.isEmpty
      }
      i += 1
    }
    if out.isEmpty { return "item" }
    return String(decoding: out.prefix(48), as: UTF8.self)
  }

  /// A slug not yet in `taken`: "x", then "x-2", "x-3", …
  public static func unique(_ base: String, taken: Set<String>) -> String {
    unique(base, isTaken: taken.contains)
  }

  /// `base`, or `base-2`, `base-3` … the first that `isTaken` says is free.
  public static func unique(_ base: String, isTaken: (String) -> Bool) -> String {
    if !isTaken(base) { return base }
    var n = 2
    while isTaken("\(base)-\(n)") { n += 1 }
    return "\(base)-\(n)"
  }
}

/// Lower case with the accents taken off ("Öppet Hus" → "oppet hus"): for ids
/// made from titles, and for searches that find "Frukostträff" by "frukosttraff".
public func folded(_ s: String) -> String {
  // Plain ASCII (most titles and ids): lower-cased byte by byte.
  if s.utf8.allSatisfy({ $0 < 0x80 }) {
    return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
  }
  // Else scalar by scalar (a Character walk over `lowercased()` was a
  // tenth of an import): Latin-1 letters folded by number, a combining
  // accent (a decomposed é) dropped like the accent of a composed one, the
  // rest by its own lower-case mapping.
  var out = String.UnicodeScalarView()
  for u in s.unicodeScalars {
    var v = u.value
    if v < 0x80 {
      out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : u)
      continue
    }
    if (0x300...0x36F).contains(v) { continue }
    if (0xC0...0xDE).contains(v) && v != 0xD7 { v += 0x20 }
    if let small = Unicode.Scalar(v), let plain = foldedLetter(small) {
      out.append(contentsOf: plain.unicodeScalars)
      continue
    }
    out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
  }
  return String(out)
}

private func foldedLetter(_ s: Unicode.Scalar) -> String? {
  switch s.value {
  case 0xE5, 0xE4, 0xE0, 0xE1, 0xE2, 0xE3: return "a"  // å ä à á â ã
  case 0xF6, 0xF8, 0xF2, 0xF3, 0xF4, 0xF5: return "o"  // ö ø ò ó ô õ
  case 0xE9, 0xE8, 0xEA, 0xEB: return "e"  // é è ê ë
  case 0xFC, 0xFA, 0xF9, 0xFB: return "u"  // ü ú ù û
  case 0xED, 0xEC, 0xEE, 0xEF: return "i"  // í ì î ï
  case 0xE7: return "c"  // ç
  case 0xF1: return "n"  // ñ
  case 0xE6: return "ae"  // æ
  case 0xDF: return "ss"  // ß
  default: return nil
  }
}
