import Testing

@testable import PlanModel

/// Ids made from titles (issue 26's import speed): the slug is read
/// straight from UTF-8, and must be what folding the title and keeping its
/// letters and digits gives, for every kind of title.
@Suite struct SlugTests {
  /// The slug by its definition: the folded title, runs of anything but
  /// a–z and 0–9 made one dash, at most 48 characters.
  func reference(_ title: String) -> String {
    var out = ""
    var dash = false
    for u in folded(title).unicodeScalars {
      if ("a"..."z").contains(u) || ("0"..."9").contains(u) {
        if dash { out += "-" }
        dash = false
        out.unicodeScalars.append(u)
      } else {
        dash = !out.isEmpty
      }
    }
    return out.isEmpty ? "item" : String(out.prefix(48))
  }

  @Test(arguments: [
    "Kulturting Sörmland", "ÖPPET HUS – Åsa & Ärla", "Café × Ölands ÿ", "Straße 12", "e\u{301}te\u{301}",
    "Łódź möte", "日本 samtal", "", "—", "Ångö 2023/24 (utkast)", "A\u{30A}sa", "ÆØÅ æøå", "İstanbul",
    "🎉 Fest 🎉", "x\u{202E}y", String(repeating: "Långt namn ", count: 10),
  ])
  func theSlugIsTheFoldedTitlesLettersAndDigits(_ title: String) {
    #expect(Identifier.slug(title) == reference(title))
  }
}
