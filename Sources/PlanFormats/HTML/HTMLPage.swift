import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The year wheel as one web page: the wheel (the geometry of the printed
/// one, `WheelLayout`), the agenda by month and by theme, milestones, the
/// legend and a link to subscribe; inline CSS and a small script, nothing
/// fetched from elsewhere, so it works from `file://` and on any server.
/// Without the script everything is there and readable (`HTMLScript` says
/// what it adds); the hand at today is drawn in the browser, so the page
/// stays the same bytes for the same plan.
public struct HTMLOptions: Sendable {
  public var year: Int
  public var themes: [String]?
  public var language: Language?
  /// A calendar address to subscribe to (https:, http: or webcal:).
  public var icsURL: String?
  /// The name of an .ics written beside the page, to download.
  public var download: String?
  /// Other calendars drawn as thin rings outside the themes (`--layers`).
  public var layers: [LayerEvents]

  public init(
    year: Int, themes: [String]? = nil, language: Language? = nil, icsURL: String? = nil, download: String? = nil,
    layers: [LayerEvents] = []
  ) {
    self.year = year
    self.themes = themes
    self.language = language
    self.icsURL = icsURL
    self.download = download
    self.layers = layers
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
    let words = PageWords(plan.language)
    let w = Wording(plan.language)
    let layout = WheelLayout(
      plan: plan, year: options.year, themes: options.themes, cx: 400, cy: 400, outer: 380, unit: 380 / 136.5,
      layers: options.layers.count)
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
    line("<style>\n\(HTMLStyle.css(layout))</style>")
    line("<script>\(HTMLScript.early)</script>")
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
          "<a class=\"button\" href=\"\(HTML.escape(webcal))\">\(words.subscribe)</a>"
        )
        if !url.lowercased().hasPrefix("webcal:") {
          line("<a href=\"\(HTML.escape(url))\">\(words.calendarLink)</a>")
        }
      }
      if let file = options.download {
        line(
          "<a class=\"button\" href=\"\(HTML.escape(file))\" download>\(words.download)</a>"
        )
      }
      line("</p>")
    }
    line("</header>")
    if layout.isEmpty {
      line(
        "<main><p class=\"empty\">\(words.empty(HTML.escape(w.period(range))))</p></main>"
      )
      line("<footer><p>\(words.madeWith)</p></footer>")
      line("</body>\n</html>")
      return
    }
    line("<main class=\"layout\">")
    HTMLWheel.write(layout, plan, w, layers: options.layers, into: h)
    HTMLAgenda.write(layout, plan, w, into: h)
    line("</main>")
    // The level is claimed because Tests/e2e/html.sh holds the page to it
    // (axe-core, contrast, keyboard, accessibility tree, reduced motion).
    line(
      "<footer><p>\(words.madeWith) · \(HTML.escape(w.period(range))) · \(words.meetsWCAG)</p></footer>")
    line("<script>\n\(HTMLScript.source)</script>")
    line("</body>")
    line("</html>")
  }
}
