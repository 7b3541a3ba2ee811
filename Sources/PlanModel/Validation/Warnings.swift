/// What is worth a second look before the invitations go out, though the
/// plan is valid: an activity on a public holiday, an eve or in one of the
/// plan's breaks (unless it says it is meant to be, `holidayOK`); two timed
/// activities of one person at the same time; an activity still running
/// past a deadline milestone of its theme.
public struct PlanWarning: Sendable, Equatable {
  public var kind: Conflict.Kind
  public var id: String
  /// What is wrong, as data; `message` words it (WarningWords).
  public var reason: Reason
  /// The language of its words: the plan's.
  public var language: Language
  /// The other items it is about (the other booking of a person, the
  /// deadline run past), by id: a warning is found for an item by these,
  /// never by its title in the words.
  public var others: [String]

  public enum Reason: Sendable, Equatable {
    /// A milestone on a public holiday (its name as the law has it).
    case milestoneOnHoliday(title: String, holiday: String, day: Day)
    /// An activity on public holidays, in the order met.
    case onHolidays(title: String, days: [NamedDays])
    /// An activity in the plan's breaks (the days it falls in each).
    case inBreaks(title: String, breaks: [NamedDays])
    /// A person at two timed activities at once, `more` times again after the first.
    case bookedTwice(person: String, first: String, second: String, day: Day, more: Int)
    /// An activity still running on a deadline of its theme.
    case pastDeadline(title: String, from: Day, to: Day, deadline: String, day: Day)
    /// An activity on a busy layer's event, `more` times again after the first.
    case layerClash(title: String, day: Day, event: String, layer: String, more: Int)
  }

  /// A holiday's or break's name with the days concerned (one day for a
  /// holiday). A holiday's name is the law's (Swedish), worded by `WarningWords`.
  public struct NamedDays: Sendable, Equatable {
    public var name: String
    public var from: Day
    public var to: Day
  }

  public init(kind: Conflict.Kind, id: String, others: [String] = [], reason: Reason, language: Language) {
    self.kind = kind
    self.id = id
    self.reason = reason
    self.language = language
    self.others = others
  }
}

public enum PlanWarnings {
  /// The days looked at: the plan's planning year.
  public static func find(_ plan: Plan, in range: DayRange) -> [PlanWarning] {
    let calendar = PlanCalendar(plan)
    var out: [PlanWarning] = []
    // The range's holidays and eves by day, looked up once: a big plan asks
    // for every occurrence (a list by day of the range, not a dictionary to hash into).
    var holidayNames: [String?] = Array(repeating: nil, count: max(0, range.to - range.from + 1))
    var d = range.from
    while d <= range.to {
      if let h = calendar.holiday(d) { holidayNames[d - range.from] = h.name }
      d = d + 1
    }
    // Holidays, eves and breaks: each activity on its own, so in parts.
    let names = holidayNames
    out += InParts.map(count: plan.activities.count, threshold: 4000) { part in
      offDayWarnings(plan.activities[part], plan: plan, range: range, holidays: names)
    }.flatMap { $0 }
    for m in plan.milestones where range.contains(m.date) {
      if let h = calendar.holiday(m.date) {
        out.append(
          PlanWarning(
            kind: .milestone, id: m.id,
            reason: .milestoneOnHoliday(title: m.title, holiday: h.name, day: m.date),
            language: plan.language))
      }
    }
    // One person at two timed activities at once.
    struct Slot {
      var person: Int
      var day: Day
      var start: Int
      var end: Int
      var index: Int
      /// Person, day of the range, start minute and index in one number:
      /// the order the sweep needs (ties by index, as they were appended).
      var order: UInt64
    }
    var slots: [Slot] = []
    var personIDs: [String: Int] = [:]
    var personNames: [String] = []
    // A team has a few owner texts repeated over thousands of activities: each is split once.
    var peopleOf: [String: [Int]] = [:]
    var packed = true
    for i in plan.activities.indices where plan.activities[i].status != .cancelled {
      guard let t = plan.activities[i].time, let owner = plan.activities[i].owner else { continue }
      let people: [Int]
      if let known = peopleOf[owner] {
        people = known
      } else {
        people = owners(owner).map { name -> Int in
          if let id = personIDs[name] { return id }
          personIDs[name] = personNames.count
          personNames.append(name)
          return personNames.count - 1
        }
        peopleOf[owner] = people
      }
      plan.activities[i].forEachOccurrence(in: range) { occ in
        // 24 bits of index, 11 of minute, 20 of day, the rest for the person.
        let day = occ.start - range.from + 0x8_0000
        if day < 0 || day > 0xF_FFFF { packed = false }
        let low = UInt64(max(0, min(day, 0xF_FFFF))) << 35 | UInt64(t.start.minutes) << 24 | UInt64(i)
        for p in people {
          slots.append(
            Slot(
              person: p, day: occ.start, start: t.start.minutes, end: t.end.minutes, index: i,
              order: UInt64(p) << 55 | low))
        }
      }
    }
    // Sorted by one number when it holds them all, by the fields otherwise.
    if packed && plan.activities.count < 1 << 24 && personNames.count < 1 << 9 {
      slots.sort { $0.order < $1.order }
    } else {
      slots.sort { ($0.person, $0.day, $0.start, $0.index) < ($1.person, $1.day, $1.start, $1.index) }
    }
    // One sweep per person and day: a slot that starts before the latest
    // end so far clashes with that slot. Each activity is told once (its
    // first clash, and how many more), so a big plan costs n log n.
    var clash: [Int: (other: Int, first: Day, count: Int, person: Int)] = [:]
    var order: [Int] = []
    var latest: Slot?
    for s in slots {
      if let l = latest, l.person == s.person, l.day == s.day, s.start < l.end, l.index != s.index {
        if clash[s.index] == nil {
          clash[s.index] = (l.index, s.day, 0, s.person)
          order.append(s.index)
        }
        clash[s.index]!.count += 1
      }
      if let l = latest, l.person == s.person, l.day == s.day, l.end >= s.end { continue }
      latest = s
    }
    for index in order {
      let r = clash[index]!
      let a = plan.activities[min(r.other, index)]
      let b = plan.activities[max(r.other, index)]
      out.append(
        PlanWarning(
          kind: .activity, id: plan.activities[index].id, others: [plan.activities[r.other].id],
          reason: .bookedTwice(
            person: personNames[r.person], first: a.title, second: b.title, day: r.first, more: r.count - 1),
          language: plan.language))
    }
    // Deadlines.
    for m in plan.milestones where m.deadline {
      for a in plan.activities where a.theme == m.theme && a.status != .cancelled {
        var past: Occurrence?
        a.forEachOccurrence(in: DayRange(from: m.date - 400, to: m.date)) { occ in
          if occ.start <= m.date && occ.end > m.date { past = occ }
        }
        if let occ = past {
          out.append(
            PlanWarning(
              kind: .activity, id: a.id, others: [m.id],
              reason: .pastDeadline(title: a.title, from: occ.start, to: occ.end, deadline: m.title, day: m.date),
              language: plan.language))
        }
      }
    }
    return out
  }

