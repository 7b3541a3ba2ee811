import Testing

@testable import PlanModel

/// The id table must answer as a dictionary of first offsets would, for
/// ASCII ids (hashed as bytes) and others (kept by `==`, so é written two
/// ways is one id).
@Suite struct IDTableTests {
  @Test func answersAsADictionaryOfFirstPlaces() {
    let pool =
      ["a", "b", "frukost-1", "Frukost-1", "x_9", "é", "e\u{301}", "ö", "", "a.b", "🎉"]
      + (0..<3000).map { "id-\($0)" }
    var generator = SystemRandomNumberGenerator()
    var table = IDTable()
    var reference: [String: Int] = [:]
    for offset in 0..<20_000 {
      let id = pool.randomElement(using: &generator)!
      let first = table.insert(id, at: offset)
      #expect(first == reference[id], "\(id)")
      if reference[id] == nil { reference[id] = offset }
    }
    for id in pool + ["nope", "e"] {
      #expect(table.offset(of: id) == reference[id])
    }
    #expect(table.count == reference.count)
  }
}
