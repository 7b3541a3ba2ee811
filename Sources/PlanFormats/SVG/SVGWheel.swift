import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct SVGOptions: Sendable {
  public enum Paper: String, Sendable, CaseIterable {
    case a4, a3
    /// Landscape, in millimetres.
    var size: (width: Double, height: Double) { self == .a3 ? (420, 297) : (297, 210) }
  }
  public var year: Int
  public var paper: Paper
  public var themes: [String]?
  /// Draw a hand at this day ("--today").
  public var today: Day?
  /// Other calendars drawn as thin rings outside the themes (`--layers`).
  public var layers: [LayerEvents]
  public init(
    year: Int, paper: Paper = .a3, themes: [String]? = nil, today: Day? = nil, layers: [LayerEvents] = []
  ) {
    self.year = year
    self.paper = paper
    self.themes = themes
    self.today = today
    self.layers = layers
  }
}

/// The printable year wheel: a poster of the planning year with a ring per
/// theme, activities as arcs (titled on the arc where they fit, numbered
/// otherwise), milestones as diamonds, and a legend beside the wheel that
/// lists every numbered item with its dates. Sized in millimetres for A3 or
/// A4 landscape; standalone SVG 1.1, generic fonts, nothing external. The
/// geometry is `WheelLayout`'s (shared with the web page); this draws it,
/// layer by layer.
public enum SVGWheel {
  public static func render(_ plan: Plan, _ options: SVGOptions) -> String {
    PieceOutput.kept(expecting: 64 * 1024 + plan.activities.count * 1200 + plan.milestones.count * 400) {
      write(plan, options, into: $0)
    }.text
  }

  /// The wheel, handed to `out` as it is drawn (16 MB for 20,000 activities).
  public static func write(_ plan: Plan, _ options: SVGOptions, into out: PieceOutput) {
    var drawing = Drawing(plan: plan, options: options, into: out)
    drawing.draw()
    out.finish()
  }

  struct Drawing {
    let plan: Plan
    let options: SVGOptions
    let wording: Wording
    let layout: WheelLayout
    let width: Double
    let height: Double
    let margin: Double
    /// Millimetres on A3 become this many on the chosen paper.
    let unit: Double
    var svg: SVGWriter

    init(plan: Plan, options: SVGOptions, into out: PieceOutput) {
      self.plan = plan
      svg = SVGWriter(into: out)
      self.options = options
      wording = Wording(plan.language)
      (width, height) = options.paper.size
      unit = height / 297
      margin = 12 * unit
      let outer = (height - 2 * margin) / 2
      layout = WheelLayout(
        plan: plan, year: options.year, themes: options.themes, cx: margin + outer, cy: height / 2, outer: outer,
        unit: unit, layers: options.layers.count)
    }

    var range: DayRange { layout.range }
    var themes: [Theme] { layout.themes }
    func num(_ v: Double) -> String { SVGWriter.num(v) }
    func degrees(_ a: Double) -> Double { a * 180 / Double.pi }

    mutating func draw() {
      svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
      svg.open(
        "svg",
        [
          ("xmlns", "http://www.w3.org/2000/svg"), ("xmlns:xlink", "http://www.w3.org/1999/xlink"), ("version", "1.1"),
          ("width", "\(num(width))mm"), ("height", "\(num(height))mm"), ("viewBox", "0 0 \(num(width)) \(num(height))"),
          ("font-family", "sans-serif"),
        ])
      svg.element("title", [], text: plan.title + " – " + wording.period(range))
      svg.empty("rect", [("x", "0"), ("y", "0"), ("width", num(width)), ("height", num(height)), ("fill", "#ffffff")])
      drawMonthsAndWeeks()
      drawLayers()
      for index in layout.rings.indices { drawRing(index) }
      drawMilestones()
      drawTodayHand()
      drawCentre()
      drawLegend(x: layout.cx + layout.outer + 8 * unit, top: margin, right: width - margin)
      svg.close("svg")
    }

