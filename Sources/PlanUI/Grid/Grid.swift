import PlanFormats
import PlanModel

/// One terminal cell. A wide character (emoji, CJK) fills its cell and marks
/// the next one as its continuation, which the terminal then skips.
public struct Cell: Sendable, Hashable {
  public var character: Character
  public var style: Style
  public var isContinuation: Bool

  public init(_ character: Character = " ", _ style: Style = .plain, isContinuation: Bool = false) {
    self.character = character
    self.style = style
    self.isContinuation = isContinuation
  }

  public static let blank = Cell()
}

public struct Rect: Sendable, Hashable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }
  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
}

/// What a frame looks like: the views draw into this and nothing else; the
/// terminal turns it into curses calls, and the tests read it as text.
public struct Grid: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  public func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

  /// Writes text from (x, y), clipped to `clip` (default: the row). Control
  /// characters become "�"; a wide character that does not fit is left out.
  /// Returns the column after the text.
  @discardableResult
  public mutating func text(_ s: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
    let area = clip ?? bounds
    guard y >= area.y, y < area.maxY, y >= 0, y < height else { return x }
    let limit = min(area.maxX, width)
    var col = x
    // Latin text (ASCII, å ä ö é): a scalar is a character and a column, and
    // there is nothing to sanitize; no taking apart into graphemes.
    if s.unicodeScalars.allSatisfy({ isOneColumnLatin($0.value) }) {
      for scalar in s.unicodeScalars {
        if col + 1 > limit { break }
        if col >= max(area.x, 0) { put(Character(scalar), x: col, y: y, style: style, width: 1) }
        col += 1
      }
      return col
    }
    // Bidi overrides, zero-width and other invisible format characters are
    // left out: the terminal would move columns or leave stale glyphs.
    for ch in sanitized(s) {
      var c = ch
      var w = displayWidth(c)
      if w == 0 {
        if ch.unicodeScalars.first.map(isControl) ?? false {
          c = "\u{FFFD}"
          w = 1
        } else {
          continue
        }
      }
      if col + w > limit { break }
      if col >= max(area.x, 0) {
        put(c, x: col, y: y, style: style, width: w)
      }
      col += w
    }
    return col
  }

  /// Text cut to `width` columns, with "…" when it had to be cut.
  @discardableResult
  public mutating func text(_ s: String, x: Int, y: Int, width: Int, style: Style = .plain) -> Int {
    guard width > 0 else { return x }
    let fitted = fit(s, width)
    return text(fitted, x: x, y: y, style: style, clip: Rect(x: x, y: y, width: width, height: 1))
  }

  /// One visible character one column wide (a braille cell, an ASCII mark)
  /// at (x, y) if that is on the grid: `text` of it, without measuring it.
  public mutating func put(narrow c: Character, x: Int, y: Int, style: Style) {
    guard contains(x, y) else { return }
    put(c, x: x, y: y, style: style, width: 1)
  }

  private mutating func put(_ c: Character, x: Int, y: Int, style: Style, width w: Int) {
    // Writing over half of a wide character blanks its other half.
    if self[x, y].isContinuation && x > 0 { self[x - 1, y] = Cell(" ", self[x - 1, y].style) }
    if x + 1 < width && !self[x, y].isContinuation && w == 1 && self[x + 1, y].isContinuation {
      self[x + 1, y] = Cell(" ", self[x + 1, y].style)
    }
    self[x, y] = Cell(c, style)
    if w == 2 && x + 1 < width { self[x + 1, y] = Cell(" ", style, isContinuation: true) }
  }

  public mutating func fill(_ r: Rect, _ c: Character = " ", style: Style = .plain) {
    for yy in max(0, r.y)..<min(height, r.maxY) {
      for xx in max(0, r.x)..<min(width, r.maxX) { self[xx, yy] = Cell(c, style) }
    }
  }

  /// The frame as text, one string per row, trailing spaces kept: what
  /// snapshot tests compare.
  public var lines: [String] {
    (0..<height).map { y in
      var s = ""
      for x in 0..<width where !self[x, y].isContinuation { s.append(self[x, y].character) }
      return s
    }
  }
}

/// `s` cut to `width` columns with a trailing "…" if it was longer.
public func fit(_ s: String, _ width: Int) -> String {
  guard width > 0 else { return "" }
  if displayWidth(s) <= width { return s }
  var out = ""
  var w = 0
  for c in s {
    let cw = displayWidth(c)
    if w + cw > width - 1 { break }
    out.append(c)
    w += cw
  }
  return out + "…"
}
