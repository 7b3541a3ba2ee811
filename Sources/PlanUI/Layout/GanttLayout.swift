import PlanFormats
import PlanModel

/// One row of the Gantt chart: a theme's lane header (which carries its
/// milestones) or one activity.
public enum GanttRow: Sendable, Equatable {
  case theme(Theme)
  /// The activity's index in the plan.
  case activity(Int)
}

/// What the Gantt chart shows for a state: its rows and its time window.
/// `update` uses it to keep the selection in view, the view to draw.
public struct GanttLayout: Sendable {
  public let rows: [GanttRow]
  public let window: DayRange

  public init(_ s: AppState) {
    rows = GanttRows.of(s).rows
    window =
      s.zoom == .project
      ? s.span ?? s.yearRange
      : GanttLayout.window(s.zoom, cursor: s.cursor, year: s.yearRange, startMonth: s.plan.startMonth)
  }

  static func window(_ zoom: Zoom, cursor: Day, year: DayRange, startMonth: Int) -> DayRange {
    switch zoom {
    case .year, .project:
      return year
    case .quarter:
      let months = (cursor.year - year.from.year) * 12 + cursor.month - year.from.month
      let q = max(0, min(3, months / 3))
      let from = Day.firstOfMonth(year: year.from.year, month: year.from.month, adding: q * 3)
      return DayRange(from: from, to: Day.firstOfMonth(year: from.year, month: from.month, adding: 3) - 1)
    case .month:
      let from = Day.firstOfMonth(year: cursor.year, month: cursor.month)
      return DayRange(from: from, to: Day.firstOfMonth(year: cursor.year, month: cursor.month, adding: 1) - 1)
    }
  }

  /// The row the selection stands on.
  public func selectedRow(_ s: AppState) -> Int? {
    if let id = s.focusID {
      let index = s.index
      if let ai = index.activityIndex[id],
        let i = rows.firstIndex(where: { if case .activity(let a) = $0 { a == ai } else { false } })
      {
        return i
      }
      if let mi = index.milestoneIndex[id], case let m = s.plan.milestones[mi],
        let i = rows.firstIndex(where: { if case .theme(let t) = $0 { t.id == m.theme } else { false } })
      {
        return i
      }
    }
    if let t = s.focusTheme {
      return rows.firstIndex { if case .theme(let th) = $0 { th.id == t } else { false } }
    }
    return nil
  }

  /// Rows kept under the chart for the layers: a rule and a lane each
  /// (none when there are none or they are hidden; never more than a third).
  static func layerLanes(_ s: AppState) -> Int {
    let n = s.shownLayers.count
    return n == 0 ? 0 : min(n + 1, max(0, (s.bodyRect.height - 2) / 3))
  }

  /// The label column's width for a screen width.
  public static func labelWidth(_ width: Int) -> Int { max(16, min(34, width * 3 / 10)) }

  /// The chart beside the labels in `body`: what the view draws in and what
  /// `update` measures columns by.
  public static func chart(in body: Rect) -> Rect {
    let label = labelWidth(body.width)
    return Rect(x: body.x + label + 1, y: body.y, width: body.width - label - 1, height: body.height)
  }
}

/// Maps days to columns of a chart `width` columns wide over `window`.
public struct TimeScale: Sendable {
  public let window: DayRange
  public let width: Int
  public let daysPerColumn: Double

  public init(window: DayRange, width: Int) {
    self.window = window
    self.width = max(1, width)
    daysPerColumn = Double(window.dayCount) / Double(self.width)
  }

  /// Fractional column where `day` begins.
  public func x(_ day: Day) -> Double { Double(day - window.from) / daysPerColumn }

  /// The column a day falls in (may be outside 0..<width).
  public func column(_ day: Day) -> Int { Int((x(day)).rounded(.down)) }

  /// The first day shown in a column.
  public func day(atColumn c: Int) -> Day {
    window.from + Int((Double(c) * daysPerColumn).rounded(.up))
  }
}

/// The chart's rows, kept by `normalize` until the plan, the year or the
/// hidden themes change (a big plan has tens of thousands of them).
struct GanttRows: Sendable {
  struct Key: Sendable, Equatable {
    var index: YearIndex.Key
    var hidden: Set<String>
    /// Across every year of several plans (the project zoom), or the year's.
    var span: DayRange?
  }
  let key: Key
  let rows: [GanttRow]

  static func key(_ s: AppState) -> Key {
    Key(index: YearIndex.key(s), hidden: s.hiddenThemes, span: s.zoom == .project ? s.span : nil)
  }

  static func of(_ s: AppState) -> GanttRows {
    if let r = s.ganttStorage, r.key == key(s) { return r }
    return GanttRows(s)
  }

  init(_ s: AppState) {
    key = GanttRows.key(s)
    if let span = key.span {
      rows = GanttRows.across(span, s)
      return
    }
    let index = s.index
    var rows: [GanttRow] = []
    for theme in s.visibleThemes {
      rows.append(.theme(theme))
      rows += (index.rows[theme.id] ?? []).map { .activity($0) }
    }
    self.rows = rows
  }

  /// The rows across several years: each visible theme's activities that
  /// have a day in `span`, by their first day there, then title. Made once
  /// per plan version while the project zoom is on.
  static func across(_ span: DayRange, _ s: AppState) -> [GanttRow] {
    var firsts: [String: [(day: Day, title: String, index: Int)]] = [:]
    // By place: `for a in` would copy each of 60,000 activities.
    let activities = s.plan.activities
    for i in activities.indices where activities[i].start <= span.to {
      var first: Day?
      activities[i].forEachOccurrence(in: span) { o in if first == nil { first = max(o.start, span.from) } }
      if let first { firsts[activities[i].theme, default: []].append((first, activities[i].title, i)) }
    }
    var rows: [GanttRow] = []
    for theme in s.visibleThemes {
      rows.append(.theme(theme))
      let mine = (firsts[theme.id] ?? []).sorted { ($0.day, $0.title, $0.index) < ($1.day, $1.title, $1.index) }
      rows += mine.map { .activity($0.index) }
    }
    return rows
  }
}
