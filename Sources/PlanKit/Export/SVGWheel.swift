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
  public init(year: Int, paper: Paper = .a3, themes: [String]? = nil, today: Day? = nil) {
    self.year = year
    self.paper = paper
    self.themes = themes
    self.today = today
  }
}

/// The printable year wheel: a poster of the planning year with a ring per
/// theme, activities as arcs (titled on the arc where they fit, numbered
/// otherwise), milestones as diamonds, and a legend beside the wheel that
/// lists every numbered item with its dates. Sized in millimetres for A3 or
/// A4 landscape; standalone SVG 1.1, generic fonts, nothing external.
public enum SVGWheel {
  public static func render(_ plan: Plan, _ o: SVGOptions) -> String {
    var b = Builder(plan: plan, options: o)
    return b.build()
  }

  struct Entry {
    var number: Int
    var activity: Activity
    var occurrences: [Occurrence]
    var lane = 0
  }

  struct Builder {
    let plan: Plan
    let o: SVGOptions
    let w: Wording
    let range: DayRange
    let wheel: YearWheel
    let width: Double
    let height: Double
    /// Millimetres on A3 become this many on the chosen paper.
    let k: Double
    var svg = SVGWriter()

    init(plan: Plan, options: SVGOptions) {
      self.plan = plan
      self.o = options
      w = Wording(plan.language)
      range = plan.yearRange(options.year)
      wheel = YearWheel(year: range)
      (width, height) = options.paper.size
      k = height / 297
    }

    var themes: [Theme] {
      guard let only = o.themes else { return plan.themes }
      return plan.themes.filter { only.contains($0.id) }
    }

    func n(_ v: Double) -> String { SVGWriter.num(v) }
    func deg(_ a: Double) -> Double { a * 180 / Double.pi }

    func point(_ a: Double, _ r: Double, _ cx: Double, _ cy: Double) -> (Double, Double) {
      let p = YearWheel.point(angle: a, radius: r, cx: cx, cy: cy)
      return (p.x, p.y)
    }

    /// An annular sector from angle a0 to a1 between radii r0 < r1.
    func sector(_ a0: Double, _ a1: Double, _ r0: Double, _ r1: Double, _ cx: Double, _ cy: Double) -> String {
      // Nearly a whole turn: two halves, or the rounded ends meet and the arc vanishes.
      if a1 - a0 > 1.9 * Double.pi {
        let mid = (a0 + a1) / 2
        return sector(a0, mid, r0, r1, cx, cy) + " " + sector(mid, a1, r0, r1, cx, cy)
      }
      let large = (a1 - a0) > Double.pi ? 1 : 0
      let p0 = point(a0, r1, cx, cy)
      let p1 = point(a1, r1, cx, cy)
      let p2 = point(a1, r0, cx, cy)
      let p3 = point(a0, r0, cx, cy)
      return "M\(n(p0.0)) \(n(p0.1)) A\(n(r1)) \(n(r1)) 0 \(large) 1 \(n(p1.0)) \(n(p1.1)) "
        + "L\(n(p2.0)) \(n(p2.1)) A\(n(r0)) \(n(r0)) 0 \(large) 0 \(n(p3.0)) \(n(p3.1)) Z"
    }

    /// An arc for text to follow, clockwise; anticlockwise in the lower half
    /// so that the text there reads the right way up.
    func textArc(_ a0: Double, _ a1: Double, _ r: Double, _ cx: Double, _ cy: Double) -> String {
      let mid = (a0 + a1) / 2
      let lower = cos(mid) < 0
      let large = (a1 - a0) > Double.pi ? 1 : 0
      if lower {
        let p0 = point(a1, r, cx, cy)
        let p1 = point(a0, r, cx, cy)
        return "M\(n(p0.0)) \(n(p0.1)) A\(n(r)) \(n(r)) 0 \(large) 0 \(n(p1.0)) \(n(p1.1))"
      }
      let p0 = point(a0, r, cx, cy)
      let p1 = point(a1, r, cx, cy)
      return "M\(n(p0.0)) \(n(p0.1)) A\(n(r)) \(n(r)) 0 \(large) 1 \(n(p1.0)) \(n(p1.1))"
    }

