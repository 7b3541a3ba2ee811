import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything the printed wheel and the web page's wheel share, as values:
/// which activities show and their numbers, the lanes overlapping ones sit
/// in, the rings, every arc's angles and radii, the milestones' letters and
/// places, and the legend's rows. Drawing it is the SVG's (and the HTML's)
/// job; the geometry is decided here once.
public struct WheelLayout: Sendable {
  /// One activity on the wheel, numbered.
  /// Small, because a big plan has 20,000: the activity is its place in
  /// the plan (`activity(_:)`) and the arcs are worked out when drawn (`arcs(_:)`).
  public struct Entry: Sendable {
    public var number: Int
    /// The activity's place in the plan's list.
    public var index: Int
    public var occurrences: [Occurrence]
    public var lane = 0
    /// Radii of its lane.
    public var inner = 0.0
    public var outer = 0.0
  }

  public func activity(_ e: Entry) -> Activity { plan.activities[e.index] }

  /// Start and end angle of each occurrence of `e` drawn (clamped to the
  /// year, at least half a degree so a one-day event shows).
  public func arcs(_ e: Entry) -> [(start: Double, end: Double)] {
    e.occurrences.map { occ in
      let start = wheel.angle(max(occ.start, range.from))
      let end = max(wheel.angle(min(occ.end, range.to) + 1), start + 0.009)
      return (start, min(end, 2 * Double.pi))
    }
  }

  /// The days `e` covers, as runs of days from the start of the year (the
  /// first day counted, the last not), clamped to the year, in order, with
  /// runs that touch or overlap made one: the same days the arcs cover.
  public func dayRuns(_ e: Entry) -> [(from: Int, to: Int)] {
    var runs: [(from: Int, to: Int)] = []
    for occ in e.occurrences.sorted(by: { $0.start < $1.start }) {
      let from = max(occ.start, range.from) - range.from
      let to = min(occ.end, range.to) + 1 - range.from
      guard to > from else { continue }
      if let last = runs.last, from <= last.to {
        runs[runs.count - 1].to = max(last.to, to)
      } else {
        runs.append((from, to))
      }
    }
    return runs
  }

  public struct Ring: Sendable {
    public var theme: Theme
    public var inner: Double
    public var outer: Double
    public var entries: [Entry]
  }

  public struct Mark: Sendable {
    public var milestone: Milestone
    public var letter: String
    public var angle: Double
    /// On the outer edge of its theme's ring.
    public var radius: Double
    public var themeIndex: Int
  }

  public struct MonthSector: Sendable {
    public var start: Day
    public var startAngle: Double
    public var endAngle: Double
  }

  /// A legend row: a theme heading or a numbered item (number, dates, text).
  public enum LegendRow: Sendable {
    case heading(String, themeIndex: Int?)
    case item(label: String, dates: String, text: String)
  }

  public let plan: Plan
  public let range: DayRange
  public let wheel: YearWheel
  public let themes: [Theme]
  /// The centre and the radii, in the caller's units.
  public let cx: Double, cy: Double
  public let outer: Double, rim: Double, inner: Double, ringOuter: Double
  /// A thin band per layer (another calendar, issue 29) just inside the
  /// week ring, outermost first; the themes' rings make room for them.
  public let layerBands: [(inner: Double, outer: Double)]
  /// The size of a millimetre on A3 in these units: every length is scaled by it.
  public let unit: Double
  public private(set) var rings: [Ring] = []
  public private(set) var marks: [Mark] = []
  public private(set) var months: [MonthSector] = []

  /// A wheel of radius `outer` centred at (cx, cy); `unit` scales the fixed
  /// lengths (gaps, bands), 1 for A3 millimetres.
  public init(
    plan: Plan, year: Int, themes only: [String]?, cx: Double, cy: Double, outer: Double, unit: Double,
    layers: Int = 0
  ) {
    self.plan = plan
    range = plan.yearRange(year)
    wheel = YearWheel(year: range)
    themes = only.map { ids in plan.themes.filter { ids.contains($0.id) } } ?? plan.themes
    self.cx = cx
    self.cy = cy
    self.outer = outer
    self.unit = unit
    rim = outer - 13 * unit
    inner = rim * 0.3
    let bandsOuter = rim - 8 * unit - 1.5 * unit
    layerBands = YearWheel.rings(
      count: layers, inner: bandsOuter - Double(layers) * 3.2 * unit + 0.8 * unit, outer: bandsOuter, gap: 0.8 * unit)
    ringOuter = layers == 0 ? bandsOuter : bandsOuter - Double(layers) * 3.2 * unit - 1.2 * unit
    months = monthSectors()
    rings = layOutRings()
    marks = placeMilestones()
  }

