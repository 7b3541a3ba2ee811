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
    return """
      :root { color-scheme: light dark; \(vars(HTMLPalette.light)) }
      @media (prefers-color-scheme: dark) { :root { \(vars(HTMLPalette.dark)) } }
      body { margin: 0 auto; max-width: 1200px; padding: 1rem; font-family: system-ui, sans-serif; background: var(--bg); color: var(--fg); line-height: 1.45; }
      h1 { margin: 0.2rem 0; font-size: 1.8rem; }
      .period, .muted { color: var(--muted); }
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; align-items: start; }
      @media (max-width: 700px) {
        .layout { display: block; }
        table, tbody, tr, td { display: block; width: auto; }
        thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
        td { border: 0; padding: 0.05rem 0; }
        td:first-child { font-weight: bold; }
      }
      svg { width: 100%; height: auto; display: block; }
      .wheel-box { position: relative; }
      .wheel-box svg + svg { position: absolute; top: 0; left: 0; will-change: opacity; pointer-events: none; }
      .arc, .mark { pointer-events: auto; }
      .ring.off { opacity: 0; } .legend .off { display: none; }
      .month.m0 { fill: var(--m0); } .month.m1 { fill: var(--m1); }
      .layer-band { fill: var(--m0); stroke: var(--line); stroke-width: 0.5; } .layer-days { fill: var(--muted); } .sw.lw { background: var(--muted); }
      .month-name { font-size: 17px; font-weight: bold; fill: var(--fg); text-anchor: middle; dominant-baseline: middle; text-transform: uppercase; }
      .band { opacity: \(HTMLPalette.bandOpacity); }
      .arc { fill: none; }
      .label-line { fill: none; stroke: none; }
      .arc.done { stroke-dasharray: 2 1.2; }
      .arc.cancelled { stroke: var(--muted) !important; stroke-dasharray: 5 4; }
      html:not(.js) .arc:hover, html:not(.js) .mark:hover, .hover-ring path { filter: drop-shadow(0 0 1.5px var(--fg)); }
      .arc:focus, .mark:focus { outline: none; }
      .focus-ring, .hover-ring { pointer-events: none; }
      .num, .letter { font-weight: bold; text-anchor: middle; dominant-baseline: central; pointer-events: none; }
      .num { fill: var(--fg); stroke: var(--bg); stroke-width: 2.5px; paint-order: stroke; }
      textPath { dominant-baseline: central; }
      .letter { font-size: 8px; }
      .letter.done { fill: var(--fg) !important; }
      .mark { stroke-width: 1.2; stroke: var(--fg) !important; }
      .mark.done { fill: var(--bg); }
      .centre { fill: var(--bg); stroke: var(--line); }
      .year { font-size: 44px; font-weight: bold; fill: var(--fg); text-anchor: middle; }
      .hand line { stroke: #c0392b; stroke-width: 3; stroke-linecap: round; }
      .tip { min-height: 3em; margin: 0.5rem 0; }
      .hint { color: var(--muted); font-size: 0.9rem; margin: 0.3rem 0; }
      /* The theme cell (the fifth) has its swatch from its row's class. */
      .sw, .agenda tr[class] > td:nth-child(5)::before { content: ""; display: inline-block; width: 0.9em; height: 0.9em; border-radius: 0.2em; margin-right: 0.4em; vertical-align: -0.1em; border: 1px solid var(--muted); }
      .legend { list-style: none; padding: 0; }
      .js .agenda .part { content-visibility: auto; }
      .part table { margin-bottom: 0; } .part:last-of-type table { margin-bottom: 1rem; }
      table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
      th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--m0); vertical-align: top; }
      .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
      .controls[hidden] { display: none; }
      button, .button { font: inherit; padding: 0.35rem 0.8rem; border-radius: 0.4rem; border: 1px solid var(--muted); background: var(--bg); color: var(--fg); cursor: pointer; text-decoration: none; display: inline-block; }
      .theme-toggle[aria-pressed="false"] { text-decoration: line-through; border-style: dashed; }
      .theme-toggle[aria-pressed="false"] .sw { background: transparent; }
      button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      :target, :target .muted { background: #fff3b0; color: #1f1f1f; }
      a { color: inherit; }
      .subscribe a { margin-right: 0.6rem; }
      @media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
      @media print { .controls, .subscribe, .tip, .hint, footer { display: none !important; } body { max-width: none; } .layout { display: block; } .wheel-box { max-width: 170mm; margin: 0 auto; } .js .agenda .part { content-visibility: visible; } @page { size: A4; margin: 12mm; } }
      \(themes)
      """
  }
}
