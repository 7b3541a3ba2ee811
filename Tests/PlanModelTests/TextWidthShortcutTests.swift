import Testing

@testable import PlanModel

/// The shortcuts for Latin text (issue 13) must give what the character
/// by character rules give: the width of a text and its word wrap.
@Suite struct TextWidthShortcutTests {
  static let pieces = [
    "a", "Å", "ö", " ", "  ", "e\u{301}", "\u{AD}", "🎉", "日本", "\u{200B}", "©", "ÿ", "ſ", "\t", "x\u{FE0F}",
    "kulturaktörer", "Sörmland", "–",
  ]

  @Test func latinShortcutsAgreeWithTheCharacterRules() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        Self.pieces.randomElement(using: &generator)!
      }.joined()
      #expect(displayWidth(text) == text.reduce(0) { $0 + displayWidth($1) }, "\(text.unicodeScalars.map(\.value))")
      for width in [8, 12, 30] {
        #expect(wrap(text, width: width) == wrapWords(text, width: width), "\(text.debugDescription) at \(width)")
      }
    }
  }
}