    func color(_ t: Theme) -> String {
      let (r, g, b) = t.color.rgb
      return "#" + [r, g, b].map { hexDigits(UInt32($0), width: 2).lowercased() }.joined()
    }

    /// About how wide a character is in a sans-serif font, in ems.
    static func advance(_ c: Character) -> Double {
      switch c {
      case "i", "l", "j", "í", "ï", "|", "!", ".", ",", ":", ";", "'", "I": 0.3
      case " ": 0.32
      case "f", "t", "r": 0.4
      case "m", "w", "M", "W", "—": 0.86
      case "0"..."9": 0.56
      default: c.isUppercase ? 0.68 : 0.55
      }
    }

    func arcTextWidth(_ s: String, _ size: Double) -> Double { s.reduce(0) { $0 + Builder.advance($1) } * size }

    /// Text set along a circle one character at a time (librsvg draws no
    /// textPath), reading clockwise, or anticlockwise in the lower half so
    /// that it is never upside down.
    mutating func arcText(
      _ s: String, around mid: Double, radius r: Double, size: Double, fill: String, bold: Bool, cx: Double, cy: Double
    ) {
      let text = sanitized(s)
      let lower = cos(mid) < 0
      let total = arcTextWidth(text, size)
      var pos = -total / 2
      svg.open(
        "g",
        [("font-size", n(size)), ("fill", fill), ("font-weight", bold ? "bold" : "normal"), ("text-anchor", "middle")])
      for c in text {
        let adv = Builder.advance(c) * size
        let along = pos + adv / 2
        pos += adv
        if c == " " { continue }
        let a = mid + (lower ? -along : along) / r
        let (x, y) = point(a, r, cx, cy)
        let rot = deg(a) + (lower ? 180 : 0)
        svg.element(
          "text", [("transform", "translate(\(n(x)) \(n(y))) rotate(\(n(rot)))"), ("dy", "0.35em")], text: String(c))
      }
      svg.close("g")
    }

