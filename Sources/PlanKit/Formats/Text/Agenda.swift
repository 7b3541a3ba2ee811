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
    // Each line with one number that orders it: date and minute above, the
    // id's rank below (ids are ASCII by the format's rule, so their bytes
    // order them as `<` does, and each is ranked once; the big sort then
    // compares integers only).
    var keyed: [(order: Int, line: AgendaLine)] = []
    for (i, a) in activities.enumerated() where themes?.contains(a.theme) ?? true {
      let minute = a.time?.start.minutes ?? -1
      a.forEachOccurrence(in: range) { occ in
        keyed.append((occ.start.ordinal * 2048 + minute + 1, AgendaLine(start: occ.start, end: occ.end, ref: Int32(i))))
        each(i, occ)
      }
    }
    for (i, m) in milestones.enumerated() where (themes?.contains(m.theme) ?? true) && range.contains(m.date) {
      keyed.append((m.date.ordinal * 2048, AgendaLine(start: m.date, end: m.date, ref: Int32(-1 - i))))
    }
    let rank = idRanks()
    // An ordinal ×2048 needs 33 bits; 24 bits rank 16 million items.
    for k in keyed.indices {
      keyed[k].order = keyed[k].order << 24 | rank[rankSlot(keyed[k].line)]
    }
    keyed.sort { $0.order < $1.order }
    return keyed.map(\.line)
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

  private func rankSlot(_ l: AgendaLine) -> Int { l.isMilestone ? activities.count + l.milestone : l.activity }

  /// Each item's place among all ids in byte order (activities, then milestones).
  private func idRanks() -> [Int] {
    var ids = activities.map(\.id) + milestones.map(\.id)
    var byID = Array(0..<ids.count)
    ids.withUnsafeMutableBufferPointer { list in
      byID.sort { list[$0].utf8.lexicographicallyPrecedes(list[$1].utf8) }
    }
    var rank = [Int](repeating: 0, count: byID.count)
    for (k, slot) in byID.enumerated() { rank[slot] = k }
    return rank
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
