import PlanModel

/// The page's style sheet: the palette of both modes (`HTMLPalette`), a
/// colour per theme (`--cN` for its arcs, `--bN` for its ring), and a rule
/// per theme that hides its rows in a month that has `hide-tN`. A hidden
/// theme's ring and legend line have `off` (the ring by opacity, which the
/// browser's compositor does alone). A theme button so changes a class on
/// a few elements, never one that every element of the page must be
/// checked against.
enum HTMLStyle {
  static func css(_ layout: WheelLayout) -> String {
    func vars(_ mode: HTMLPalette.Mode) -> String {
      var s =
        "--bg: \(mode.bg); --fg: \(mode.fg); --muted: \(mode.muted); --m0: \(mode.m0); --m1: \(mode.m1); --line: \(mode.line); --focus: \(mode.focus);"
      for (i, ring) in layout.rings.enumerated() {
        let arc = HTMLPalette.arc(ring.theme.hexColor, mode)
        s += " --c\(i): \(arc); --b\(i): \(ring.theme.hexColor); --l\(i): \(HTMLPalette.text(on: arc));"
      }
      return s
    }
    var themes = ""
    for i in layout.rings.indices {
      themes +=
        ".t\(i) .band { fill: var(--b\(i)); } .t\(i) .arc, .t\(i) .mark { stroke: var(--c\(i)); } .t\(i) .mark { fill: var(--c\(i)); } .t\(i) .letter { fill: var(--l\(i)); } .sw.s\(i), tr.t\(i) > td:nth-child(5)::before { background: var(--c\(i)); } .month.hide-t\(i) tr.t\(i) { display: none; }\n"
    }
    // The page.css file between the palette and the theme rules, as the
    // cascade needs them: the themes' rules win over the file's.
    return ":root { color-scheme: light dark; \(vars(HTMLPalette.light)) }\n"
      + "@media (prefers-color-scheme: dark) { :root { \(vars(HTMLPalette.dark)) } }\n"
      + sheet + ".band { opacity: \(HTMLPalette.bandOpacity); }\n" + themes
  }

  /// Resources/page.css, as the build embedded it.
  static let sheet = String(decoding: PackageResources.page_css, as: UTF8.self)
}
