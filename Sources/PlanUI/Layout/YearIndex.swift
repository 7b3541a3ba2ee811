import PlanFormats
import PlanModel

/// What the views need of one planning year, worked out once per plan
/// version and year instead of on every frame: each activity's occurrences,
/// the agenda in date order, the Gantt rows per theme, the wheel's day
/// counts, and ids to indices. With it a frame costs what is on screen, not
/// what is in the plan.
public struct YearIndex: Sendable {
  struct Key: Sendable, Equatable {
    var version: Int
    var year: Int
    var startMonth: Int
    var activities: Int
    var milestones: Int
  }

  /// One line of the agenda (the model makes them, in their one order).
  public typealias Ref = AgendaLine

  var key: Key
  public let range: DayRange
  /// Every occurrence and milestone of the year, by date (then time, then id, as `arshjul agenda`).
  public private(set) var agenda: [Ref]
  /// The longest occurrence, in days: how far back an overlap query must look.
  var longest: Int
  /// Per theme: indices of its activities that show this year, by first date.
  public private(set) var rows: [String: [Int]]
  /// Per theme: how many (not cancelled) activities run on each day of the year.
  public private(set) var dayCounts: [String: [Int]]
  public private(set) var activityIndex: [String: Int]
  public let milestoneIndex: [String: Int]

  static func key(_ s: AppState) -> Key {
    Key(
      version: s.version, year: s.year, startMonth: s.plan.startMonth, activities: s.plan.activities.count,
      milestones: s.plan.milestones.count)
  }

  /// What of the plan it was made from an update must compare (not the
  /// activities: an edit says which it changed and what they were).
  var activityCount: Int
  var milestones: [Milestone]
  var themes: [Theme]

  init(_ s: AppState) {
    key = YearIndex.key(s)
    let plan = s.plan
    activityCount = plan.activities.count
    milestones = plan.milestones
    themes = plan.themes
    let year = plan.yearRange(s.year)
    range = year
    var firsts: [(day: Day, index: Int)] = []
    var counts = Array(repeating: Array(repeating: 0, count: year.dayCount), count: plan.themes.count)
    var longest = 0
    var activityIndex: [String: Int] = [:]
    activityIndex.reserveCapacity(plan.activities.count)
    for i in plan.activities.indices { activityIndex[plan.activities[i].id] = i }
    // The agenda, and on the way each activity's first day in the year, the
    // longest occurrence and the day counts of the wheel.
    // Each activity's theme by number, or -1 (a theme not in the plan), and
    // the ring it counts in (-1 also when cancelled). A plan has a handful of
    // themes: comparing ids beats hashing 20,000 of them.
    let themeIDs = plan.themes.map(\.id)
    var themeOf = [Int](repeating: -1, count: plan.activities.count)
    var countedIn = themeOf
    for i in plan.activities.indices {
      themeOf[i] = themeIDs.firstIndex(of: plan.activities[i].theme) ?? -1
      if plan.activities[i].status != .cancelled { countedIn[i] = themeOf[i] }
    }
    var lastSeen = -1
    let agenda = plan.agendaLines(in: year) { i, occ in
      if i != lastSeen {
        firsts.append((occ.start, i))
        lastSeen = i
      }
      longest = max(longest, occ.end - occ.start)
      if countedIn[i] >= 0 { YearIndex.count(occ, in: year, by: 1, into: &counts[countedIn[i]]) }
    }
    var milestoneIndex: [String: Int] = [:]
    for i in plan.milestones.indices { milestoneIndex[plan.milestones[i].id] = i }
    self.agenda = agenda
    self.longest = longest
    // Rows by first date, then title (as `<`), then place in the file.
    // By place, not through a lazy sequence: that copied each activity (a
    // retain of every text in it) to read one field.
    // Only the titles of activities in the year are compared: a project's
    // years opened as one hold two others' worth not worked on.
    var inYear = [Bool](repeating: false, count: plan.activities.count)
    for f in firsts { inYear[f.index] = true }
    let titles = TextOrder(count: plan.activities.count) { inYear[$0] ? plan.activities[$0].title : "" }
    firsts.sort { a, b in
      if a.day != b.day { return a.day < b.day }
      if let order = titles.quickOrder(a.index, b.index) { return order }
      let ta = plan.activities[a.index].title
      let tb = plan.activities[b.index].title
      if titles.same(ta, a.index, tb, b.index) { return a.index < b.index }
      return titles.precedes(ta, a.index, tb, b.index)
    }
    var byTheme = [[Int]](repeating: [], count: themeIDs.count)
    var rows: [String: [Int]] = [:]
    for f in firsts {
      if themeOf[f.index] >= 0 {
        byTheme[themeOf[f.index]].append(f.index)
      } else {
        rows[plan.activities[f.index].theme, default: []].append(f.index)
      }
    }
    for (n, id) in themeIDs.enumerated() where !byTheme[n].isEmpty { rows[id] = byTheme[n] }
    self.rows = rows
    dayCounts = Dictionary(uniqueKeysWithValues: plan.themes.enumerated().map { ($1.id, counts[$0]) })
    self.activityIndex = activityIndex
    self.milestoneIndex = milestoneIndex
  }

