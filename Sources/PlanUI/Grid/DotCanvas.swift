/// A canvas of dots drawn into grid cells: braille (2×4 dots a cell, smooth)
/// or, for fonts without braille, plain characters (1×2 a cell). Each cell
/// keeps the style of its most important dot.
public struct DotCanvas: Sendable {
  public enum Mode: Sendable { case braille, ascii }

  public let mode: Mode
  public let columns: Int
  public let rows: Int
  /// Dots across and down.
  public var width: Int { columns * (mode == .braille ? 2 : 1) }
  public var height: Int { rows * (mode == .braille ? 4 : 2) }

  private var bits: [UInt8]
  private var styles: [Style]
  private var priorities: [Int]
  private var asciiChars: [Character?]

  public init(columns: Int, rows: Int, mode: Mode) {
    self.mode = mode
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    let n = self.columns * self.rows
    bits = Array(repeating: 0, count: n)
    styles = Array(repeating: .plain, count: n)
    priorities = Array(repeating: -1, count: n)
    asciiChars = Array(repeating: nil, count: n)
  }

  // Braille dot numbering: bit for (dx, dy) within the cell.
  private static let brailleBit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// Lights the dot at (x, y). `ascii` is the character to use in ASCII mode.
  public mutating func set(_ x: Int, _ y: Int, style: Style, priority: Int = 0, ascii: Character = "#") {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let cx: Int
    let cy: Int
    switch mode {
    case .braille:
      cx = x / 2
      cy = y / 4
      bits[cy * columns + cx] |= Self.brailleBit[x % 2][y % 4]
    case .ascii:
      cx = x
      cy = y / 2
      bits[cy * columns + cx] |= y % 2 == 0 ? 1 : 2
    }
    let i = cy * columns + cx
    if priority >= priorities[i] {
      priorities[i] = priority
      styles[i] = style
      if mode == .ascii { asciiChars[i] = ascii }
    }
  }

  /// Writes the lit cells into the grid at (x, y); dark cells are left alone.
  public func draw(into g: inout Grid, x: Int, y: Int) {
    for row in 0..<rows {
      for col in 0..<columns {
        let i = row * columns + col
        guard bits[i] != 0 else { continue }
        let ch: Character
        switch mode {
        case .braille: ch = Character(Unicode.Scalar(0x2800 + UInt32(bits[i]))!)
        case .ascii:
          let c = asciiChars[i] ?? "#"
          // Half-lit cells get a lighter mark, so thin lines stay thin.
          ch = bits[i] == 3 ? c : (c == "#" ? (bits[i] == 1 ? "'" : ".") : c)
        }
        g.put(narrow: ch, x: x + col, y: y + row, style: styles[i])
      }
    }
  }
}
