import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The wheel of the web page: the printed wheel's geometry (`WheelLayout`),
/// each activity an arc drawn as a stroke along its lane, numbered where the
/// number fits as on the poster, in a ring per theme that a keyboard walks
/// with the arrows. An arc is one `<path>` that carries no text of its own,
/// only its activity's id (`data-w`): the script makes it a link named by
/// and going to its row in the agenda (`w-ID`), so the plan's words stand
/// in the page once. Without the script the wheel is a picture and the
/// agenda says it all.
enum HTMLWheel {
  static func write(
    _ layout: WheelLayout, _ plan: Plan, _ w: Wording, layers: [LayerEvents] = [], into h: PieceOutput
  ) {
    let words = PageWords(plan.language)
    // The layers' rings are outside the themes': the themes' ring words count them.
    let outside = layers.count
    let ringCount = layout.rings.count + outside
    // Each layer's runs of days, made once for its ring and its words.
    let layerRuns = layers.map { LayerDayRuns.runs($0.days(in: layout.range)) }
    func line(_ s: String) { h.appendLine(s) }
    line("<section class=\"wheel\" aria-labelledby=\"wheel-heading\">")
    line("<h2 id=\"wheel-heading\">\(words.wheelHeading)</h2>")
    line("<div class=\"controls\" role=\"group\" aria-label=\"\(words.showThemes)\" hidden>")
    for (i, ring) in layout.rings.enumerated() {
      line(
        "<button type=\"button\" class=\"theme-toggle\" data-theme=\"\(HTML.escape(ring.theme.id))\" data-t=\"\(i)\" aria-pressed=\"true\">"
          + "<i class=\"sw s\(i)\"></i>\(HTML.escape(ring.theme.name))"
          + "<span class=\"visually-hidden\"> (\(words.ring(i + outside, of: ringCount)))</span></button>")
    }
    line("</div>")
    line(
      "<p id=\"wheel-keys\" class=\"hint\" hidden>" + words.wheelKeys + "</p>")
    // The wheel in stacked drawings of the same size: what never changes
    // (months, layers, the centre), a drawing per theme, and on top the
    // hand and the script's focus and hover rings. Each is a layer of its
    // own in the browser, so hiding a theme or moving the focus redraws one
    // of them, not 20,000 arcs.
    line(
      "<div class=\"wheel-box\" role=\"group\" aria-label=\"\(HTML.escape("\(plan.title) – \(w.period(layout.range))"))\" aria-describedby=\"wheel-keys\" data-from=\"\(layout.range.from.iso)\" data-to=\"\(layout.range.to.iso)\" data-cx=\"400\" data-cy=\"400\" data-inner=\"\(num(layout.inner))\" data-outer=\"\(num(layout.rim + 3))\">"
    )
    line("<svg viewBox=\"0 0 800 800\" class=\"base\" aria-hidden=\"true\">")
    months(layout, plan, into: h)
    layerRings(layout, layerRuns, into: h)
    line("<circle class=\"centre\" cx=\"400\" cy=\"400\" r=\"\(num(layout.inner))\"/>")
    line("<text class=\"year\" x=\"400\" y=\"410\">\(HTML.escape(layout.yearText))</text>")
    line("</svg>")
    let from = layout.range.from
    for (t, ring) in layout.rings.enumerated() {
      // The ring's drawing gives its arcs the width most of them have (a
      // lane's, when activities overlap); the others say theirs.
      var widthCounts: [String: Int] = [:]
      for entry in ring.entries { widthCounts[n1(entry.outer - entry.inner - 0.6), default: 0] += 1 }
      let ringWidth =
        widthCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? n1(ring.outer - ring.inner - 0.6)
      line(
        "<svg viewBox=\"0 0 800 800\" class=\"ring t\(t)\" data-theme=\"\(HTML.escape(ring.theme.id))\" role=\"group\" aria-label=\"\(HTML.escape(ring.theme.name)), \(words.ring(t + outside, of: ringCount))\" stroke-width=\"\(ringWidth)\">"
      )
      line("<path class=\"band\" d=\"\(layout.sectorPath(0, 2 * Double.pi - 0.0001, ring.inner, ring.outer))\"/>")
      // Arcs and milestones in date order: the order the arrows walk them.
      var items: [(day: Int, text: String)] = []
      for entry in ring.entries {
        let a = layout.activity(entry)
        let first = entry.occurrences[0].start
        let status = a.status == .cancelled ? " cancelled" : (a.status == .done ? " done" : "")
        let id = HTML.escape(a.id)
        var s = "<path class=\"arc\(status)\" data-w=\"\(id)\" data-d=\"\(first - from)\" d=\""
        let mid = (entry.inner + entry.outer) / 2
        let arcs = layout.arcs(entry)
        var dashes = ""
        if arcs.count > 1 && a.status != .done && a.status != .cancelled {
          // A repeating activity: its lane's circle, dashed where its days
          // are (the circle's length counted in days), in place of an arc
          // per occurrence (52 for a weekly one). Done and cancelled arcs
          // have dashes of their own and keep an arc each.
          s += circleLine(mid)
          var at = 0
          var gaps: [String] = ["0"]
          for run in layout.dayRuns(entry) {
            gaps.append(String(run.from - at))
            gaps.append(String(run.to - run.from))
            at = run.to
          }
          gaps.append(String(layout.range.dayCount - at))
          dashes = "\" pathLength=\"\(layout.range.dayCount)\" stroke-dasharray=\"\(gaps.joined(separator: " "))"
        } else {
          s += centreLines(layout, arcs, mid)
        }
        s += dashes
        // The ring's stroke width, unless the arc's lane is another.
        let width = n1(entry.outer - entry.inner - 0.6)
        s += width == ringWidth ? "\"/>" : "\" stroke-width=\"\(width)\"/>"
        if let arc = arcs.first {
          let thickness = entry.outer - entry.inner
          let size = min(11, thickness * 0.72)
          let label = String(entry.number)
          let length = (arc.end - arc.start) * mid
          let titled = "\(label) \(sanitized(a.title))"
          if arcs.count == 1 && size >= 7 && ArcText.width(titled, size) + 8 < length {
            // As on the poster: the number and title along an arc where
            // they fit (read upright: right to left in the lower half).
            // Drawn, not read: the arc's name is its agenda row.
            let lower = cos((arc.start + arc.end) / 2) < 0
            let line =
              lower ? reversedLine(layout, arc.start, arc.end, mid) : centreLines(layout, [arc], mid)
            s +=
              "<path id=\"l\(entry.number)\" class=\"label-line\" d=\"\(line)\"/><text class=\"num\" font-size=\"\(n1(size))\" aria-hidden=\"true\">"
              + "<textPath href=\"#l\(entry.number)\" startOffset=\"50%\">\(HTML.escape(titled))</textPath></text>"
          } else if size >= 6.5 && length >= Double(label.count) * size * 0.62 + 4 {
            let (x, y) = layout.point((arc.start + arc.end) / 2, mid)
            s += "<text class=\"num\" x=\"\(n1(x))\" y=\"\(n1(y))\" font-size=\"\(n1(size))\">\(label)</text>"
          }
        }
        items.append((first - from, s))
      }
      let themeIndex = layout.themes.firstIndex { $0.id == ring.theme.id }
      for mark in layout.marks where mark.themeIndex == themeIndex {
        let m = mark.milestone
        let (x, y) = layout.point(mark.angle, mark.radius)
        let r = 7.0
        let id = HTML.escape(m.id)
        items.append(
          (
            m.date - from,
            "<path class=\"mark\(m.done ? " done" : "")\" data-w=\"\(id)\" data-d=\"\(m.date - from)\" "
              + "d=\"M\(n1(x)) \(n1(y - r))L\(n1(x + r)) \(n1(y))L\(n1(x)) \(n1(y + r))L\(n1(x - r)) \(n1(y))Z\"/>"
              + "<text class=\"letter\(m.done ? " done" : "")\" x=\"\(n1(x))\" y=\"\(n1(y))\">\(mark.letter)</text>"
          ))
      }
      for item in items.enumerated().sorted(by: { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }) {
        line(item.element.text)
      }
      line("</svg>")
    }
    line("<svg viewBox=\"0 0 800 800\" class=\"top\" aria-hidden=\"true\"><g class=\"hand\"></g></svg>")
    line("</div>")
    line("<p id=\"tip\" class=\"tip\"></p>")
    line("<h3>\(words.ringsHeading)</h3>")
    line("<ul class=\"legend\">")
    // A layer's ring told in words too: its days, as the ring shades them.
    for (i, layer) in layers.enumerated() {
      let runs = layerRuns[i]
      let shown = runs.prefix(24).map { w.range($0.from, $0.to) }
      let more = runs.count > 24 ? words.more(runs.count - 24) : ""
      let days = runs.isEmpty ? words.nothingThisYear : shown.joined(separator: ", ") + more
      line(
        "<li class=\"layer\"><i class=\"sw lw\"></i>\(HTML.escape(layer.name)) <span class=\"muted\">(\(words.layer), \(words.ring(i, of: ringCount)))</span>: \(HTML.escape(days))</li>"
      )
    }
    for (i, ring) in layout.rings.enumerated() {
      line(
        "<li class=\"t\(i)\"><i class=\"sw s\(i)\"></i>\(HTML.escape(ring.theme.name)) <span class=\"muted\">(\(words.ring(i + outside, of: ringCount)))</span></li>"
      )
    }
    line(
      "<li>" + words.legendKey + "</li>")
    line("</ul>")
    line("</section>")
  }

