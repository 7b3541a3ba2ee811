#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The year wheel as one web page: the wheel (the geometry of the printed
/// one, `WheelLayout`), the agenda by month and by theme, milestones, the
/// legend and a link to subscribe; inline CSS and a small script, nothing
/// fetched from elsewhere, so it works from `file://` and on any server.
/// Without the script everything is there and readable; the script only
/// hides themes, switches the agenda's order, shows an arc's details and
/// draws the hand at today (in the browser, so the page stays the same
/// bytes for the same plan).
public struct HTMLOptions: Sendable {
  public var year: Int
  public var themes: [String]?
  public var language: Language?
  /// A calendar address to subscribe to (https:, http: or webcal:).
  public var icsURL: String?
  /// The name of an .ics written beside the page, to download.
  public var download: String?

  public init(
    year: Int, themes: [String]? = nil, language: Language? = nil, icsURL: String? = nil, download: String? = nil
  ) {
    self.year = year
    self.themes = themes
    self.language = language
    self.icsURL = icsURL
    self.download = download
  }

  /// Whether a subscribe address is one a page may link to.
  public static func isLinkable(_ url: String) -> Bool {
    let lower = url.lowercased()
    return (lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("webcal://"))
      && !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
  }
}

public enum HTMLPage {
  public static func render(_ source: Plan, _ options: HTMLOptions) -> String {
    PieceOutput.kept(expecting: 64 * 1024 + source.activities.count * 2500 + source.milestones.count * 600) {
      write(source, options, into: $0)
    }.text
  }

  /// The page, handed to `out` as it is made (40 MB for 20,000 activities).
  public static func write(_ source: Plan, _ options: HTMLOptions, into h: PieceOutput) {
    defer { h.finish() }
    var plan = source
    if let lang = options.language { plan.language = lang }
    let sv = plan.language == .sv
    let w = Wording(plan.language)
    let layout = WheelLayout(
      plan: plan, year: options.year, themes: options.themes, cx: 400, cy: 400, outer: 380, unit: 380 / 136.5)
    let range = layout.range
    func line(_ s: String) { h.appendLine(s) }
    let title = HTML.escape(plan.title)
    line("<!DOCTYPE html>")
    line("<html lang=\"\(plan.language.rawValue)\">")
    line("<head>")
    line("<meta charset=\"utf-8\">")
    line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    line("<meta name=\"generator\" content=\"arshjul\">")
    line("<title>\(title) – \(HTML.escape(w.period(range)))</title>")
    line("<style>\n\(css(layout))</style>")
    line("</head>")
    line("<body>")
    line("<header>")
    line("<h1>\(title)</h1>")
    let activityCount = layout.rings.reduce(0) { $0 + $1.entries.count }
    line(
      "<p class=\"period\">\(HTML.escape(w.period(range))) · \(HTML.escape(w.counts(activities: activityCount, milestones: layout.marks.count)))</p>"
    )
    if options.icsURL != nil || options.download != nil {
      line("<p class=\"subscribe\">")
      if let url = options.icsURL {
        let webcal = url.lowercased().hasPrefix("webcal:") ? url : "webcal:" + url.drop { $0 != ":" }.dropFirst()
        line(
          "<a class=\"button\" href=\"\(HTML.escape(webcal))\">\(sv ? "Prenumerera i din kalender" : "Subscribe in your calendar")</a>"
        )
        if !url.lowercased().hasPrefix("webcal:") {
          line("<a href=\"\(HTML.escape(url))\">\(sv ? "kalenderlänk (https)" : "calendar link (https)")</a>")
        }
      }
      if let file = options.download {
        line(
          "<a class=\"button\" href=\"\(HTML.escape(file))\" download>\(sv ? "Ladda ner (.ics)" : "Download (.ics)")</a>"
        )
      }
      line("</p>")
    }
    line("</header>")
    if layout.isEmpty {
      line(
        "<main><p class=\"empty\">\(sv ? "Planen har inga aktiviteter eller milstolpar under \(HTML.escape(w.period(range))) ännu." : "The plan has no activities or milestones in \(HTML.escape(w.period(range))) yet.")</p></main>"
      )
      line("<footer><p>\(sv ? "Gjord med arshjul" : "Made with arshjul")</p></footer>")
      line("</body>\n</html>")
      return
    }
    line("<main class=\"layout\">")
    wheel(layout, plan, w, into: h)
    agenda(layout, plan, w, into: h)
    line("</main>")
    line("<footer><p>\(sv ? "Gjord med arshjul" : "Made with arshjul") · \(HTML.escape(w.period(range)))</p></footer>")
    line("<script>\n\(script)</script>")
    line("</body>")
    line("</html>")
  }

