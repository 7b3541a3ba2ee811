/// How many terminal columns a character takes: 0 for controls, marks that
/// combine with the character before and invisible format characters; 2 for
/// East Asian wide and full-width characters and emoji shown as emoji; 1
/// otherwise. A `Character` is a whole grapheme, so å written as a +
/// combining ring is one column. Checked against Python's wcwidth over every
/// code point a plan may hold (Tests/PlanModelTests/Oracles).
public func displayWidth(_ c: Character) -> Int {
  let scalars = c.unicodeScalars
  guard let first = scalars.first else { return 0 }
  if isControl(first) { return 0 }
  let alone = scalars.count == 1
  if alone && isOneColumnLatin(first.value) { return 1 }
  // A character followed by the emoji presentation selector is an emoji.
  if !alone && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
  // Two regional indicators are a flag; one alone is a letter in a box.
  if (0x1F1E6...0x1F1FF).contains(first.value) { return alone ? 1 : 2 }
  // A skin tone alone has nothing to colour.
  if alone && (0x1F3FB...0x1F3FF).contains(first.value) { return 0 }
  switch first.properties.generalCategory {
  case .nonspacingMark, .enclosingMark, .spacingMark, .format, .lineSeparator, .paragraphSeparator: return 0
  default: break
  }
  // Hangul vowels and final consonants join the syllable before them.
  if (0x1160...0x11FF).contains(first.value) || (0xD7B0...0xD7FF).contains(first.value) { return 0 }
  if first.properties.isEmojiPresentation { return 2 }
  return isWide(first.value) ? 2 : 1
}

/// A scalar that is a character of its own one column wide whatever
/// follows it: printable Latin below U+0300 (no mark, wide or emoji
/// character is there), except the invisible soft hyphen.
@inline(__always) public func isOneColumnLatin(_ v: UInt32) -> Bool {
  (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300 && v != 0xAD)
}

public func displayWidth(_ s: String) -> Int {
  // Printable ASCII: a column a byte, without taking the text apart into characters.
  if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
  // Swedish text: a column a scalar.
  var latin = 0
  for v in s.unicodeScalars {
    guard isOneColumnLatin(v.value) else {
      latin = -1
      break
    }
    latin += 1
  }
  if latin >= 0 { return latin }
  var w = 0
  for c in s { w += displayWidth(c) }
  return w
}

/// East Asian Width W or F (the generated `wideRanges`), by binary search.
func isWide(_ v: UInt32) -> Bool {
  if v < 0x1100 { return false }
  var low = 0
  var high = wideRanges.count - 1
  while low <= high {
    let mid = (low + high) / 2
    if v < wideRanges[mid].lowerBound {
      high = mid - 1
    } else if v > wideRanges[mid].upperBound {
      low = mid + 1
    } else {
      return true
    }
  }
  return false
}

/// Greedy word wrap by display width; a word longer than a line is cut.
public func wrap(_ text: String, width: Int) -> [String] {
  let width = max(width, 8)
  // Most titles fit on their line as they are: single spaces between
  // words, none at the ends, no character without width.
  if let w = plainLineWidth(text), w <= width { return [text] }
  return wrapWords(text, width: width)
}

/// The word wrap itself, without the shortcut for a text that fits.
func wrapWords(_ text: String, width: Int) -> [String] {
  var lines: [String] = []
  var line = ""
  var lineWidth = 0
  for word in text.split(separator: " ", omittingEmptySubsequences: true) {
    var w = String(word)
    var ww = displayWidth(w)
    if lineWidth > 0 && lineWidth + 1 + ww <= width {
      line += " " + w
      lineWidth += 1 + ww
      continue
    }
    if lineWidth > 0 {
      lines.append(line)
      line = ""
      lineWidth = 0
    }
    while ww > width {
      var head = ""
      var hw = 0
      for c in w {
        if hw + displayWidth(c) > width { break }
        head.append(c)
        hw += displayWidth(c)
      }
      lines.append(head)
      w = String(w.dropFirst(head.count))
      ww = displayWidth(w)
    }
    line = w
    lineWidth = ww
  }
  if lineWidth > 0 || lines.isEmpty { lines.append(line) }
  return lines
}

/// The width of a text that wrapping would give back as it is, or nil.
func plainLineWidth(_ text: String) -> Int? {
  var total = 0
  var afterSpace = true
  var latin = true
  for s in text.unicodeScalars {
    if s == " " {
      if afterSpace { return nil }
      afterSpace = true
      total += 1
    } else if isOneColumnLatin(s.value) {
      total += 1
      afterSpace = false
    } else {
      latin = false
      break
    }
  }
  if latin { return afterSpace ? nil : total }
  total = 0
  afterSpace = true
  for c in text {
    if c == " " {
      if afterSpace { return nil }
      afterSpace = true
      total += 1
      continue
    }
    let w = displayWidth(c)
    if w == 0 { return nil }
    total += w
    afterSpace = false
  }
  return afterSpace ? nil : total
}

/// Pads with spaces to `width` columns.
public func padded(_ s: String, to width: Int) -> String {
  let w = displayWidth(s)
  return w >= width ? s : s + String(repeating: " ", count: width - w)
}
