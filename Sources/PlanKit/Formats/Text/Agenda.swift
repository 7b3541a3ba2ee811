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
    forEachAgendaItem(in: range, themes: themes) { items.append($0) }
    return items
  }

  /// Each occurrence and milestone in the range in agenda order (date,
  /// clock time with all-day first, id), made one at a time: a year of a big
  /// plan has 60,000 lines, and holding them all would hold a copy of an
  /// activity for each.
  public func forEachAgendaItem(
    in range: DayRange, themes: Set<String>? = nil, _ body: (AgendaItem) throws -> Void
  ) rethrows {
    struct Line {
      var start: Day
      var end: Day
      var minute: Int
      /// ≥ 0: an activity's index; < 0: milestone -1 - ref.
      var ref: Int
    }
    var lines: [Line] = []
    for (i, a) in activities.enumerated() where themes?.contains(a.theme) ?? true {
      let minute = a.time?.start.minutes ?? -1
      a.forEachOccurrence(in: range) { lines.append(Line(start: $0.start, end: $0.end, minute: minute, ref: i)) }
    }
    for (i, m) in milestones.enumerated() where (themes?.contains(m.theme) ?? true) && range.contains(m.date) {
      lines.append(Line(start: m.date, end: m.date, minute: -1, ref: -1 - i))
    }
    let id = { (ref: Int) -> String in ref >= 0 ? activities[ref].id : milestones[-1 - ref].id }
    lines.sort { a, b in
      if a.start != b.start { return a.start < b.start }
      if a.minute != b.minute { return a.minute < b.minute }
      return id(a.ref) < id(b.ref)
    }
    for l in lines {
      let kind: AgendaItem.Kind = l.ref >= 0 ? .activity(activities[l.ref]) : .milestone(milestones[-1 - l.ref])
      try body(AgendaItem(start: l.start, end: l.end, kind: kind))
    }
  }
}
