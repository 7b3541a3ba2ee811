/// How much text one field of a plan may hold, and which code points it may
/// not hold at all. The limits keep every view and export cheap (a form
/// shows a title in one row; a 1.5 M-character title is a broken file, not a
/// title) and are documented in docs/plan-format.md.
public enum TextLimits {
  /// A one-line field: title, theme name, owner, location.
  public static let line = 500
  /// Notes, which may hold several paragraphs.
  public static let notes = 20_000

  /// U+FDD0–U+FDEF and every U+xFFFE/U+xFFFF: "noncharacters" that XML 1.0
  /// refuses, so an SVG or HTML export with one would not open.
  public static func isNoncharacter(_ s: Unicode.Scalar) -> Bool {
    (s.value & 0xFFFE) == 0xFFFE || (0xFDD0...0xFDEF).contains(s.value)
  }
}
