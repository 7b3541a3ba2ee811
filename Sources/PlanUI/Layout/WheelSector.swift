import PlanFormats
import PlanModel

/// The sector of the wheel the selection stands in: the ISO week of the
/// cursor, and what falls in it, theme by theme (ring by ring).
public struct WheelSector: Sendable {
  public let range: DayRange
  public let items: [(theme: Theme, items: [AgendaItem])]

  /// The week of the cursor, within the year.
  static func week(_ s: AppState) -> DayRange {
    let monday = s.cursor - (s.cursor.weekday - 1)
    let year = s.yearRange
    return DayRange(from: max(monday, year.from), to: min(monday + 6, year.to))
  }

  /// The id of the first item of `theme` in the cursor's week, found
  /// without making the sector's lines (a week of a big plan has a thousand).
  static func firstID(_ s: AppState, theme: String?) -> String? {
    let range = week(s)
    for ref in s.index.overlapping(range) where ref.end >= range.from {
      if ref.isMilestone {
        if s.plan.milestones[ref.milestone].theme == theme { return s.plan.milestones[ref.milestone].id }
      } else if s.plan.activities[ref.activity].theme == theme {
        return s.plan.activities[ref.activity].id
      }
    }
    return nil
  }

  public init(_ s: AppState) {
    range = WheelSector.week(s)
    let index = s.index
    let range = self.range
    // Each line made once, straight into its theme's list (a week of a
    // 20,000-activity plan has a thousand lines).
    let themes = s.visibleThemes
    var lists = Array(repeating: [AgendaItem](), count: themes.count)
    let slot = Dictionary(themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    for ref in index.overlapping(range) where ref.end >= range.from {
      let theme = ref.isMilestone ? s.plan.milestones[ref.milestone].theme : s.plan.activities[ref.activity].theme
      guard let k = slot[theme] else { continue }
      lists[k].append(index.item(ref, in: s.plan))
    }
    items = zip(themes, lists).map { ($0, $1) }
  }
}
