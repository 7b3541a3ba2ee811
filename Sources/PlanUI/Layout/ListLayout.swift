import PlanFormats
import PlanModel

/// One row of the list: an occurrence of the plan's, or of a layer's event
/// (read-only, marked ▒).
public enum ListRow: Sendable, Equatable {
  case item(YearIndex.Ref)
  /// Layer `layer`'s event `event`, one occurrence.
  case layer(layer: Int, event: Int, start: Day, end: Day)

  public var start: Day {
    switch self {
    case .item(let r): r.start
    case .layer(_, _, let start, _): start
    }
  }
  public var end: Day {
    switch self {
    case .item(let r): r.end
    case .layer(_, _, _, let end): end
    }
  }
}

/// The list view's rows: every occurrence of the planning year, filtered by
/// the visible themes and the search, with the shown layers' events among
/// them in date order.
public struct ListLayout: Sendable {
  struct Key: Sendable, Equatable {
    var index: YearIndex.Key
    var hidden: Set<String>
    var search: String
    var layersVersion: Int
    var layersShown: Bool
  }

  let key: Key
  public let items: [ListRow]
  let index: YearIndex
  let plan: Plan

  static func key(_ s: AppState) -> Key {
    Key(
      index: YearIndex.key(s), hidden: s.hiddenThemes, search: s.search, layersVersion: s.layersVersion,
      layersShown: s.layersShown)
  }

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
    let own = index.agenda.filter { r in
      let theme = r.isMilestone ? plan.milestones[r.milestone].theme : plan.activities[r.activity].theme
      return !hidden.contains(theme) && search.matches(r)
    }
    // The layers' occurrences, in the plan's agenda order (date, all-day
    // first, then by time), each after the plan's rows of its day and time.
    var layered: [(row: ListRow, minute: Int)] = []
    for (li, layer) in s.shownLayers.enumerated() {
      for (ei, e) in layer.events.enumerated() where e.status != .cancelled && s.matches(e.title, e.location) {
        e.forEachOccurrence(in: s.yearRange) { o in
          layered.append((.layer(layer: li, event: ei, start: o.start, end: o.end), e.time?.start.minutes ?? -1))
        }
      }
    }
    guard !layered.isEmpty else {
      items = own.map(ListRow.item)
      return
    }
    layered.sort { ($0.row.start, $0.minute) < ($1.row.start, $1.minute) }
    func minute(_ r: YearIndex.Ref) -> Int {
      r.isMilestone ? -1 : (plan.activities[r.activity].time?.start.minutes ?? -1)
    }
    var rows: [ListRow] = []
    rows.reserveCapacity(own.count + layered.count)
    var next = 0
    for r in own {
      while next < layered.count && (layered[next].row.start, layered[next].minute) < (r.start, minute(r)) {
        rows.append(layered[next].row)
        next += 1
      }
      rows.append(.item(r))
    }
    rows += layered[next...].map(\.row)
    items = rows
  }

  /// The focus a row stands for: a plan item's id, or a layer event's
  /// mark (`LayerFocus`), which no plan id can be.
  public func id(_ row: ListRow) -> String {
    switch row {
    case .item(let r): r.isMilestone ? plan.milestones[r.milestone].id : plan.activities[r.activity].id
    case .layer(let l, let e, let start, _): LayerFocus(layer: l, event: e, day: start).id
    }
  }

  public func item(_ r: YearIndex.Ref) -> AgendaItem { index.item(r, in: plan) }

  /// Row `i` as the plan's agenda item; nil for a layer's event.
  public func item(_ i: Int) -> AgendaItem? {
    if case .item(let r) = items[i] { return item(r) }
    return nil
  }

  /// The row of the selection: the focused item's occurrence at or after
  /// the cursor, else the first row on or after the cursor.
  public func selectedRow(_ s: AppState) -> Int? {
    if items.isEmpty { return nil }
    if let id = s.focusID {
      if let f = LayerFocus(id) {
        if let i = items.firstIndex(of: .layer(layer: f.layer, event: f.event, start: f.day, end: f.day))
          ?? items.firstIndex(where: {
            if case .layer(f.layer, f.event, f.day, _) = $0 { true } else { false }
          })
        {
          return i
        }
      } else {
        let ref: Int32? = index.activityIndex[id].map { Int32($0) } ?? index.milestoneIndex[id].map { Int32(-1 - $0) }
        if let ref {
          let mine = items.indices.filter { if case .item(let r) = items[$0] { r.ref == ref } else { false } }
          if let i = mine.first(where: { items[$0].end >= s.cursor }) ?? mine.last { return i }
        }
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

/// A layer's event selected in the list, as the focus id carries it:
/// "▒2#17@2022-10-31" (layer 2, its event 17, the occurrence's first day).
public struct LayerFocus: Sendable, Equatable {
  public var layer: Int
  public var event: Int
  public var day: Day

  public var id: String { "▒\(layer)#\(event)@\(day.iso)" }

  public init(layer: Int, event: Int, day: Day) {
    self.layer = layer
    self.event = event
    self.day = day
  }

  public init?(_ id: String) {
    guard id.hasPrefix("▒"), let hash = id.firstIndex(of: "#"), let at = id.firstIndex(of: "@"),
      let l = Int(id[id.index(after: id.startIndex)..<hash]), let e = Int(id[id.index(after: hash)..<at]),
      let d = Day(iso: String(id[id.index(after: at)...]))
    else { return nil }
    (layer, event, day) = (l, e, d)
  }
}