  public var isEmpty: Bool { rings.allSatisfy(\.entries.isEmpty) && marks.isEmpty }

  /// Where an angle and radius lie on the page.
  public func point(_ angle: Double, _ radius: Double) -> (x: Double, y: Double) {
    YearWheel.point(angle: angle, radius: radius, cx: cx, cy: cy)
  }

  private func monthSectors() -> [MonthSector] {
    let starts = wheel.monthStarts
    return starts.enumerated().map { i, start in
      MonthSector(
        start: start, startAngle: wheel.angle(start),
        endAngle: i + 1 < 12 ? wheel.angle(starts[i + 1]) : 2 * Double.pi)
    }
  }

  /// Numbers the activities that show this year, theme by theme in date
  /// order, gives each its lane and its arcs.
  private func layOutRings() -> [Ring] {
    let bands = YearWheel.rings(count: themes.count, inner: inner + 2 * unit, outer: ringOuter, gap: 1.6 * unit)
    var number = 1
    var out: [Ring] = []
    for (ti, theme) in themes.enumerated() {
      var list: [Entry] = []
      // Fields read in place: a loop over the activities themselves copied each.
      let mine = plan.activities.indices.filter { plan.activities[$0].theme == theme.id }
      list.reserveCapacity(mine.count)
      for i in mine {
        let occ = plan.activities[i].occurrences(in: range)
        if !occ.isEmpty { list.append(Entry(number: 0, index: i, occurrences: occ)) }
      }
      list.sort {
        ($0.occurrences[0].start, plan.activities[$0.index].title)
          < ($1.occurrences[0].start, plan.activities[$1.index].title)
      }
      for i in list.indices {
        list[i].number = number
        number += 1
      }
      list = assignLanes(list)
      let band = bands[ti]
      let lanes = max(1, (list.map(\.lane).max() ?? 0) + 1)
      let laneGap = 0.5 * unit
      let laneWidth = (band.outer - band.inner - laneGap * Double(lanes - 1)) / Double(lanes)
      for i in list.indices {
        list[i].outer = band.outer - Double(list[i].lane) * (laneWidth + laneGap)
        list[i].inner = list[i].outer - laneWidth
      }
      out.append(Ring(theme: theme, inner: band.inner, outer: band.outer, entries: list))
    }
    return out
  }

  /// Lanes within a ring, so that activities that overlap sit side by side.
  private func assignLanes(_ list: [Entry]) -> [Entry] {
    let maxLanes = 4
    var taken: [[Bool]] = []
    var out = list
    // A little room on each side, so short items do not touch.
    let pad = max(1, range.dayCount / 180)
    for i in out.indices {
      var days: [Int] = []
      for occ in out[i].occurrences {
        let first = max(0, occ.start - range.from - pad)
        let last = min(range.dayCount - 1, occ.end - range.from + pad)
        if first <= last { days += Array(first...last) }
      }
      var lane = taken.firstIndex { lane in !days.contains { lane[$0] } }
      if lane == nil {
        if taken.count < maxLanes {
          taken.append(Array(repeating: false, count: range.dayCount))
          lane = taken.count - 1
        } else {
          // Full: the lane where it overlaps least.
          lane = taken.indices.min { x, y in days.filter { taken[x][$0] }.count < days.filter { taken[y][$0] }.count }
        }
      }
      for d in days { taken[lane!][d] = true }
      out[i].lane = lane!
    }
    return out
  }

  private func placeMilestones() -> [Mark] {
    let shown = plan.milestones.filter { m in themes.contains { $0.id == m.theme } && range.contains(m.date) }
      .sorted { ($0.date, $0.title) < ($1.date, $1.title) }
    var out: [Mark] = []
    for (i, m) in shown.enumerated() {
      guard let ti = themes.firstIndex(where: { $0.id == m.theme }) else { continue }
      out.append(
        Mark(
          milestone: m, letter: WheelLayout.letter(i), angle: wheel.midAngle(m.date), radius: rings[ti].outer,
          themeIndex: ti))
    }
    return out
  }