  /// The layers: a thin band each, their events' days shaded; drawn, not
  /// read (the legend says the same in words).
  static func layerRings(_ layout: WheelLayout, _ layerRuns: [[DayRange]], into h: PieceOutput) {
    guard !layerRuns.isEmpty else { return }
    h.appendLine("<g class=\"layers\" aria-hidden=\"true\">")
    for (i, runs) in layerRuns.enumerated() where i < layout.layerBands.count {
      let band = layout.layerBands[i]
      var d = layout.sectorPath(0, 2 * Double.pi - 0.0001, band.inner, band.outer)
      h.appendLine("<path class=\"layer-band\" d=\"\(d)\"/>")
      d = ""
      for run in runs {
        d += layout.sectorPath(layout.wheel.angle(run.from), layout.wheel.angle(run.to + 1), band.inner, band.outer)
      }
      if !d.isEmpty { h.appendLine("<path class=\"layer-days\" d=\"\(d)\"/>") }
    }
    h.appendLine("</g>")
  }

  /// Months, shaded every other one and named round the rim.
  static func months(_ layout: WheelLayout, _ plan: Plan, into h: PieceOutput) {
    h.appendLine("<g class=\"months\" aria-hidden=\"true\">")
    for (i, m) in layout.months.enumerated() {
      h.appendLine(
        "<path class=\"month m\(i % 2)\" d=\"\(layout.sectorPath(m.startAngle, m.endAngle, layout.inner, layout.rim))\"/>"
      )
      let mid = (m.startAngle + m.endAngle) / 2
      let (x, y) = layout.point(mid, layout.rim + 18)
      var rotation = mid * 180 / Double.pi
      if cos(mid) < 0 { rotation += 180 }
      h.appendLine(
        "<text class=\"month-name\" x=\"\(num(x))\" y=\"\(num(y))\" transform=\"rotate(\(num(rotation)) \(num(x)) \(num(y)))\">\(HTML.escape(Names.month(m.start.month, plan.language)))</text>"
      )
    }
    h.appendLine("</g>")
  }