  static func num(_ v: Double) -> String { SVGWriter.num(v) }

  static func ringWords(_ i: Int, _ count: Int, _ sv: Bool) -> String {
    if count == 1 { return sv ? "ringen" : "the ring" }
    if i == 0 { return sv ? "yttersta ringen" : "outermost ring" }
    if i == count - 1 { return sv ? "innersta ringen" : "innermost ring" }
    return sv ? "ring \(i + 1) utifrån" : "ring \(i + 1) from outside"
  }

  /// One activity in words: dates, rule, time, owner, place, status.
  static func describe(_ a: Activity, _ first: Occurrence, _ w: Wording) -> String {
    var parts = [w.range(first.start, first.end)]
    if let t = a.time { parts.append(w.time(t)) }
    if let r = w.rule(a) { parts.append(r) }
    if let o = a.owner, !o.isEmpty { parts.append(o) }
    if let l = a.location, !l.isEmpty { parts.append(l) }
    if a.status != .planned { parts.append(w.status(a.status)) }
    return parts.joined(separator: " · ")
  }

  static func wheel(_ layout: WheelLayout, _ plan: Plan, _ w: Wording, into h: PieceOutput) {
    let sv = plan.language == .sv
    func line(_ s: String) { h.appendLine(s) }
    line("<section class=\"wheel\" aria-labelledby=\"wheel-heading\">")
    line("<h2 id=\"wheel-heading\">\(sv ? "Årshjulet" : "The year wheel")</h2>")
    line("<div class=\"controls\" role=\"group\" aria-label=\"\(sv ? "Visa teman" : "Show themes")\" hidden>")
    for (i, ring) in layout.rings.enumerated() {
      line(
        "<button type=\"button\" class=\"theme-toggle\" data-theme=\"\(HTML.escape(ring.theme.id))\" aria-pressed=\"true\">"
          + "<span class=\"swatch\" style=\"background:\(ring.theme.hexColor)\"></span>\(HTML.escape(ring.theme.name))"
          + "<span class=\"visually-hidden\"> (\(ringWords(i, layout.rings.count, sv)))</span></button>")
    }
    line("</div>")
    let svgTitle = "\(plan.title) – \(w.period(layout.range))"
    line(
      "<svg viewBox=\"0 0 800 800\" role=\"img\" aria-labelledby=\"wheel-title\" data-from=\"\(layout.range.from.iso)\" data-to=\"\(layout.range.to.iso)\" data-cx=\"400\" data-cy=\"400\" data-inner=\"\(num(layout.inner))\" data-outer=\"\(num(layout.rim + 3))\">"
    )
    line("<title id=\"wheel-title\">\(HTML.escape(svgTitle))</title>")
    // Months, shaded every other one, named round the rim.
    line("<g class=\"months\" aria-hidden=\"true\">")
    for (i, m) in layout.months.enumerated() {
      line(
        "<path class=\"month m\(i % 2)\" d=\"\(layout.sectorPath(m.startAngle, m.endAngle, layout.inner, layout.rim))\"/>"
      )
      let mid = (m.startAngle + m.endAngle) / 2
      let (x, y) = layout.point(mid, layout.rim + 18)
      var rotation = mid * 180 / Double.pi
      if cos(mid) < 0 { rotation += 180 }
      line(
        "<text class=\"month-name\" x=\"\(num(x))\" y=\"\(num(y))\" transform=\"rotate(\(num(rotation)) \(num(x)) \(num(y)))\">\(HTML.escape(Names.month(m.start.month, plan.language)))</text>"
      )
    }
    line("</g>")
    for (ti, ring) in layout.rings.enumerated() {
      line("<g class=\"ring\" data-theme=\"\(HTML.escape(ring.theme.id))\">")
      line(
        "<path class=\"band\" d=\"\(layout.sectorPath(0, 2 * Double.pi - 0.0001, ring.inner, ring.outer))\" style=\"fill:\(ring.theme.hexColor)\"/>"
      )
      for entry in ring.entries {
        let a = layout.activity(entry)
        let label = "\(a.title), \(ring.theme.name): \(describe(a, entry.occurrences[0], w))"
        let status = a.status == .cancelled ? " cancelled" : (a.status == .done ? " done" : "")
        line(
          "<a class=\"arc\(status)\" href=\"#item-\(HTML.escape(a.id))\" data-theme=\"\(HTML.escape(ring.theme.id))\" data-tip=\"\(HTML.escape(label))\" aria-label=\"\(HTML.escape(label))\">"
        )
        line("<title>\(HTML.escape(label))</title>")
        for arc in layout.arcs(entry) {
          line(
            "<path d=\"\(layout.sectorPath(arc.start, arc.end, entry.inner, entry.outer))\" style=\"fill:\(ring.theme.hexColor)\"/>"
          )
        }
        line("</a>")
      }
      _ = ti
      line("</g>")
    }
    for mark in layout.marks {
      let m = mark.milestone
      let theme = layout.themes[mark.themeIndex]
      let (x, y) = layout.point(mark.angle, mark.radius)
      let s = 7.0
      let label =
        "◆ \(mark.letter): \(m.title), \(w.day(m.date, year: true)) · \(w.milestoneState(m.done))"
      line(
        "<a class=\"mark\" href=\"#item-\(HTML.escape(m.id))\" data-theme=\"\(HTML.escape(theme.id))\" data-tip=\"\(HTML.escape(label))\" aria-label=\"\(HTML.escape(label))\">"
      )
      line(
        "<path d=\"M\(num(x)) \(num(y - s)) L\(num(x + s)) \(num(y)) L\(num(x)) \(num(y + s)) L\(num(x - s)) \(num(y)) Z\" style=\"fill:\(m.done ? "#ffffff" : theme.hexColor)\"/>"
      )
      line("<text class=\"letter\" x=\"\(num(x))\" y=\"\(num(y))\">\(mark.letter)</text>")
      line("</a>")
    }
    line("<circle class=\"centre\" cx=\"400\" cy=\"400\" r=\"\(num(layout.inner))\"/>")
    line("<text class=\"year\" x=\"400\" y=\"410\">\(HTML.escape(layout.yearText))</text>")
    line("<g class=\"hand\" aria-hidden=\"true\"></g>")
    line("</svg>")
    line("<p id=\"tip\" class=\"tip\" role=\"status\" aria-live=\"polite\"></p>")
    line("<h3>\(sv ? "Ringarna utifrån och in" : "The rings, outside in")</h3>")
    line("<ul class=\"legend\">")
    for (i, ring) in layout.rings.enumerated() {
      line(
        "<li data-theme=\"\(HTML.escape(ring.theme.id))\"><span class=\"swatch\" style=\"background:\(ring.theme.hexColor)\"></span>\(HTML.escape(ring.theme.name)) <span class=\"muted\">(\(ringWords(i, layout.rings.count, sv)))</span></li>"
      )
    }
    line(
      "<li><span class=\"swatch hatched\"></span>\(sv ? "streckad: inställd · blek: klar · ◆ milstolpe" : "dashed: cancelled · pale: done · ◆ milestone")</li>"
    )
    line("</ul>")
    line("</section>")
  }

