/// Every occurrence in a range, in date order: what the list view shows and
/// what `arshjul agenda` prints.
public struct AgendaItem: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case activity(Activity)
    case milestone(Milestone)
  }
  public var start: Day
  public var end: Day
  public var kind: Kind

  public init(start: Day, end: Day, kind: Kind) {
    self.start = start
    self.end = end
    self.kind = kind
  }

  public var id: String {
    switch kind {
    case .activity(let a): a.id
    case .milestone(let m): m.id
    }
  }
  public var title: String {
    switch kind {
    case .activity(let a): a.title
    case .milestone(let m): m.title
    }
  }
  public var theme: String {
    switch kind {
    case .activity(let a): a.theme
    case .milestone(let m): m.theme
    }
  }
  public var time: ClockSpan? {
    if case .activity(let a) = kind { return a.time }
    return nil
  }
}

extension Plan {
  public func agenda(in range: DayRange, themes: Set<String>? = nil) -> [AgendaItem] {
    var items: [AgendaItem] = []
    for a in activities where themes?.contains(a.theme) ?? true {
      a.forEachOccurrence(in: range) { items.append(AgendaItem(start: $0.start, end: $0.end, kind: .activity(a))) }
    }
    for m in milestones where (themes?.contains(m.theme) ?? true) && range.contains(m.date) {
      items.append(AgendaItem(start: m.date, end: m.date, kind: .milestone(m)))
    }
    // Sorted by small keys, not by moving the items (each holds a whole
    // activity): a year of a big plan has 60,000 occurrences.
    let keys = items.map { ($0.start, $0.time?.start.minutes ?? -1, $0.id) }
    let order = items.indices.sorted { (keys[$0].0, keys[$0].1, keys[$0].2) < (keys[$1].0, keys[$1].1, keys[$1].2) }
    return order.map { items[$0] }
  }
}