  /// The middle lines of arcs at radius r (drawn with a stroke as wide as
  /// the lane: half the numbers of a sector's outline) as one path: the
  /// first from where it starts, each further one from where the one before
  /// ended (m, a: shorter numbers), worked out in whole tenths so that none
  /// drifts. An arc of almost a whole turn is drawn in two halves.
  static func centreLines(_ layout: WheelLayout, _ arcs: [(start: Double, end: Double)], _ r: Double) -> String {
    var out = ""
    var at: (x: Int, y: Int)? = nil
    func tenths(_ p: (x: Double, y: Double)) -> (x: Int, y: Int) {
      (Int((p.x * 10).rounded()), Int((p.y * 10).rounded()))
    }
    for arc in arcs {
      var pieces = [(arc.start, arc.end)]
      if arc.end - arc.start > 1.9 * Double.pi {
        let mid = (arc.start + arc.end) / 2
        pieces = [(arc.start, mid), (mid, arc.end)]
      }
      for (a0, a1) in pieces {
        let p0 = tenths(layout.point(a0, r))
        let p1 = tenths(layout.point(a1, r))
        let flags = " 0 \((a1 - a0) > Double.pi ? 1 : 0) 1 "
        if let from = at {
          out +=
            "m\(t1(p0.x - from.x)) \(t1(p0.y - from.y))a\(n1(r)) \(n1(r))\(flags)\(t1(p1.x - p0.x)) \(t1(p1.y - p0.y))"
        } else {
          out += "M\(t1(p0.x)) \(t1(p0.y))A\(n1(r)) \(n1(r))\(flags)\(t1(p1.x)) \(t1(p1.y))"
        }
        at = p1
      }
    }
    return out
  }

  /// The whole circle of radius r round the centre, from 12 o'clock
  /// clockwise as the year runs.
  static func circleLine(_ r: Double) -> String {
    "M400 \(n1(400 - r))a\(n1(r)) \(n1(r)) 0 1 1 0 \(n1(2 * r))a\(n1(r)) \(n1(r)) 0 1 1 0 -\(n1(2 * r))"
  }

  /// The same middle line drawn the other way round (anticlockwise), for a
  /// label in the lower half of the wheel.
  static func reversedLine(_ layout: WheelLayout, _ a0: Double, _ a1: Double, _ r: Double) -> String {
    let p0 = layout.point(a1, r)
    let p1 = layout.point(a0, r)
    return "M\(n1(p0.x)) \(n1(p0.y))A\(n1(r)) \(n1(r)) 0 \((a1 - a0) > Double.pi ? 1 : 0) 0 \(n1(p1.x)) \(n1(p1.y))"
  }

  static func num(_ v: Double) -> String { SVGWriter.num(v) }

  /// A coordinate to a tenth of a unit (the wheel is 800 units across).
  static func n1(_ v: Double) -> String { t1(Int((v * 10).rounded())) }

  /// A number of tenths, written as units: 1234 is "123.4", -5 is "-0.5".
  static func t1(_ tenths: Int) -> String {
    let sign = tenths < 0 ? "-" : ""
    let whole = abs(tenths) / 10
    let frac = abs(tenths) % 10
    return frac == 0 ? sign + String(whole) : sign + String(whole) + "." + String(frac)
  }
}