  static func agenda(_ layout: WheelLayout, _ plan: Plan, _ w: Wording, into h: PieceOutput) {
    let sv = plan.language == .sv
    func line(_ s: String) { h.appendLine(s) }
    let shown = Set(layout.themes.map(\.id))
    line("<section class=\"agenda\" aria-labelledby=\"agenda-heading\">")
    line("<h2 id=\"agenda-heading\">\(sv ? "Vad händer när" : "What happens when")</h2>")
    line("<div class=\"controls order\" role=\"group\" aria-label=\"\(sv ? "Ordning" : "Order")\" hidden>")
    line(
      "<button type=\"button\" data-order=\"by-month\" aria-pressed=\"true\">\(sv ? "Per månad" : "By month")</button>")
    line(
      "<button type=\"button\" data-order=\"by-theme\" aria-pressed=\"false\">\(sv ? "Per tema" : "By theme")</button>")
    line("</div>")
    // By month: every occurrence.
    line("<div id=\"by-month\">")
    var month = 0
    var open = false
    let headers =
      sv ? ["Datum", "Vecka", "Vad", "Tema", "Status"] : ["Date", "Week", "What", "Theme", "Status"]
    // A line at a time (a big plan's year has 60,000).
    plan.forEachAgendaItem(in: layout.range, themes: shown) { item in
      if item.start.month != month {
        if open { line("</tbody></table>") }
        month = item.start.month
        let name = Names.month(month, plan.language)
        let heading = name.prefix(1).uppercased() + name.dropFirst() + " \(item.start.year)"
        line("<h3>\(HTML.escape(heading))</h3>")
        line("<table><thead><tr>" + headers.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>")
        open = true
      }
      let theme = plan.theme(item.theme)
      var what = HTML.escape(item.title)
      var status = ""
      switch item.kind {
      case .milestone(let m):
        what = "◆ " + what
        status = w.milestoneState(m.done)
      case .activity(let a):
        if let r = w.rule(a) { what += " <span class=\"muted\">(\(HTML.escape(r)))</span>" }
        status = w.status(a.status)
      }
      let time = item.time.map { " " + w.time($0) } ?? ""
      line(
        "<tr data-theme=\"\(HTML.escape(item.theme))\"><td>\(HTML.escape(w.range(item.start, item.end) + time))</td><td>\(HTML.escape(w.weeks(item.start, item.end)))</td><td>\(what)</td><td><span class=\"swatch\" style=\"background:\(theme?.hexColor ?? "#888888")\"></span>\(HTML.escape(theme?.name ?? item.theme))</td><td>\(HTML.escape(status))</td></tr>"
      )
    }
    if open { line("</tbody></table>") }
    line("</div>")
    // By theme: every item once, with its anchor.
    line("<div id=\"by-theme\">")
    for ring in layout.rings {
      let marks = layout.marks.filter { $0.milestone.theme == ring.theme.id }
      if ring.entries.isEmpty && marks.isEmpty { continue }
      line(
        "<h3 data-theme=\"\(HTML.escape(ring.theme.id))\"><span class=\"swatch\" style=\"background:\(ring.theme.hexColor)\"></span>\(HTML.escape(ring.theme.name))</h3>"
      )
      line("<ul class=\"items\" data-theme=\"\(HTML.escape(ring.theme.id))\">")
      for e in ring.entries {
        let a = layout.activity(e)
        line(
          "<li id=\"item-\(HTML.escape(a.id))\"><strong>\(HTML.escape(a.title))</strong> – \(HTML.escape(describe(a, e.occurrences[0], w))) <span class=\"muted\">(\(HTML.escape(w.weeks(e.occurrences[0].start, e.occurrences[0].end))))</span></li>"
        )
      }
      for mark in marks {
        let m = mark.milestone
        line(
          "<li id=\"item-\(HTML.escape(m.id))\">◆ \(mark.letter) <strong>\(HTML.escape(m.title))</strong> – \(HTML.escape(w.day(m.date, year: true))) · \(HTML.escape(w.milestoneState(m.done)))</li>"
        )
      }
      line("</ul>")
    }
    line("</div>")
    line("</section>")
  }

  static func css(_ layout: WheelLayout) -> String {
    """
    :root { color-scheme: light dark; --bg: #ffffff; --fg: #1f1f1f; --muted: #555555; --m0: #f4f1ea; --m1: #fbfaf6; --line: #8a8578; }
    @media (prefers-color-scheme: dark) { :root { --bg: #161616; --fg: #f0f0f0; --muted: #b8b8b8; --m0: #2a2926; --m1: #222120; --line: #77736a; } }
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
    .month.m0 { fill: var(--m0); } .month.m1 { fill: var(--m1); }
    .month-name { font-size: 17px; font-weight: bold; fill: var(--fg); text-anchor: middle; dominant-baseline: middle; text-transform: uppercase; }
    .band { opacity: 0.12; }
    .arc path { stroke: var(--bg); stroke-width: 1; }
    .arc.done path { opacity: 0.45; }
    .arc.cancelled path { fill: none !important; stroke: var(--muted); stroke-dasharray: 4 3; stroke-width: 1.5; }
    .arc:hover path, .arc:focus path, .arc.active path { stroke: var(--fg); stroke-width: 3; }
    .arc:focus, .mark:focus { outline: none; }
    .mark path { stroke: var(--fg); stroke-width: 1.2; }
    .mark:hover path, .mark:focus path { stroke-width: 3; }
    .letter { font-size: 8px; font-weight: bold; fill: #111111; text-anchor: middle; dominant-baseline: middle; pointer-events: none; }
    .centre { fill: var(--bg); stroke: var(--line); }
    .year { font-size: 44px; font-weight: bold; fill: var(--fg); text-anchor: middle; }
    .hand line { stroke: #c0392b; stroke-width: 3; stroke-linecap: round; }
    .hand text { fill: #c0392b; font-size: 14px; font-weight: bold; }
    .tip { min-height: 3em; margin: 0.5rem 0; }
    .swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 0.2em; margin-right: 0.4em; vertical-align: -0.1em; border: 1px solid var(--muted); }
    .swatch.hatched { background: repeating-linear-gradient(45deg, var(--muted) 0 2px, transparent 2px 5px); }
    .legend { list-style: none; padding: 0; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
    th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--m0); vertical-align: top; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
    .controls[hidden] { display: none; }
    button, .button { font: inherit; padding: 0.35rem 0.8rem; border-radius: 0.4rem; border: 1px solid var(--muted); background: var(--bg); color: var(--fg); cursor: pointer; text-decoration: none; display: inline-block; }
    .theme-toggle[aria-pressed="false"] { opacity: 0.55; text-decoration: line-through; }
    .order button[aria-pressed="true"] { background: var(--fg); color: var(--bg); }
    button:focus-visible, a:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
    .is-hidden { display: none; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    :target { background: #fff3b0; color: #1f1f1f; }
    a { color: inherit; }
    .subscribe a { margin-right: 0.6rem; }
    @media print { .controls, .subscribe, .tip, footer { display: none !important; } body { max-width: none; } .layout { display: block; } svg { max-width: 170mm; margin: 0 auto; } @page { size: A4; margin: 12mm; } }

    """
  }

  /// Reads everything it needs from the page itself (data attributes): no
  /// plan text is ever written into the script.
  static let script = """
    (function () {
      var doc = document;
      doc.documentElement.classList.add('js');
      doc.querySelectorAll('.controls').forEach(function (c) { c.hidden = false; });
      var tip = doc.getElementById('tip');
      function show(el) { tip.textContent = el.getAttribute('data-tip') || ''; }
      doc.querySelectorAll('.arc, .mark').forEach(function (el) {
        el.addEventListener('mouseenter', function () { show(el); });
        el.addEventListener('focus', function () { show(el); });
      });
      var hidden = {};
      function apply() {
        doc.querySelectorAll('[data-theme]').forEach(function (el) {
          if (el.classList.contains('theme-toggle')) return;
          el.classList.toggle('is-hidden', !!hidden[el.getAttribute('data-theme')]);
        });
        doc.querySelectorAll('.theme-toggle').forEach(function (b) {
          b.setAttribute('aria-pressed', hidden[b.getAttribute('data-theme')] ? 'false' : 'true');
        });
      }
      doc.querySelectorAll('.theme-toggle').forEach(function (b) {
        b.addEventListener('click', function () {
          var t = b.getAttribute('data-theme');
          hidden[t] = !hidden[t];
          apply();
        });
      });
      // A link may say which themes to hide: page.html#hide=samverkan,motesplatser
      var m = /hide=([^&]*)/.exec(location.hash);
      if (m) { decodeURIComponent(m[1]).split(',').forEach(function (t) { hidden[t] = true; }); apply(); }
      var byMonth = doc.getElementById('by-month'), byTheme = doc.getElementById('by-theme');
      function order(which) {
        byMonth.hidden = which !== 'by-month';
        byTheme.hidden = which !== 'by-theme';
        doc.querySelectorAll('[data-order]').forEach(function (b) {
          b.setAttribute('aria-pressed', b.getAttribute('data-order') === which ? 'true' : 'false');
        });
      }
      doc.querySelectorAll('[data-order]').forEach(function (b) {
        b.addEventListener('click', function () { order(b.getAttribute('data-order')); });
      });
      // An arc's link to its item shows the theme order, where every item is.
      doc.querySelectorAll('.arc, .mark').forEach(function (el) {
        el.addEventListener('click', function () { order('by-theme'); });
      });
      order(/^#item-/.test(location.hash) ? 'by-theme' : 'by-month');
      // The hand at today, drawn here so the page is the same file every day.
      var svg = doc.querySelector('svg[data-from]');
      if (svg) {
        var from = Date.parse(svg.getAttribute('data-from') + 'T00:00:00Z');
        var to = Date.parse(svg.getAttribute('data-to') + 'T00:00:00Z') + 86400000;
        var now = new Date();
        var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) + 43200000;
        if (today >= from && today < to) {
          var a = (today - from) / (to - from) * 2 * Math.PI;
          var cx = +svg.getAttribute('data-cx'), cy = +svg.getAttribute('data-cy');
          var r0 = +svg.getAttribute('data-inner'), r1 = +svg.getAttribute('data-outer');
          var ns = 'http://www.w3.org/2000/svg', g = svg.querySelector('.hand');
          var l = doc.createElementNS(ns, 'line');
          l.setAttribute('x1', cx + r0 * Math.sin(a)); l.setAttribute('y1', cy - r0 * Math.cos(a));
          l.setAttribute('x2', cx + r1 * Math.sin(a)); l.setAttribute('y2', cy - r1 * Math.cos(a));
          g.appendChild(l);
          g.setAttribute('data-today', new Date(today).toISOString().slice(0, 10));
        }
      }
    })();

    """
}
