import PlanKit

/// The list view's rows: every occurrence of the planning year, filtered by
/// the visible themes and the search.
public struct ListLayout: Sendable {
  public let items: [AgendaItem]

  public init(_ s: AppState) {
    let visible = Set(s.visibleThemes.map(\.id))
    items = s.plan.agenda(in: s.yearRange, themes: visible).filter { item in
      switch item.kind {
      case .activity(let a): s.matches(a.title, a.owner, a.location, a.notes)
      case .milestone(let m): s.matches(m.title, m.notes)
      }
    }
  }

  /// The row of the selection: the focused item's occurrence at or after
  /// the cursor, else the first row on or after the cursor.
  public func selectedRow(_ s: AppState) -> Int? {
    if items.isEmpty { return nil }
    if let id = s.focusID {
      let mine = items.indices.filter { items[$0].id == id }
      if let i = mine.first(where: { items[$0].end >= s.cursor }) ?? mine.last { return i }
    }
    return items.firstIndex { $0.start >= s.cursor } ?? items.count - 1
  }
}
