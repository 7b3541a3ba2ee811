/// How many terminal columns a character takes: 0 for controls, marks that
/// combine with the character before and invisible format characters; 2 for
/// East Asian wide and full-width characters and emoji shown as emoji; 1
/// otherwise. A `Character` is a whole grapheme, so å written as a +
/// combining ring is one column. Checked against Python's wcwidth over every
/// code point a plan may hold (Tests/PlanKitTests/Oracles).
public func displayWidth(_ c: Character) -> Int {
  let scalars = c.unicodeScalars
  guard let first = scalars.first else { return 0 }
  if isControl(first) { return 0 }
  let alone = scalars.count == 1
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

public func displayWidth(_ s: String) -> Int {
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

/// Pads with spaces to `width` columns.
public func padded(_ s: String, to width: Int) -> String {
  let w = displayWidth(s)
  return w >= width ? s : s + String(repeating: " ", count: width - w)
}
