import PlanModel

/// A colour as the views mean it; the terminal decides how to show it
/// (8 colours, 256, or none under NO_COLOR).
public enum Color: Sendable, Hashable {
  case none
  /// ANSI 0–7: black red green yellow blue magenta cyan white.
  case ansi(Int)
  case rgb(UInt8, UInt8, UInt8)
  /// A dim grey for things in the background (weekends, grid lines).
  case grey

  public init(_ theme: ThemeColor) {
    switch theme {
    case .named(let n): self = .ansi(ThemeColor.names.firstIndex(of: n) ?? 7)
    case .rgb(let r, let g, let b): self = .rgb(r, g, b)
    }
  }

  public static let red = Color.ansi(1)
  public static let yellow = Color.ansi(3)
  public static let cyan = Color.ansi(6)
}

public struct Style: Sendable, Hashable {
  public var fg: Color = .none
  public var bg: Color = .none
  public var bold = false
  public var dim = false
  public var reverse = false
  public var underline = false

  public init(
    fg: Color = .none, bg: Color = .none, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
    underline: Bool = false
  ) {
    self.fg = fg
    self.bg = bg
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  public static let plain = Style()
  public static let bold = Style(bold: true)
  public static let dim = Style(dim: true)
  public static let reverse = Style(reverse: true)
}