  /// A, B, … Z, AA, AB, … (bijective base 26, so it never runs out).
  public static func letter(_ index: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var rest = index + 1
    var out = ""
    while rest > 0 {
      rest -= 1
      out = String(letters[rest % 26]) + out
      rest /= 26
    }
    return out
  }

  /// The legend's rows: per theme its numbered items with dates and rule
  /// in words, then the milestones with their letters.
  public func legendRows() -> LegendRows { LegendRows(self) }

  /// The legend's rows, each made when it is asked for: a poster shows a
  /// few hundred of 20,000, and holding every row's texts at once took
  /// more memory than the plan's activities.
  public struct LegendRows: RandomAccessCollection {
    let layout: WheelLayout
    let wording: Wording
    /// Each part of the legend (a theme's ring, or nil for the milestones)
    /// and the row of its heading.
    let parts: [(ring: Int?, heading: Int)]
    public let endIndex: Int
    public var startIndex: Int { 0 }

    init(_ layout: WheelLayout) {
      self.layout = layout
      wording = Wording(layout.plan.language)
      var parts: [(ring: Int?, heading: Int)] = []
      var at = 0
      for (ti, ring) in layout.rings.enumerated() where !ring.entries.isEmpty {
        parts.append((ti, at))
        at += 1 + ring.entries.count
      }
      if !layout.marks.isEmpty {
        parts.append((nil, at))
        at += 1 + layout.marks.count
      }
      self.parts = parts
      endIndex = at
    }

    /// The part row `i` is in, and its place after the part's heading (0 is the heading).
    private func locate(_ i: Int) -> (ring: Int?, offset: Int) {
      let part = parts.last { $0.heading <= i }!
      return (part.ring, i - part.heading)
    }

    /// Whether row `i` is an item (not a heading), without making its texts.
    public func isItem(_ i: Int) -> Bool { locate(i).offset > 0 }

    public subscript(i: Int) -> LegendRow {
      let (ring, offset) = locate(i)
      guard let ring else {
        guard offset > 0 else { return .heading(wording.milestonesHeading, themeIndex: nil) }
        let mark = layout.marks[offset - 1]
        return .item(
          label: "◆ " + mark.letter, dates: wording.day(mark.milestone.date),
          text: mark.milestone.title + (mark.milestone.done ? " ✓" : ""))
      }
      let r = layout.rings[ring]
      guard offset > 0 else { return .heading(r.theme.name, themeIndex: ring) }
      let e = r.entries[offset - 1]
      let a = layout.activity(e)
      let first = e.occurrences[0]
      var what = a.title
      if let rule = wording.rule(a) { what += " (" + rule + ")" }
      if a.status == .cancelled { what += " – " + wording.status(.cancelled) }
      return .item(label: String(e.number), dates: wording.range(first.start, first.end), text: what)
    }
  }

  /// The year in the centre: "2022", or "2022/23" for a year that does not start in January.
  public var yearText: String {
    plan.startMonth == 1 ? "\(range.from.year)" : "\(range.from.year)/\(String(range.from.year + 1).suffix(2))"
  }

  /// An annular sector from angle a0 to a1 between radii r0 < r1, as SVG path data.
  public func sectorPath(_ a0: Double, _ a1: Double, _ r0: Double, _ r1: Double) -> String {
    // Nearly a whole turn: two halves, or the rounded ends meet and the arc vanishes.
    if a1 - a0 > 1.9 * Double.pi {
      let mid = (a0 + a1) / 2
      return sectorPath(a0, mid, r0, r1) + " " + sectorPath(mid, a1, r0, r1)
    }
    let num = SVGWriter.num
    let large = (a1 - a0) > Double.pi ? 1 : 0
    let p0 = point(a0, r1)
    let p1 = point(a1, r1)
    let p2 = point(a1, r0)
    let p3 = point(a0, r0)
    return "M\(num(p0.x)) \(num(p0.y)) A\(num(r1)) \(num(r1)) 0 \(large) 1 \(num(p1.x)) \(num(p1.y)) "
      + "L\(num(p2.x)) \(num(p2.y)) A\(num(r0)) \(num(r0)) 0 \(large) 0 \(num(p3.x)) \(num(p3.y)) Z"
  }
}

extension Theme {
  /// The theme's colour as `#rrggbb`.
  public var hexColor: String {
    let (r, g, b) = color.rgb
    return "#" + [r, g, b].map { hexDigits(UInt32($0), width: 2).lowercased() }.joined()
  }
}