    mutating func build() -> String {
      let margin = 12 * k
      let outer = (height - 2 * margin) / 2
      let cx = margin + outer
      let cy = height / 2
      let rim = outer - 13 * k
      let weekBand = 8 * k
      let inner = rim * 0.3
      let ringOuter = rim - weekBand - 1.5 * k
      let fontFamily = "sans-serif"

      // Number the activities that show this year, theme by theme, in date order.
      var entries: [[Entry]] = []
      var number = 1
      for t in themes {
        var list: [Entry] = []
        for a in plan.activities where a.theme == t.id {
          let occ = a.occurrences(in: range)
          if !occ.isEmpty { list.append(Entry(number: 0, activity: a, occurrences: occ)) }
        }
        list.sort { ($0.occurrences[0].start, $0.activity.title) < ($1.occurrences[0].start, $1.activity.title) }
        for i in list.indices {
          list[i].number = number
          number += 1
        }
        entries.append(assignLanes(list))
      }
      let milestones = plan.milestones.filter { m in themes.contains { $0.id == m.theme } && range.contains(m.date) }
        .sorted { ($0.date, $0.title) < ($1.date, $1.title) }

      svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
      svg.open(
        "svg",
        [
          ("xmlns", "http://www.w3.org/2000/svg"), ("xmlns:xlink", "http://www.w3.org/1999/xlink"), ("version", "1.1"),
          ("width", "\(n(width))mm"), ("height", "\(n(height))mm"), ("viewBox", "0 0 \(n(width)) \(n(height))"),
          ("font-family", fontFamily),
        ])
      svg.element("title", [], text: plan.title + " – " + w.period(range))
      svg.empty("rect", [("x", "0"), ("y", "0"), ("width", n(width)), ("height", n(height)), ("fill", "#ffffff")])

      // Month sectors, shaded every other one, with their names round the rim.
      svg.open("g", [("id", "months")])
      let starts = wheel.monthStarts
      for (i, start) in starts.enumerated() {
        let end = i + 1 < 12 ? starts[i + 1] : range.to + 1
        let a0 = wheel.angle(start)
        let a1 = i + 1 < 12 ? wheel.angle(end) : 2 * Double.pi
        svg.empty(
          "path",
          [("d", sector(a0, a1, inner, rim, cx, cy)), ("fill", i % 2 == 0 ? "#f4f1ea" : "#fbfaf6"), ("stroke", "none")])
        let mid = (a0 + a1) / 2
        let (tx, ty) = point(mid, rim + 6.5 * k, cx, cy)
        var rot = deg(mid)
        if cos(mid) < 0 { rot += 180 }
        var name = Names.month(start.month, plan.language)
        if start.month == 1 && plan.startMonth != 1 { name += " \(start.year)" }
        svg.element(
          "text",
          [
            ("x", n(tx)), ("y", n(ty)), ("dy", "0.35em"), ("text-anchor", "middle"), ("font-size", n(6.2 * k)),
            ("font-weight", "bold"), ("fill", "#333333"), ("transform", "rotate(\(n(rot)) \(n(tx)) \(n(ty)))"),
          ], text: name.uppercased())
      }
      for start in starts {
        let (x0, y0) = point(wheel.angle(start), inner, cx, cy)
        let (x1, y1) = point(wheel.angle(start), outer - 1 * k, cx, cy)
        svg.empty(
          "line",
          [
            ("x1", n(x0)), ("y1", n(y0)), ("x2", n(x1)), ("y2", n(y1)), ("stroke", "#8a8578"),
            ("stroke-width", n(0.35 * k)),
          ])
      }
      svg.empty(
        "circle",
        [
          ("cx", n(cx)), ("cy", n(cy)), ("r", n(rim)), ("fill", "none"), ("stroke", "#555555"),
          ("stroke-width", n(0.5 * k)),
        ])
      // ISO weeks: a tick at each Monday, the number in the middle of the week.
      for monday in wheel.weekStarts {
        let a = wheel.angle(monday)
        let (x0, y0) = point(a, rim - 2 * k, cx, cy)
        let (x1, y1) = point(a, rim, cx, cy)
        svg.empty(
          "line",
          [
            ("x1", n(x0)), ("y1", n(y0)), ("x2", n(x1)), ("y2", n(y1)), ("stroke", "#555555"),
            ("stroke-width", n(0.25 * k)),
          ])
        let midWeek = min(monday + 3, range.to)
        let (tx, ty) = point(wheel.midAngle(midWeek), rim - 4.8 * k, cx, cy)
        svg.element(
          "text",
          [
            ("x", n(tx)), ("y", n(ty)), ("dy", "0.35em"), ("text-anchor", "middle"), ("font-size", n(2.5 * k)),
            ("fill", "#6b675e"),
          ], text: String(midWeek.isoWeek.week))
      }
      svg.close("g")

      // The rings, outermost first.
      let bands = YearWheel.rings(count: themes.count, inner: inner + 2 * k, outer: ringOuter, gap: 1.6 * k)
      for (ti, t) in themes.enumerated() {
        let band = bands[ti]
        let list = entries[ti]
        let lanes = max(1, (list.map(\.lane).max() ?? 0) + 1)
        let laneGap = 0.5 * k
        let laneWidth = (band.outer - band.inner - laneGap * Double(lanes - 1)) / Double(lanes)
        svg.open("g", [("id", "theme-\(t.id)")])
        svg.empty(
          "circle",
          [
            ("cx", n(cx)), ("cy", n(cy)), ("r", n((band.inner + band.outer) / 2)), ("fill", "none"),
            ("stroke", color(t)),
            ("stroke-opacity", "0.1"), ("stroke-width", n(band.outer - band.inner)),
          ])
        for r in [band.inner, band.outer] {
          svg.empty(
            "circle",
            [
              ("cx", n(cx)), ("cy", n(cy)), ("r", n(r)), ("fill", "none"), ("stroke", color(t)),
              ("stroke-opacity", "0.35"),
              ("stroke-width", n(0.25 * k)),
            ])
        }
        for e in list {
          let r1 = band.outer - Double(e.lane) * (laneWidth + laneGap)
          let r0 = r1 - laneWidth
          let a = e.activity
          var attrs: [(String, String)] = [("fill", color(t))]
          if a.status == .done { attrs.append(("fill-opacity", "0.45")) }
          if a.status == .cancelled {
            attrs = [
              ("fill", "none"), ("stroke", "#888888"), ("stroke-width", n(0.3 * k)),
              ("stroke-dasharray", "\(n(1 * k)) \(n(0.7 * k))"),
            ]
          }
          svg.open("g", [("id", "a\(e.number)")])
          svg.element("title", [], text: "\(e.number). \(a.title)")
          for occ in e.occurrences {
            let a0 = wheel.angle(max(occ.start, range.from))
            var a1 = wheel.angle(min(occ.end, range.to) + 1)
            a1 = max(a1, a0 + 0.009)  // at least half a degree: a day must show
            svg.empty("path", [("d", sector(a0, min(a1, 2 * Double.pi), r0, r1, cx, cy))] + attrs)
          }
          label(e, r0: r0, r1: r1, cx: cx, cy: cy)
          svg.close("g")
        }
        // The theme's name along its ring, just before 12 o'clock, on a
        // light band so that it reads over the arcs.
        let labelR = (band.inner + band.outer) / 2
        let labelSize = min(3.4 * k, (band.outer - band.inner) * 0.55)
        let span = (arcTextWidth(t.name, labelSize) + 3 * k) / labelR
        svg.empty(
          "path",
          [
            (
              "d",
              sector(
                2 * Double.pi - span - 0.01, 2 * Double.pi - 0.01, labelR - labelSize * 0.75, labelR + labelSize * 0.75,
                cx, cy)
            ),
            ("fill", "#ffffff"), ("fill-opacity", "0.85"),
          ])
        arcText(
          t.name, around: 2 * Double.pi - 0.01 - span / 2, radius: labelR, size: labelSize, fill: color(t), bold: true,
          cx: cx, cy: cy)
        svg.close("g")
      }

      // Milestones: a diamond on the ring's outer edge, with a letter.
      for (mi, m) in milestones.enumerated() {
        guard let ti = themes.firstIndex(where: { $0.id == m.theme }) else { continue }
        let t = themes[ti]
        let (x, y) = point(wheel.midAngle(m.date), bands[ti].outer, cx, cy)
        let s = 2.2 * k
        svg.empty(
          "path",
          [
            ("d", "M\(n(x)) \(n(y - s)) L\(n(x + s)) \(n(y)) L\(n(x)) \(n(y + s)) L\(n(x - s)) \(n(y)) Z"),
            ("fill", m.done ? "#ffffff" : color(t)), ("stroke", "#222222"), ("stroke-width", n(0.35 * k)),
          ])
        svg.element(
          "text",
          [
            ("x", n(x)), ("y", n(y)), ("dy", "0.35em"), ("text-anchor", "middle"), ("font-size", n(2.2 * k)),
            ("font-weight", "bold"), ("fill", m.done ? "#222222" : "#ffffff"),
          ], text: milestoneLetter(mi))
      }

      // The hand at today, when asked for.
      if let today = o.today, range.contains(today) {
        let a = wheel.midAngle(today)
        let (x0, y0) = point(a, inner, cx, cy)
        let (x1, y1) = point(a, rim + 1 * k, cx, cy)
        svg.empty(
          "line",
          [
            ("x1", n(x0)), ("y1", n(y0)), ("x2", n(x1)), ("y2", n(y1)), ("stroke", "#c0392b"),
            ("stroke-width", n(0.8 * k)), ("stroke-linecap", "round"),
          ])
        let (tx, ty) = point(a, rim + 2.5 * k, cx, cy)
        svg.element(
          "text",
          [
            ("x", n(tx)), ("y", n(ty)), ("dy", "0.35em"), ("text-anchor", sin(a) >= 0 ? "start" : "end"),
            ("font-size", n(3 * k)), ("font-weight", "bold"), ("fill", "#c0392b"),
          ], text: (plan.language == .sv ? "idag " : "today ") + w.day(today))
      }

      // The centre: the year, and the title under it.
      svg.empty(
        "circle",
        [
          ("cx", n(cx)), ("cy", n(cy)), ("r", n(inner)), ("fill", "#ffffff"), ("stroke", "#8a8578"),
          ("stroke-width", n(0.35 * k)),
        ])
      let yearText = plan.startMonth == 1 ? "\(o.year)" : "\(o.year)/\(String(o.year + 1).suffix(2))"
      svg.element(
        "text",
        [
          ("x", n(cx)), ("y", n(cy - 2 * k)), ("text-anchor", "middle"), ("font-size", n(15 * k)),
          ("font-weight", "bold"), ("fill", "#222222"),
        ], text: yearText)
      let titleLines = wrapMM(plan.title, width: inner * 1.6, size: 3.6 * k).prefix(3)
      for (i, line) in titleLines.enumerated() {
        svg.element(
          "text",
          [
            ("x", n(cx)), ("y", n(cy + 6 * k + Double(i) * 4.4 * k)), ("text-anchor", "middle"),
            ("font-size", n(3.6 * k)), ("fill", "#444444"),
          ], text: line)
      }

      legend(entries: entries, milestones: milestones, x: cx + outer + 8 * k, top: margin, right: width - margin)
      svg.close("svg")
      return svg.text
    }