  /// The holiday and break warnings of these activities.
  static func offDayWarnings(
    _ activities: ArraySlice<Activity>, plan: Plan, range: DayRange, holidays holidayNames: [String?]
  ) -> [PlanWarning] {
    var out: [PlanWarning] = []
    // Each activity's fields read where it is: `for a in` copied every
    // activity (a retain and a release of each of its texts).
    for k in activities.indices where !activities[k].holidayOK && activities[k].status != .cancelled {
      var hits: [PlanWarning.NamedDays] = []
      var breaks: [PlanWarning.NamedDays] = []
      func look(_ day: Day) {
        let i = day - range.from
        if i >= 0 && i < holidayNames.count, let name = holidayNames[i] {
          let hit = PlanWarning.NamedDays(name: name, from: day, to: day)
          if !hits.contains(hit) { hits.append(hit) }
        }
      }
      activities[k].forEachOccurrence(in: range) { occ in
        // Its first and last day (no list made for each of a year's occurrences).
        look(occ.start)
        if occ.end != occ.start { look(occ.end) }
        if !plan.breaks.isEmpty, let b = plan.breaks.first(where: { $0.start <= occ.end && occ.start <= $0.end }) {
          let hit = PlanWarning.NamedDays(name: b.name, from: max(occ.start, b.start), to: min(occ.end, b.end))
          if !breaks.contains(hit) { breaks.append(hit) }
        }
      }
      if !hits.isEmpty {
        out.append(
          PlanWarning(
            kind: .activity, id: activities[k].id, reason: .onHolidays(title: activities[k].title, days: hits),
            language: plan.language))
      }
      if !breaks.isEmpty {
        out.append(
          PlanWarning(
            kind: .activity, id: activities[k].id, reason: .inBreaks(title: activities[k].title, breaks: breaks),
            language: plan.language))
      }
    }
    return out
  }

  /// The warnings of some activities only, worked out on them and the items
  /// they can meet (timed activities sharing a person, deadlines of their
  /// themes): what the UI shows for the selection and `add` for what it added,
  /// at the cost of those items rather than the whole plan.
  public static func find(
    for ids: Set<String>, in plan: Plan, range: DayRange, timedByPerson: [String: [Int]]? = nil,
    at known: [Int]? = nil
  ) -> [PlanWarning] {
    let chosenIndices = known ?? plan.activities.indices.filter { ids.contains(plan.activities[$0].id) }
    let chosen = chosenIndices.map { plan.activities[$0] }
    var people = Set<String>()
    var themes = Set<String>()
    for a in chosen {
      themes.insert(a.theme)
      if a.time != nil { people.formUnion(owners(a.owner ?? "")) }
    }
    var few = plan
    if let index = timedByPerson {
      // The people's timed activities from an index made once per plan version.
      var picked = Set(chosenIndices)
      for p in people { picked.formUnion(index[p] ?? []) }
      few.activities = picked.sorted().map { plan.activities[$0] }
    } else {
      few.activities = plan.activities.filter { other in
        ids.contains(other.id)
          || (other.time != nil && !people.isEmpty && !people.isDisjoint(with: owners(other.owner ?? "")))
      }
    }
    few.milestones = plan.milestones.filter { ($0.deadline && themes.contains($0.theme)) || ids.contains($0.id) }
    return find(few, in: range).filter { w in ids.contains(w.id) || w.others.contains(where: ids.contains) }
  }

  /// Each person's timed activities, by index: what `find(for:)` needs to
  /// look for double bookings without reading every owner again.
  public static func timedByPerson(_ plan: Plan) -> [String: [Int]] {
    var out: [String: [Int]] = [:]
    for (i, a) in plan.activities.enumerated() where a.time != nil {
      guard let o = a.owner else { continue }
      for p in owners(o) { out[p, default: []].append(i) }
    }
    return out
  }

  /// "Elin Selig, Marie Anstadius" and "Elin och Marie" are two people.
  public static func owners(_ s: String) -> [String] {
    s.replacingOccurrences(of: " och ", with: ",").replacingOccurrences(of: " and ", with: ",").replacingOccurrences(
      of: "&", with: ","
    ).split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
  }

}
