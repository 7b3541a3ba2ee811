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
    for l in agendaLines(in: range, themes: themes) {
      let kind: AgendaItem.Kind =
        l.isMilestone ? .milestone(milestones[l.milestone]) : .activity(activities[l.activity])
      try body(AgendaItem(start: l.start, end: l.end, kind: kind))
    }
  }

  /// The agenda's lines in its order: date, then clock time (all-day
  /// first), then id. The one place that order is made (`arshjul agenda`,
  /// the web page and the terminal UI all use it); `each` sees every
  /// occurrence as it is found, for what else a caller counts on the way.
  public func agendaLines(
    in range: DayRange, themes: Set<String>? = nil, each: (Int, Occurrence) -> Void = { _, _ in }
  ) -> [AgendaLine] {
    // Each line is one number that orders it: date and minute above, the
    // id's rank below (ids are ASCII by the format's rule, so their bytes
    // order them as `<` does, and each is ranked once). Only the numbers are
    // sorted, and each line is read back from its number: the rank names
    // the item, and an occurrence lasts as long as its activity.
    let (rank, byRank) = idRanks()
    var keys: [Int] = []
    keys.reserveCapacity(activities.count + milestones.count)
    // Fields read in place: `enumerated()` copied each activity.
    for i in activities.indices where themes?.contains(activities[i].theme) ?? true {
      let minute = activities[i].time?.start.minutes ?? -1
      let r = rank[i]
      activities[i].forEachOccurrence(in: range) { occ in
        // An ordinal ×2048 needs 33 bits; 24 bits rank 16 million items.
        keys.append((occ.start.ordinal * 2048 + minute + 1) << 24 | r)
        each(i, occ)
      }
    }
    for (i, m) in milestones.enumerated() where (themes?.contains(m.theme) ?? true) && range.contains(m.date) {
      keys.append((m.date.ordinal * 2048) << 24 | rank[activities.count + i])
    }
    keys.sort()
    return keys.map { key in
      let slot = byRank[key & 0xFF_FFFF]
      let start = Day(ordinal: key >> 35)
      guard slot < activities.count else {
        return AgendaLine(start: start, end: start, ref: Int32(-1 - (slot - activities.count)))
      }
      return AgendaLine(start: start, end: start + activities[slot].spanDays, ref: Int32(slot))
    }
  }

  /// `a` comes before `b` in the agenda (for lines added to a sorted list).
  public func agendaPrecedes(_ a: AgendaLine, _ b: AgendaLine) -> Bool {
    if a.start != b.start { return a.start < b.start }
    let (ma, mb) = (minute(a), minute(b))
    if ma != mb { return ma < mb }
    return id(a).utf8.lexicographicallyPrecedes(id(b).utf8)
  }

  private func minute(_ l: AgendaLine) -> Int {
    l.isMilestone ? -1 : (activities[l.activity].time?.start.minutes ?? -1)
  }

  private func id(_ l: AgendaLine) -> String { l.isMilestone ? milestones[l.milestone].id : activities[l.activity].id }

  /// Each item's place among all ids in byte order (items numbered
  /// activities first, then milestones), and the item at each place.
  private func idRanks() -> (rank: [Int], byRank: [Int]) {
    var ids = activities.map(\.id) + milestones.map(\.id)
    var byID = Array(0..<ids.count)
    ids.withUnsafeMutableBufferPointer { list in
      byID.sort { list[$0].utf8.lexicographicallyPrecedes(list[$1].utf8) }
    }
    var rank = [Int](repeating: 0, count: byID.count)
    for (k, slot) in byID.enumerated() { rank[slot] = k }
    return (rank, byID)
  }
}

/// One line of the agenda: an occurrence of an activity, or a milestone.
public struct AgendaLine: Sendable, Equatable {
  public var start: Day
  public var end: Day
  /// ≥ 0: an activity's index; < 0: milestone -1 - ref.
  public var ref: Int32
  public var isMilestone: Bool { ref < 0 }
  public var activity: Int { Int(ref) }
  public var milestone: Int { Int(-1 - ref) }

  public init(start: Day, end: Day, ref: Int32) {
    self.start = start
    self.end = end
    self.ref = ref
  }
}
