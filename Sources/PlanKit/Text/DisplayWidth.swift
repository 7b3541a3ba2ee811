/// How many terminal columns a character takes: 0 for controls, 2 for
/// emoji and East Asian wide characters, 1 otherwise. A `Character` is a
/// whole grapheme, so å written as a + combining ring is one column too.
public func displayWidth(_ c: Character) -> Int {
  let scalars = c.unicodeScalars
  guard let first = scalars.first else { return 0 }
  if isControl(first) { return 0 }
  if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation selector
  if first.properties.isEmojiPresentation { return 2 }
  return isWide(first.value) ? 2 : 1
}

public func displayWidth(_ s: String) -> Int {
  var w = 0
  for c in s { w += displayWidth(c) }
  return w
}

func isWide(_ v: UInt32) -> Bool {
  switch v {
  case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
    0x1F900...0x1F9FF, 0x20000...0x3FFFD:
    return true
  default:
    return false
  }
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