    /// A, B, … Z, AA, AB, … (bijective base 26, so it never runs out).
    func milestoneLetter(_ i: Int) -> String {
      let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
      var n = i + 1
      var out = ""
      while n > 0 {
        n -= 1
        out = String(letters[n % 26]) + out
        n /= 26
      }
      return out
    }

    /// Lanes within a ring, so that activities that overlap sit side by side.
    func assignLanes(_ list: [Entry]) -> [Entry] {
      let maxLanes = 4
      var taken: [[Bool]] = []
      var out = list
      // A little room on each side, so short items do not touch.
      let pad = max(1, range.dayCount / 180)
      for i in out.indices {
        var days: [Int] = []
        for occ in out[i].occurrences {
          let a = max(0, occ.start - range.from - pad)
          let b = min(range.dayCount - 1, occ.end - range.from + pad)
          if a <= b { days += Array(a...b) }
        }
        var lane = taken.firstIndex { lane in !days.contains { lane[$0] } }
        if lane == nil {
          if taken.count < maxLanes {
            taken.append(Array(repeating: false, count: range.dayCount))
            lane = taken.count - 1
          } else {
            // Full: the lane where it overlaps least.
            lane = taken.indices.min { a, b in days.filter { taken[a][$0] }.count < days.filter { taken[b][$0] }.count }
          }
        }
        for d in days { taken[lane!][d] = true }
        out[i].lane = lane!
      }
      return out
    }

