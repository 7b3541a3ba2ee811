/// Several plans looked at and edited as one (issue 29): a project's yearly
/// plans (2021, 2022, 2023) or two projects of one unit. `combined` is one
/// plan the views and `update` work on as they always do; `split` puts what
/// it has become back into the plans, each item into the plan it came from
/// with its own id, so each file is saved, locked and journalled on its own.
/// Pure: the files are the caller's.
public struct PlanSet: Sendable {
  /// The plans as they were given (read from their files).
  public let members: [Plan]
  public let combined: Plan

  /// Where an item of `combined` comes from: its plan and its id there.
  struct Origin: Sendable, Equatable {
    var plan: Int
    var id: String
  }
  /// By the combined plan's item id (activities and milestones share ids).
  let origin: [String: Origin]
  /// Per plan, its theme ids → the combined plan's.
  let themeIn: [[String: String]]
  /// The planning year of each plan, for items added in the combined plan.
  let years: [DayRange]

  /// Why these plans cannot be opened together, or nil.
  public static func problem(_ plans: [Plan]) -> String? {
    if let p = plans.first(where: { !$0.conflicts.isEmpty }) {
      return "\(quoted(p.title)) has merge conflicts; open it alone and resolve them first"
    }
    if let first = plans.first, let other = plans.first(where: { $0.timeZone != first.timeZone }) {
      return "\(quoted(other.title)) is in \(other.timeZone), \(quoted(first.title)) in \(first.timeZone)"
    }
    return nil
  }

  public init(_ plans: [Plan], today: Day) {
    members = plans
    var combined = plans[0]
    let years = plans.map { $0.yearRange($0.planningYear(today: today)) }
    self.years = years
    // Themes: plans of different years share a theme of the same id and
    // name (a project's years); plans of the same year keep theirs apart,
    // named after their plan (two projects side by side).
    var themes: [Theme] = []
    var themeIn: [[String: String]] = []
    for (i, p) in plans.enumerated() {
      var map: [String: String] = [:]
      let sameYearAsEarlier = (0..<i).contains { years[$0] == years[i] }
      for t in p.themes {
        if !sameYearAsEarlier, let same = themes.first(where: { $0.id == t.id && $0.name == t.name }) {
          map[t.id] = same.id
          continue
        }
        var own = t
        own.id = Identifier.unique(t.id, taken: Set(themes.map(\.id)))
        if sameYearAsEarlier { own.name = p.title + ": " + t.name }
        themes.append(own)
        map[t.id] = own.id
      }
      themeIn.append(map)
    }
    // Items: their own ids where they are free, else made unique. One
    // table of origins is also the set of ids taken (a hash per item, not
    // two: three 20,000-activity plans are 60,000 of them).
    let count = plans.reduce(0) { $0 + $1.activities.count + $1.milestones.count }
    var origin: [String: Origin] = [:]
    origin.reserveCapacity(count)
    var activities: [Activity] = []
    var milestones: [Milestone] = []
    activities.reserveCapacity(plans.reduce(0) { $0 + $1.activities.count })
    milestones.reserveCapacity(plans.reduce(0) { $0 + $1.milestones.count })
    func place(_ id: String, _ i: Int) -> String? {
      guard let earlier = origin.updateValue(Origin(plan: i, id: id), forKey: id) else { return nil }
      // Taken: the earlier item keeps it, this one gets a free id.
      origin[id] = earlier
      var n = 2
      while origin["\(id)-\(n)"] != nil { n += 1 }
      return "\(id)-\(n)"
    }
    // Each plan's items appended whole, then renamed and re-themed in
    // place: copying an activity retains every text in it, which was most
    // of the time making three 20,000-activity plans one.
    for (i, p) in plans.enumerated() {
      let sameThemes = themeIn[i].allSatisfy { $0.key == $0.value }
      var base = activities.count
      activities.append(contentsOf: p.activities)
      for k in base..<activities.count {
        if let renamed = place(activities[k].id, i) {
          origin[renamed] = Origin(plan: i, id: activities[k].id)
          activities[k].id = renamed
        }
        if !sameThemes { activities[k].theme = themeIn[i][activities[k].theme] ?? activities[k].theme }
      }
      base = milestones.count
      milestones.append(contentsOf: p.milestones)
      for k in base..<milestones.count {
        if let renamed = place(milestones[k].id, i) {
          origin[renamed] = Origin(plan: i, id: milestones[k].id)
          milestones[k].id = renamed
        }
        if !sameThemes { milestones[k].theme = themeIn[i][milestones[k].theme] ?? milestones[k].theme }
      }
    }
    combined.themes = themes
    combined.activities = activities
    combined.milestones = milestones
    combined.title = plans.map(\.title).joined(separator: " + ")
    combined.breaks = PlanSet.union(plans.map(\.breaks)) { $0.start <= $1.end && $1.start <= $0.end }
    combined.layers = PlanSet.union(plans.map(\.layers)) { $0.id == $1.id }
    combined.calendarURL = nil
    combined.conflicts = []
    // It opens at the year that holds today, else at the first plan's.
    combined.year = plans.indices.first { years[$0].contains(today) }.map { years[$0].from.year } ?? years[0].from.year
    self.combined = combined
    self.origin = origin
    self.themeIn = themeIn
  }