    /// Month sectors, shaded every other one, with their names round the
    /// rim; ISO weeks: a tick at each Monday, the number mid-week.
    mutating func drawMonthsAndWeeks() {
      let (cx, cy, inner, rim, outer) = (layout.cx, layout.cy, layout.inner, layout.rim, layout.outer)
      svg.open("g", [("id", "months")])
      for (i, month) in layout.months.enumerated() {
        svg.empty(
          "path",
          [
            ("d", layout.sectorPath(month.startAngle, month.endAngle, inner, rim)),
            ("fill", i % 2 == 0 ? "#f4f1ea" : "#fbfaf6"), ("stroke", "none"),
          ])
        let mid = (month.startAngle + month.endAngle) / 2
        let (tx, ty) = layout.point(mid, rim + 6.5 * unit)
        var rotation = degrees(mid)
        if cos(mid) < 0 { rotation += 180 }
        var name = Names.month(month.start.month, plan.language)
        if month.start.month == 1 && plan.startMonth != 1 { name += " \(month.start.year)" }
        svg.element(
          "text",
          [
            ("x", num(tx)), ("y", num(ty)), ("dy", "0.35em"), ("text-anchor", "middle"), ("font-size", num(6.2 * unit)),
            ("font-weight", "bold"), ("fill", "#333333"),
            ("transform", "rotate(\(num(rotation)) \(num(tx)) \(num(ty)))"),
          ], text: name.uppercased())
      }
      for month in layout.months {
        let (x0, y0) = layout.point(month.startAngle, inner)
        let (x1, y1) = layout.point(month.startAngle, outer - 1 * unit)
        svg.empty(
          "line",
          [
            ("x1", num(x0)), ("y1", num(y0)), ("x2", num(x1)), ("y2", num(y1)), ("stroke", "#8a8578"),
            ("stroke-width", num(0.35 * unit)),
          ])
      }
      svg.empty(
        "circle",
        [
          ("cx", num(cx)), ("cy", num(cy)), ("r", num(rim)), ("fill", "none"), ("stroke", "#555555"),
          ("stroke-width", num(0.5 * unit)),
        ])
      for monday in layout.wheel.weekStarts {
        let angle = layout.wheel.angle(monday)
        let (x0, y0) = layout.point(angle, rim - 2 * unit)
        let (x1, y1) = layout.point(angle, rim)
        svg.empty(
          "line",
          [
            ("x1", num(x0)), ("y1", num(y0)), ("x2", num(x1)), ("y2", num(y1)), ("stroke", "#555555"),
            ("stroke-width", num(0.25 * unit)),
          ])
        let midWeek = min(monday + 3, range.to)
        let (tx, ty) = layout.point(layout.wheel.midAngle(midWeek), rim - 4.8 * unit)
        svg.element(
          "text",
          [
            ("x", num(tx)), ("y", num(ty)), ("dy", "0.35em"), ("text-anchor", "middle"), ("font-size", num(2.5 * unit)),
            ("fill", "#6b675e"),
          ], text: String(midWeek.isoWeek.week))
      }
      // The Swedish calendar in the week ring: the plan's breaks as grey
      // bands, holidays and eves as red dots.
      let calendar = PlanCalendar(plan)
      for b in plan.breaks where b.start <= range.to && b.end >= range.from {
        let a0 = layout.wheel.angle(max(b.start, range.from))
        let a1 = layout.wheel.angle(min(b.end, range.to) + 1)
        svg.empty(
          "path",
          [
            ("d", layout.sectorPath(a0, a1, rim - 8 * unit, rim - 6.3 * unit)), ("fill", "#8a8578"),
            ("fill-opacity", "0.55"),
          ])
      }
      var day = range.from
      while day <= range.to {
        if calendar.holiday(day) != nil {
          let (hx, hy) = layout.point(layout.wheel.midAngle(day), rim - 7.2 * unit)
          svg.empty("circle", [("cx", num(hx)), ("cy", num(hy)), ("r", num(0.6 * unit)), ("fill", "#c0392b")])
        }
        day = day + 1
      }
      svg.close("g")
    }