    /// The title along the arc where it fits, else the number in a badge.
    mutating func label(_ e: Entry, r0: Double, r1: Double, cx: Double, cy: Double) {
      let occ = e.occurrences[0]
      let a0 = wheel.angle(max(occ.start, range.from))
      let a1 = max(wheel.angle(min(occ.end, range.to) + 1), a0 + 0.009)
      let mid = (r0 + r1) / 2
      let thickness = r1 - r0
      let size = min(3.2 * k, thickness * 0.62)
      let text = "\(e.number) \(e.activity.title)"
      let arcLength = (a1 - a0) * mid
      let onArc = e.occurrences.count == 1 && size >= 1.8 * k && arcTextWidth(text, size) + 3 * k < arcLength
      if onArc {
        arcText(text, around: (a0 + a1) / 2, radius: mid, size: size, fill: "#ffffff", bold: true, cx: cx, cy: cy)
        return
      }
      let r = min(2.3 * k, max(1.4 * k, thickness / 2))
      let (x, y) = point((a0 + a1) / 2, mid, cx, cy)
      svg.empty(
        "circle",
        [
          ("cx", n(x)), ("cy", n(y)), ("r", n(r)), ("fill", "#ffffff"), ("stroke", "#333333"),
          ("stroke-width", n(0.25 * k)),
        ])
      svg.element(
        "text",
        [
          ("x", n(x)), ("y", n(y)), ("dy", "0.35em"), ("text-anchor", "middle"), ("font-size", n(r * 1.15)),
          ("font-weight", "bold"), ("fill", "#222222"),
        ], text: String(e.number))
    }