  /// Each list's items in order, leaving out one that clashes with an earlier.
  static func union<T>(_ lists: [[T]], clash: (T, T) -> Bool) -> [T] {
    var out: [T] = []
    for list in lists { for x in list where !out.contains(where: { clash($0, x) }) { out.append(x) } }
    return out
  }

  /// The plans as `edited` (the combined plan after edits) has them: each
  /// item back in its own plan under its own id and theme; an item made in
  /// the combined plan goes to the plan whose year holds its start (else the
  /// nearest). Everything else of each plan stays as it was.
  public func split(_ edited: Plan) -> [Plan] {
    var out = members.map { p -> Plan in
      var p = p
      p.activities = []
      p.milestones = []
      return p
    }
    let themeBack: [[String: String]] = themeIn.map { map in
      Dictionary(map.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
    }
    func home(_ day: Day) -> Int {
      if let i = years.firstIndex(where: { $0.contains(day) }) { return i }
      return years.indices.min { distance(years[$0], day) < distance(years[$1], day) } ?? 0
    }
    func theme(_ id: String, in i: Int) -> String {
      if let own = themeBack[i][id] { return own }
      // A theme of another plan: taken along, so the item stays valid.
      if !out[i].themes.contains(where: { $0.id == id }), let t = edited.theme(id) { out[i].themes.append(t) }
      return id
    }
    var takenIn: [Set<String>] = members.map { _ in [] }
    var added: [(plan: Int, activity: Activity?, milestone: Milestone?)] = []
    for a in edited.activities {
      guard let o = origin[a.id] else {
        added.append((home(a.start), a, nil))
        continue
      }
      var back = a
      back.id = o.id
      back.theme = theme(a.theme, in: o.plan)
      out[o.plan].activities.append(back)
      takenIn[o.plan].insert(o.id)
    }
    for m in edited.milestones {
      guard let o = origin[m.id] else {
        added.append((home(m.date), nil, m))
        continue
      }
      var back = m
      back.id = o.id
      back.theme = theme(m.theme, in: o.plan)
      out[o.plan].milestones.append(back)
      takenIn[o.plan].insert(o.id)
    }
    for (i, a, m) in added {
      if var a {
        a.id = Identifier.unique(a.id, taken: takenIn[i])
        a.theme = theme(a.theme, in: i)
        takenIn[i].insert(a.id)
        out[i].activities.append(a)
      } else if var m {
        m.id = Identifier.unique(m.id, taken: takenIn[i])
        m.theme = theme(m.theme, in: i)
        takenIn[i].insert(m.id)
        out[i].milestones.append(m)
      }
    }
    return out
  }

  /// Every day of the plans' years, the first to the last.
  public var span: DayRange {
    DayRange(
      from: years.map(\.from).min() ?? combined.yearRange(combined.year ?? 2000).from,
      to: years.map(\.to).max() ?? combined.yearRange(combined.year ?? 2000).to)
  }

  func distance(_ r: DayRange, _ d: Day) -> Int { d < r.from ? r.from - d : (d > r.to ? d - r.to : 0) }
}