    /// One theme's ring: its band, its arcs with their labels, its name.
    mutating func drawRing(_ index: Int) {
      let ring = layout.rings[index]
      let theme = ring.theme
      let (cx, cy) = (layout.cx, layout.cy)
      svg.open("g", [("id", "theme-\(theme.id)")])
      svg.empty(
        "circle",
        [
          ("cx", num(cx)), ("cy", num(cy)), ("r", num((ring.inner + ring.outer) / 2)), ("fill", "none"),
          ("stroke", theme.hexColor),
          ("stroke-opacity", "0.1"), ("stroke-width", num(ring.outer - ring.inner)),
        ])
      for radius in [ring.inner, ring.outer] {
        svg.empty(
          "circle",
          [
            ("cx", num(cx)), ("cy", num(cy)), ("r", num(radius)), ("fill", "none"), ("stroke", theme.hexColor),
            ("stroke-opacity", "0.35"),
            ("stroke-width", num(0.25 * unit)),
          ])
      }
      for entry in ring.entries {
        let activity = layout.activity(entry)
        var attrs: [(String, String)] = [("fill", theme.hexColor)]
        if activity.status == .done { attrs.append(("fill-opacity", "0.45")) }
        if activity.status == .cancelled {
          attrs = [
            ("fill", "none"), ("stroke", "#888888"), ("stroke-width", num(0.3 * unit)),
            ("stroke-dasharray", "\(num(1 * unit)) \(num(0.7 * unit))"),
          ]
        }
        svg.open("g", [("id", "a\(entry.number)")])
        svg.element("title", [], text: "\(entry.number). \(activity.title)")
        let arcs = layout.arcs(entry)
        for arc in arcs {
          svg.empty("path", [("d", layout.sectorPath(arc.start, arc.end, entry.inner, entry.outer))] + attrs)
        }
        drawLabel(entry, title: activity.title, firstArc: arcs[0])
        svg.close("g")
      }
      // The theme's name along its ring, just before 12 o'clock, on a
      // light band so that it reads over the arcs.
      let labelRadius = (ring.inner + ring.outer) / 2
      let labelSize = min(3.4 * unit, (ring.outer - ring.inner) * 0.55)
      let span = (ArcText.width(theme.name, labelSize) + 3 * unit) / labelRadius
      svg.empty(
        "path",
        [
          (
            "d",
            layout.sectorPath(
              2 * Double.pi - span - 0.01, 2 * Double.pi - 0.01, labelRadius - labelSize * 0.75,
              labelRadius + labelSize * 0.75)
          ),
          ("fill", "#ffffff"), ("fill-opacity", "0.85"),
        ])
      ArcText.draw(
        theme.name, around: 2 * Double.pi - 0.01 - span / 2, radius: labelRadius, size: labelSize,
        fill: theme.hexColor, bold: true, layout: layout, into: &svg)
      svg.close("g")
    }

    /// The title along the arc where it fits, else the number in a badge.
    mutating func drawLabel(_ entry: WheelLayout.Entry, title: String, firstArc arc: (start: Double, end: Double)) {
      let mid = (entry.inner + entry.outer) / 2
      let thickness = entry.outer - entry.inner
      let size = min(3.2 * unit, thickness * 0.62)
      let text = "\(entry.number) \(title)"
      let arcLength = (arc.end - arc.start) * mid
      let onArc = entry.occurrences.count == 1 && size >= 1.8 * unit && ArcText.width(text, size) + 3 * unit < arcLength
      if onArc {
        ArcText.draw(
          text, around: (arc.start + arc.end) / 2, radius: mid, size: size, fill: "#ffffff", bold: true,
          layout: layout, into: &svg)
        return
      }
      let radius = min(2.3 * unit, max(1.4 * unit, thickness / 2))
      let (x, y) = layout.point((arc.start + arc.end) / 2, mid)
      svg.empty(
        "circle",
        [
          ("cx", num(x)), ("cy", num(y)), ("r", num(radius)), ("fill", "#ffffff"), ("stroke", "#333333"),
          ("stroke-width", num(0.25 * unit)),
        ])
      svg.element(
        "text",
        [
          ("x", num(x)), ("y", num(y)), ("dy", "0.35em"), ("text-anchor", "middle"), ("font-size", num(radius * 1.15)),
          ("font-weight", "bold"), ("fill", "#222222"),
        ], text: String(entry.number))
    }

