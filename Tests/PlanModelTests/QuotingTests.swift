import Testing

@testable import PlanModel

/// `quoted`, `visibleName` and `sanitized` skip their scalar walk when the
/// bytes show nothing to escape. The quick way must give what the walk gives,
/// for every character the walk acts on and its byte neighbours.
@Suite struct QuotingTests {
  static func needsEscape(_ c: Unicode.Scalar) -> Bool { isControl(c) || isInvisibleFormat(c) || isLineSeparator(c) }

  @Test func theQuickWayGivesWhatTheWalkGives() {
    let special: [UInt32] = [
      0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0xAD, 0x061C, 0x180E, 0x200A, 0x200B, 0x200F, 0x2010, 0x2013,
      0x2026, 0x2027, 0x2028, 0x202E, 0x202F, 0x205F, 0x2060, 0x2064, 0x2065, 0x2066, 0x206F, 0x2070, 0xFEFF,
      0xFFF9, 0xFFFC, 0xE0001, 0xE007F, 0x1F389,
    ]
    let pieces = special.map { String(Unicode.Scalar($0)!) } + ["a", "å", "Ö", "\"", "\\", " ", "Frukostträff "]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let s = (0..<Int.random(in: 0...70, using: &generator)).map { _ in
        Int.random(in: 0..<4, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : "x"
      }.joined()
      #expect(quoted(s) == quotedByWalk(s, limit: 60), "\(Array(s.unicodeScalars.map(\.value)))")
      #expect(quoted(s, limit: 5) == quotedByWalk(s, limit: 5))
      let escapes = s.unicodeScalars.contains(where: QuotingTests.needsEscape)
      #expect((visibleName(s) != s) == escapes)
      #expect(mayNeedSanitizing(s) || !escapes)
    }
  }
}