    func wrapMM(_ s: String, width: Double, size: Double) -> [String] {
      wrap(sanitized(s), width: max(8, Int(width / (size * 0.53))))
    }

    /// The legend: title, period, the rings, then every numbered item with
    /// its dates, theme by theme, and the milestones. The font shrinks (and
    /// a second column opens) until it all fits.
    mutating func legend(entries: [[Entry]], milestones: [Milestone], x: Double, top: Double, right: Double) {
      let sv = plan.language == .sv
      var y = top + 9 * k
      let titleSize = 8.5 * k
      for line in wrapMM(plan.title, width: right - x, size: titleSize).prefix(3) {
        svg.element(
          "text",
          [("x", n(x)), ("y", n(y)), ("font-size", n(titleSize)), ("font-weight", "bold"), ("fill", "#222222")],
          text: line)
        y += titleSize * 1.15
      }
      svg.element(
        "text", [("x", n(x)), ("y", n(y)), ("font-size", n(4.2 * k)), ("fill", "#444444")], text: w.period(range))
      y += 8 * k
      svg.element(
        "text", [("x", n(x)), ("y", n(y)), ("font-size", n(3 * k)), ("fill", "#6b675e")],
        text: sv ? "Ringarna utifrån och in:" : "The rings, outside in:")
      y += 5 * k
      for t in themes {
        svg.empty(
          "rect",
          [
            ("x", n(x)), ("y", n(y - 3.2 * k)), ("width", n(6 * k)), ("height", n(4 * k)), ("fill", color(t)),
            ("rx", n(0.8 * k)),
          ])
        svg.element(
          "text",
          [("x", n(x + 8 * k)), ("y", n(y)), ("font-size", n(3.8 * k)), ("font-weight", "bold"), ("fill", "#222222")],
          text: t.name)
        y += 5.6 * k
      }
      y += 2 * k

      // The lines of the list, before choosing a size.
      enum Row {
        case heading(String, String)
        case item(String, String, String)
      }
      var rows: [Row] = []
      for (ti, t) in themes.enumerated() where !entries[ti].isEmpty {
        rows.append(.heading(t.name, color(t)))
        for e in entries[ti] {
          let first = e.occurrences[0]
          var what = e.activity.title
          if let rule = w.rule(e.activity) { what += " (" + rule + ")" }
          if e.activity.status == .cancelled { what += sv ? " – inställd" : " – cancelled" }
          rows.append(.item(String(e.number), w.range(first.start, first.end), what))
        }
      }
      if !milestones.isEmpty {
        rows.append(.heading(w.milestonesHeading, "#222222"))
        for (i, m) in milestones.enumerated() {
          rows.append(.item("◆ " + milestoneLetter(i), w.day(m.date), m.title + (m.done ? " ✓" : "")))
        }
      }
      let available = height - 10 * k - y
      // Lines an entry needs at a size, estimated from its length (wrapping
      // every entry at every size tried would cost more than the poster).
      func perLine(_ size: Double, _ columns: Int) -> Int {
        let colWidth = ((right - x) - Double(columns - 1) * 5 * k) / Double(columns)
        return max(10, Int((colWidth - size * 11) / (size * 0.5)))
      }
      func heightNeeded(_ size: Double, _ columns: Int) -> Double {
        let per = perLine(size, columns)
        var total = 0.0
        for row in rows {
          switch row {
          case .heading: total += size * 1.9
          case .item(_, _, let what): total += size * 1.3 * Double(max(1, (what.count + per - 1) / per))
          }
        }
        return total / Double(columns)
      }
      var size = 3.2 * k
      var columns = 1
      while heightNeeded(size, columns) > available {
        if size > 2.2 * k {
          size -= 0.1 * k
        } else if columns == 1 {
          columns = 2
          size = 2.8 * k
        } else if size > 1.7 * k {
          size -= 0.1 * k
        } else {
          break
        }
      }
      let colWidth = ((right - x) - Double(columns - 1) * 5 * k) / Double(columns)
      var col = 0
      var cy = y
      let bottom = height - 10 * k
      for (ri, row) in rows.enumerated() {
        var lines: [String] = []
        if case .item(_, _, let what) = row { lines = wrap(sanitized(what), width: perLine(size, columns)) }
        let rowHeight = lines.isEmpty ? size * 1.9 : size * 1.3 * Double(lines.count)
        if cy + rowHeight > bottom {
          if col + 1 < columns {
            col += 1
            cy = y
          } else {
            // Too many to list on the paper: say how many are left out.
            let left = rows[ri...].filter { if case .item = $0 { true } else { false } }.count
            svg.element(
              "text",
              [
                ("x", n(x + Double(col) * (colWidth + 5 * k))), ("y", n(cy + size)), ("font-size", n(size)),
                ("font-style", "italic"), ("fill", "#555555"),
              ],
              text: sv
                ? "… och \(left) till (arshjul summary listar alla)"
                : "… and \(left) more (arshjul summary lists them all)")
            break
          }
        }
        let lx = x + Double(col) * (colWidth + 5 * k)
        switch row {
        case .heading(let name, let fill):
          svg.element(
            "text",
            [
              ("x", n(lx)), ("y", n(cy + size * 1.5)), ("font-size", n(size * 1.12)), ("font-weight", "bold"),
              ("fill", fill),
            ],
            text: name)
        case .item(let num, let date, _):
          svg.element(
            "text",
            [("x", n(lx)), ("y", n(cy + size)), ("font-size", n(size)), ("font-weight", "bold"), ("fill", "#222222")],
            text: num)
          svg.element(
            "text", [("x", n(lx + size * 2.4)), ("y", n(cy + size)), ("font-size", n(size)), ("fill", "#555555")],
            text: date)
          for (i, line) in lines.enumerated() {
            svg.element(
              "text",
              [
                ("x", n(lx + size * 11)), ("y", n(cy + size + Double(i) * size * 1.3)), ("font-size", n(size)),
                ("fill", "#222222"),
              ], text: line)
          }
        }
        cy += rowHeight
      }
      svg.element(
        "text",
        [
          ("x", n(right)), ("y", n(height - 5 * k)), ("text-anchor", "end"), ("font-size", n(2.4 * k)),
          ("fill", "#9a958a"),
        ],
        text: sv ? "Årshjulet gjort med arshjul" : "Year wheel made with arshjul")
    }
  }
}