    /// Milestones: a diamond on the ring's outer edge, with a letter.
    mutating func drawMilestones() {
      for mark in layout.marks {
        let theme = themes[mark.themeIndex]
        let m = mark.milestone
        let (x, y) = layout.point(mark.angle, mark.radius)
        let half = 2.2 * unit
        svg.empty(
          "path",
          [
            (
              "d",
              "M\(num(x)) \(num(y - half)) L\(num(x + half)) \(num(y)) L\(num(x)) \(num(y + half)) L\(num(x - half)) \(num(y)) Z"
            ),
            ("fill", m.done ? "#ffffff" : theme.hexColor), ("stroke", "#222222"), ("stroke-width", num(0.35 * unit)),
          ])
        svg.element(
          "text",
          [
            ("x", num(x)), ("y", num(y)), ("dy", "0.35em"), ("text-anchor", "middle"), ("font-size", num(2.2 * unit)),
            ("font-weight", "bold"), ("fill", m.done ? "#222222" : "#ffffff"),
          ], text: mark.letter)
      }
    }

    /// The hand at today, when asked for.
    mutating func drawTodayHand() {
      guard let today = options.today, range.contains(today) else { return }
      let angle = layout.wheel.midAngle(today)
      let (x0, y0) = layout.point(angle, layout.inner)
      let (x1, y1) = layout.point(angle, layout.rim + 1 * unit)
      svg.empty(
        "line",
        [
          ("x1", num(x0)), ("y1", num(y0)), ("x2", num(x1)), ("y2", num(y1)), ("stroke", "#c0392b"),
          ("stroke-width", num(0.8 * unit)), ("stroke-linecap", "round"),
        ])
      let (tx, ty) = layout.point(angle, layout.rim + 2.5 * unit)
      svg.element(
        "text",
        [
          ("x", num(tx)), ("y", num(ty)), ("dy", "0.35em"), ("text-anchor", sin(angle) >= 0 ? "start" : "end"),
          ("font-size", num(3 * unit)), ("font-weight", "bold"), ("fill", "#c0392b"),
        ], text: PosterWords(plan.language).today(today))
    }

    /// The centre: the year, and the title under it.
    mutating func drawCentre() {
      let (cx, cy, inner) = (layout.cx, layout.cy, layout.inner)
      svg.empty(
        "circle",
        [
          ("cx", num(cx)), ("cy", num(cy)), ("r", num(inner)), ("fill", "#ffffff"), ("stroke", "#8a8578"),
          ("stroke-width", num(0.35 * unit)),
        ])
      svg.element(
        "text",
        [
          ("x", num(cx)), ("y", num(cy - 2 * unit)), ("text-anchor", "middle"), ("font-size", num(15 * unit)),
          ("font-weight", "bold"), ("fill", "#222222"),
        ], text: layout.yearText)
      let titleLines = wrapMM(plan.title, width: inner * 1.6, size: 3.6 * unit).prefix(3)
      for (i, line) in titleLines.enumerated() {
        svg.element(
          "text",
          [
            ("x", num(cx)), ("y", num(cy + 6 * unit + Double(i) * 4.4 * unit)), ("text-anchor", "middle"),
            ("font-size", num(3.6 * unit)), ("fill", "#444444"),
          ], text: line)
      }
    }

