import PlanKit

/// The sector of the wheel the selection stands in: the ISO week of the
/// cursor, and what falls in it, theme by theme (ring by ring).
public struct WheelSector: Sendable {
  public let range: DayRange
  public let items: [(theme: Theme, items: [AgendaItem])]

  public init(_ s: AppState) {
    let monday = s.cursor - (s.cursor.weekday - 1)
    let year = s.yearRange
    range = DayRange(from: max(monday, year.from), to: min(monday + 6, year.to))
    let index = s.index
    let range = self.range
    let agenda = index.overlapping(range).filter { $0.end >= range.from }.map { index.item($0, in: s.plan) }
    items = s.visibleThemes.map { t in (t, agenda.filter { $0.theme == t.id }) }
  }

  /// The first item of the focused ring, which Enter opens.
  public func firstItem(theme: String?) -> AgendaItem? {
    items.first { $0.theme.id == theme }?.items.first
  }
}
