import PlanKit

/// The list view's rows: every occurrence of the planning year, filtered by
/// the visible themes and the search.
public struct ListLayout: Sendable {
  struct Key: Sendable, Equatable {
    var index: YearIndex.Key
    var hidden: Set<String>
    var search: String
  }

  let key: Key
  public let items: [YearIndex.Ref]
  let index: YearIndex
  let plan: Plan

  static func key(_ s: AppState) -> Key { Key(index: YearIndex.key(s), hidden: s.hiddenThemes, search: s.search) }

  /// The list for a state: the one `normalize` keeps when it is current.
  public static func of(_ s: AppState) -> ListLayout {
    if let l = s.listStorage, l.key == key(s) { return l }
    return ListLayout(s)
  }

  public init(_ s: AppState) {
    key = ListLayout.key(s)
    index = s.index
    plan = s.plan
    let hidden = s.hiddenThemes
    let search = s.searchMatches
    let plan = s.plan
    items = index.agenda.filter { r in
      let theme = r.isMilestone ? plan.milestones[r.milestone].theme : plan.activities[r.activity].theme
      return !hidden.contains(theme) && search.matches(r)
    }
  }

  public func id(_ r: YearIndex.Ref) -> String {
    r.isMilestone ? plan.milestones[r.milestone].id : plan.activities[r.activity].id
  }

  public func item(_ i: Int) -> AgendaItem { index.item(items[i], in: plan) }

  /// The row of the selection: the focused item's occurrence at or after
  /// the cursor, else the first row on or after the cursor.
  public func selectedRow(_ s: AppState) -> Int? {
    if items.isEmpty { return nil }
    if let id = s.focusID {
      let ref: Int32? = index.activityIndex[id].map { Int32($0) } ?? index.milestoneIndex[id].map { Int32(-1 - $0) }
      if let ref {
        let mine = items.indices.filter { items[$0].ref == ref }
        if let i = mine.first(where: { items[$0].end >= s.cursor }) ?? mine.last { return i }
      }
    }
    return firstRow(onOrAfter: s.cursor)
  }

  /// Binary search: the first row starting on or after `day` (the last row if none).
  public func firstRow(onOrAfter day: Day) -> Int {
    var lo = 0
    var hi = items.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if items[mid].start < day { lo = mid + 1 } else { hi = mid }
    }
    return min(lo, items.count - 1)
  }
}