    func wrapMM(_ s: String, width: Double, size: Double) -> [String] {
      wrap(sanitized(s), width: max(8, Int(width / (size * 0.53))))
    }

    /// A layer's ink: greys and browns in turn, told apart in the legend,
    /// quieter than any theme.
    func layerInk(_ i: Int) -> String { ["#6b675e", "#8c7350", "#55677a"][i % 3] }

    /// Each layer as a thin grey band, its events' days darker: runs of
    /// days drawn as one sector each, whatever the number of events.
    mutating func drawLayers() {
      guard !options.layers.isEmpty else { return }
      svg.open("g", [("id", "layers")])
      for (i, layer) in options.layers.enumerated() where i < layout.layerBands.count {
        let band = layout.layerBands[i]
        svg.empty(
          "path",
          [("d", layout.sectorPath(0, 2 * Double.pi - 1e-6, band.inner, band.outer)), ("fill", "#ebe8e0")])
        let days = layer.days(in: range)
        for run in LayerDayRuns.runs(days) {
          svg.empty(
            "path",
            [
              (
                "d",
                layout.sectorPath(layout.wheel.angle(run.from), layout.wheel.angle(run.to + 1), band.inner, band.outer)
              ),
              ("fill", layerInk(i)),
            ])
        }
      }
      svg.close("g")
    }

