import PlanUI
import Testing

/// TextOrder's quick path must order exactly as `<` does, or the Gantt
/// rows would move between one version and the next.
@Suite struct TextOrderTests {
  @Test func ordersAsSwiftDoes() {
    // Precomposed and decomposed å, the Ångström sign (which normalizes to
    // Å), Latin letters around U+0300, emoji, and plain ASCII.
    let pieces = [
      "a", "A", "å", "a\u{30A}", "Å", "\u{212B}", "ö", "o\u{308}", "é", "z", "ÿ", "\u{2FF}", "\u{300}", "–", "🎉",
      " ", "Z", "ä",
    ]
    var generator = SystemRandomNumberGenerator()
    let texts = (0..<400).map { _ in
      (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
    let order = TextOrder(texts)
    var quickAnswers = 0
    for _ in 0..<20_000 {
      let i = Int.random(in: 0..<texts.count, using: &generator)
      let j = Int.random(in: 0..<texts.count, using: &generator)
      #expect(order.precedes(texts[i], i, texts[j], j) == (texts[i] < texts[j]), "\(texts[i]) \(texts[j])")
      #expect(order.same(texts[i], i, texts[j], j) == (texts[i] == texts[j]))
      if let quick = order.quickOrder(i, j) {
        #expect(quick == (texts[i] < texts[j]), "\(texts[i]) \(texts[j])")
        quickAnswers += 1
      }
    }
    #expect(quickAnswers > 0)
    // The quick path answers where the first eight bytes differ, and only there.
    let titles = ["Årsmöte i Örebro", "Årsmöte i Öland", "Arsmöte", "ab", "abc", "A\u{30A}rsmöte", ""]
    let titleOrder = TextOrder(titles)
    #expect(titleOrder.quickOrder(0, 1) == nil)  // both begin with the same eight bytes, "Årsmöt"
    #expect(titleOrder.quickOrder(0, 2) == false)
    #expect(titleOrder.quickOrder(2, 0) == true)
    #expect(titleOrder.quickOrder(3, 4) == true)
    #expect(titleOrder.quickOrder(6, 3) == true)
    #expect(titleOrder.quickOrder(0, 5) == nil)  // a combining ring: compared as Swift does
    #expect(TextOrder.isSimple("Årsmöte i Örebro"))
    #expect(!TextOrder.isSimple("A\u{30A}rsmöte"))
  }
}