  /// The index after an edit of a few activities, updated in place instead
  /// of made anew (a 20,000-activity plan answers an edit at once); nil when
  /// the change is not of that kind.
  func updated(for s: AppState) -> YearIndex? {
    let new = s.plan
    guard key.year == s.year, key.startMonth == new.startMonth, activityCount == new.activities.count,
      milestones == new.milestones, themes == new.themes,
      let hint = s.lastChange, hint.from == key.version, hint.to == s.version
    else { return nil }
    // The edit said what it changed and what that was.
    let changed = hint.activities
    var index = self
    index.key = YearIndex.key(s)
    index.milestones = new.milestones
    guard !changed.isEmpty else { return index }
    let year = range
    let gone = Set(changed.map { Int32($0) })
    var added: [Ref] = []
    for (i, old) in zip(changed, hint.old) {
      let a = new.activities[i]
      // Out with the old occurrences …
      index.rows[old.theme]?.removeAll { $0 == i }
      if old.status != .cancelled {
        old.forEachOccurrence(in: year) { occ in
          YearIndex.count(occ, in: year, by: -1, into: &index.dayCounts[old.theme, default: []])
        }
      }
      if old.id != a.id {
        index.activityIndex[old.id] = nil
        index.activityIndex[a.id] = i
      }
      // … and in with the new, each where the full build would put it.
      var first: Day?
      a.forEachOccurrence(in: year) { occ in
        if first == nil { first = occ.start }
        added.append(Ref(start: occ.start, end: occ.end, ref: Int32(i)))
        index.longest = max(index.longest, occ.end - occ.start)
        if a.status != .cancelled {
          YearIndex.count(occ, in: year, by: 1, into: &index.dayCounts[a.theme, default: []])
        }
      }
      if let first {
        var row = index.rows[a.theme] ?? []
        let firstOf = { (j: Int) -> Day in
          var f: Day?
          new.activities[j].forEachOccurrence(in: year) { if f == nil { f = $0.start } }
          return f ?? year.to
        }
        var lo = 0
        var hi = row.count
        while lo < hi {
          let mid = (lo + hi) / 2
          let j = row[mid]
          let fj = firstOf(j)
          let before =
            fj != first ? fj < first : (new.activities[j].title != a.title ? new.activities[j].title < a.title : j < i)
          if before { lo = mid + 1 } else { hi = mid }
        }
        row.insert(i, at: lo)
        index.rows[a.theme] = row
      }
    }
    // One pass: the agenda without the old lines, merged with the new ones
    // in the full build's order (inserting one by one would move the whole
    // array for every occurrence of a weekly activity).
    let before = new.agendaPrecedes
    added.sort(by: before)
    var merged: [Ref] = []
    merged.reserveCapacity(agenda.count + added.count)
    var k = 0
    for x in agenda where x.isMilestone || !gone.contains(x.ref) {
      while k < added.count && before(added[k], x) {
        merged.append(added[k])
        k += 1
      }
      merged.append(x)
    }
    merged.append(contentsOf: added[k...])
    index.agenda = merged
    return index
  }

  /// Adds `delta` to the day counts of the days an occurrence covers in the year.
  static func count(_ occ: Occurrence, in year: DayRange, by delta: Int, into counts: inout [Int]) {
    let from = max(0, occ.start - year.from)
    let to = min(year.dayCount - 1, occ.end - year.from)
    guard from <= to, to < counts.count else { return }
    for d in from...to { counts[d] += delta }
  }

  /// The agenda lines that overlap `r`.
  public func overlapping(_ r: DayRange) -> ArraySlice<Ref> {
    let lower = r.from - longest
    var lo = 0
    var hi = agenda.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if agenda[mid].start < lower { lo = mid + 1 } else { hi = mid }
    }
    var end = lo
    while end < agenda.count && agenda[end].start <= r.to { end += 1 }
    return agenda[lo..<end]
  }

  /// The agenda line as an item the views can show.
  public func item(_ r: Ref, in plan: Plan) -> AgendaItem {
    if r.isMilestone {
      return AgendaItem(start: r.start, end: r.end, kind: .milestone(plan.milestones[r.milestone]))
    }
    return AgendaItem(start: r.start, end: r.end, kind: .activity(plan.activities[r.activity]))
  }
}