    /// The legend: title, period, the rings, then every numbered item with
    /// its dates, theme by theme, and the milestones. The font shrinks (and
    /// a second column opens) until it all fits.
    mutating func drawLegend(x: Double, top: Double, right: Double) {
      let words = PosterWords(plan.language)
      var y = top + 9 * unit
      let titleSize = 8.5 * unit
      for line in wrapMM(plan.title, width: right - x, size: titleSize).prefix(3) {
        svg.element(
          "text",
          [("x", num(x)), ("y", num(y)), ("font-size", num(titleSize)), ("font-weight", "bold"), ("fill", "#222222")],
          text: line)
        y += titleSize * 1.15
      }
      svg.element(
        "text", [("x", num(x)), ("y", num(y)), ("font-size", num(4.2 * unit)), ("fill", "#444444")],
        text: wording.period(range))
      y += 8 * unit
      svg.element(
        "text", [("x", num(x)), ("y", num(y)), ("font-size", num(3 * unit)), ("fill", "#6b675e")],
        text: words.ringsHeading)
      y += 5 * unit
      for (i, l) in options.layers.enumerated() {
        svg.empty(
          "rect",
          [
            ("x", num(x)), ("y", num(y - 2.6 * unit)), ("width", num(6 * unit)), ("height", num(2.4 * unit)),
            ("fill", layerInk(i)),
          ])
        svg.element(
          "text", [("x", num(x + 8 * unit)), ("y", num(y)), ("font-size", num(3.4 * unit)), ("fill", "#444444")],
          text: words.layer(l.name))
        y += 5 * unit
      }
      for t in themes {
        svg.empty(
          "rect",
          [
            ("x", num(x)), ("y", num(y - 3.2 * unit)), ("width", num(6 * unit)), ("height", num(4 * unit)),
            ("fill", t.hexColor),
            ("rx", num(0.8 * unit)),
          ])
        svg.element(
          "text",
          [
            ("x", num(x + 8 * unit)), ("y", num(y)), ("font-size", num(3.8 * unit)), ("font-weight", "bold"),
            ("fill", "#222222"),
          ],
          text: t.name)
        y += 5.6 * unit
      }
      // What the marks in the week ring mean.
      let key = words.marksKey(breaks: plan.breaks.map(\.name))
      for line in wrapMM(key, width: right - x, size: 3 * unit).prefix(2) {
        svg.element(
          "text", [("x", num(x)), ("y", num(y)), ("font-size", num(3 * unit)), ("fill", "#6b675e")], text: line)
        y += 4 * unit
      }
      y += 2 * unit

      let rows = layout.legendRows()
      let available = height - 10 * unit - y
      // Lines an entry needs at a size, estimated from its length (wrapping
      // every entry at every size tried would cost more than the poster).
      func perLine(_ size: Double, _ columns: Int) -> Int {
        let colWidth = ((right - x) - Double(columns - 1) * 5 * unit) / Double(columns)
        return max(10, Int((colWidth - size * 11) / (size * 0.5)))
      }
      // Each entry's length counted once, not once per size tried.
      let lengths: [Int?] = rows.indices.map { i in
        guard rows.isItem(i), case .item(_, _, let what) = rows[i] else { return nil }
        return what.count
      }
      func heightNeeded(_ size: Double, _ columns: Int) -> Double {
        let per = perLine(size, columns)
        var total = 0.0
        for length in lengths {
          if let length {
            total += size * 1.3 * Double(max(1, (length + per - 1) / per))
          } else {
            total += size * 1.9
          }
        }
        return total / Double(columns)
      }
      var size = 3.2 * unit
      var columns = 1
      while heightNeeded(size, columns) > available {
        if size > 2.2 * unit {
          size -= 0.1 * unit
        } else if columns == 1 {
          columns = 2
          size = 2.8 * unit
        } else if size > 1.7 * unit {
          size -= 0.1 * unit
        } else {
          break
        }
      }
      let colWidth = ((right - x) - Double(columns - 1) * 5 * unit) / Double(columns)
      var col = 0
      var cy = y
      let bottom = height - 10 * unit
      for ri in rows.indices {
        let row = rows[ri]
        var lines: [String] = []
        if case .item(_, _, let what) = row { lines = wrap(sanitized(what), width: perLine(size, columns)) }
        let rowHeight = lines.isEmpty ? size * 1.9 : size * 1.3 * Double(lines.count)
        if cy + rowHeight > bottom {
          if col + 1 < columns {
            col += 1
            cy = y
          } else {
            // Too many to list on the paper: say how many are left out.
            let left = rows.indices[ri...].filter(rows.isItem).count
            svg.element(
              "text",
              [
                ("x", num(x + Double(col) * (colWidth + 5 * unit))), ("y", num(cy + size)), ("font-size", num(size)),
                ("font-style", "italic"), ("fill", "#555555"),
              ],
              text: words.leftOut(left))
            break
          }
        }
        let lx = x + Double(col) * (colWidth + 5 * unit)
        switch row {
        case .heading(let name, let themeIndex):
          let fill = themeIndex.map { themes[$0].hexColor } ?? "#222222"
          svg.element(
            "text",
            [
              ("x", num(lx)), ("y", num(cy + size * 1.5)), ("font-size", num(size * 1.12)), ("font-weight", "bold"),
              ("fill", fill),
            ],
            text: name)
        case .item(let label, let date, _):
          svg.element(
            "text",
            [
              ("x", num(lx)), ("y", num(cy + size)), ("font-size", num(size)), ("font-weight", "bold"),
              ("fill", "#222222"),
            ],
            text: label)
          svg.element(
            "text",
            [("x", num(lx + size * 2.4)), ("y", num(cy + size)), ("font-size", num(size)), ("fill", "#555555")],
            text: date)
          for (i, line) in lines.enumerated() {
            svg.element(
              "text",
              [
                ("x", num(lx + size * 11)), ("y", num(cy + size + Double(i) * size * 1.3)), ("font-size", num(size)),
                ("fill", "#222222"),
              ], text: line)
          }
        }
        cy += rowHeight
      }
      svg.element(
        "text",
        [
          ("x", num(right)), ("y", num(height - 5 * unit)), ("text-anchor", "end"), ("font-size", num(2.4 * unit)),
          ("fill", "#9a958a"),
        ],
        text: PosterWords(plan.language).madeWith)
    }
  }
}
