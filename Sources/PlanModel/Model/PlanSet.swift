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
    // Where an id is taken, the earlier item keeps it. Each plan's items
    // are appended whole, then renamed and re-themed in place: copying an
    // activity retains every text in it, which was most of the time
    // making three 20,000-activity plans one.
    func adopt<Item: PlanItem>(_ items: inout [Item], _ more: [Item], from i: Int) {
      let sameThemes = themeIn[i].allSatisfy { $0.key == $0.value }
      let base = items.count
      items.append(contentsOf: more)
      for k in base..<items.count {
        let id = items[k].id
        if let earlier = origin.updateValue(Origin(plan: i, id: id), forKey: id) {
          origin[id] = earlier
          let renamed = Identifier.unique(id) { origin[$0] != nil }
          origin[renamed] = Origin(plan: i, id: id)
          items[k].id = renamed
        }
        if !sameThemes { items[k].theme = themeIn[i][items[k].theme] ?? items[k].theme }
      }
    }
    for (i, p) in plans.enumerated() {
      adopt(&activities, p.activities, from: i)
      adopt(&milestones, p.milestones, from: i)
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
    // The items that came from a plan first (their ids are taken there),
    // then the new ones, each under an id free in its plan.
    var takenIn: [Set<String>] = members.map { _ in [] }
    func keep<Item: PlanItem>(_ items: [Item], _ list: WritableKeyPath<Plan, [Item]>, day: (Item) -> Day)
      -> [(plan: Int, item: Item)]
    {
      var added: [(plan: Int, item: Item)] = []
      for var x in items {
        guard let o = origin[x.id] else {
          added.append((home(day(x)), x))
          continue
        }
        x.id = o.id
        x.theme = theme(x.theme, in: o.plan)
        out[o.plan][keyPath: list].append(x)
        takenIn[o.plan].insert(o.id)
      }
      return added
    }
    func add<Item: PlanItem>(_ added: [(plan: Int, item: Item)], _ list: WritableKeyPath<Plan, [Item]>) {
      for (i, var x) in added {
        x.id = Identifier.unique(x.id, taken: takenIn[i])
        x.theme = theme(x.theme, in: i)
        takenIn[i].insert(x.id)
        out[i][keyPath: list].append(x)
      }
    }
    let newActivities = keep(edited.activities, \.activities) { $0.start }
    let newMilestones = keep(edited.milestones, \.milestones) { $0.date }
    add(newActivities, \.activities)
    add(newMilestones, \.milestones)
    return out
  }

  /// Every day of the plans' years, the first to the last.
  public var span: DayRange {
    years.dropFirst().reduce(years[0]) { DayRange(from: min($0.from, $1.from), to: max($0.to, $1.to)) }
  }

  func distance(_ r: DayRange, _ d: Day) -> Int { d < r.from ? r.from - d : (d > r.to ? d - r.to : 0) }
}

/// What a `PlanSet` moves between plans: an item with an id and a theme.
protocol PlanItem {
  var id: String { get set }
  var theme: String { get set }
}

extension Activity: PlanItem {}
extension Milestone: PlanItem {}
