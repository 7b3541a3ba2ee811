import PlanModel

/// How an imported event meets the plan: a milestone read as one, and an
/// event already imported (by its UID) updated in place, not added twice.
extension ICalendarImport {
  static func readMilestone(_ event: ICalComponent, _ item: inout Item, wording w: Wording) {
    var title = item.activity.title
    if title.hasPrefix(ICalendarConventions.milestoneMark) {
      title.removeFirst(ICalendarConventions.milestoneMark.count)
    }
    item.activity.title = title
    // "Milstolpe (klar)\n\nnotes"
    if let d = event.first("DESCRIPTION")?.text {
      let head = d.components(separatedBy: "\n\n").first ?? d
      item.done = ICalendarConventions.done(inHead: head) ?? false
      let rest = d.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
      item.activity.notes = rest.isEmpty ? nil : rest
    } else {
      item.activity.notes = nil
    }
  }

  /// Adds new items and updates those already there; a field whose value
  /// means the same as before keeps its old form (and unknown fields).
  static func upsert(
    _ items: [Item], into plan: inout Plan, source: String, file: String, report: inout ImportReport
  ) throws(ImportError) {
    var seenUIDs = Set<String>()
    var problems: [ImportProblem] = []
    // Indexes made once, so an import is linear in the events and the plan
    // (a scan per event made 20,000 events take 18 s).
    var activityAt: [String: Int] = [:]
    var activityWithUID: [String: Int] = [:]
    for (i, a) in plan.activities.enumerated() {
      activityAt[a.id] = activityAt[a.id] ?? i
      if let u = a.uid { activityWithUID[u] = activityWithUID[u] ?? i }
    }
    var milestoneAt: [String: Int] = [:]
    for (i, m) in plan.milestones.enumerated() { milestoneAt[m.id] = milestoneAt[m.id] ?? i }
    var taken = plan.itemIDs
    for item in items {
      seenUIDs.insert(item.uid)
      var incoming = item.activity
      if let own = item.ownID {
        if item.isMilestone, let i = milestoneAt[own] {
          var m = plan.milestones[i]
          let before = m
          m.title = incoming.title
          m.date = incoming.start
          m.done = item.done
          m.notes = incoming.notes
          if !incoming.theme.isEmpty { m.theme = incoming.theme }
          if m != before {
            plan.milestones[i] = m
            report.updated.append(ICalendarConventions.milestoneMark + m.title)
          } else {
            report.unchanged += 1
          }
          continue
        }
        if let i = activityAt[own] {
          update(&plan.activities[i], with: incoming, report: &report)
          continue
        }
      }
      if let i = activityWithUID[item.uid] {
        update(&plan.activities[i], with: incoming, report: &report)
        continue
      }
      guard !incoming.theme.isEmpty else {
        problems.append(
          ImportProblem(
            file: file, line: item.line,
            "\(quoted(incoming.title)) has no theme of the plan in CATEGORIES; give --theme (\(plan.themeChoices))"))
        continue
      }
      let base = item.ownID ?? Identifier.slug(incoming.title)
      incoming.id = Identifier.unique(base.isEmpty ? "import" : base, taken: taken)
      taken.insert(incoming.id)
      if item.ownID == nil {
        incoming.uid = item.uid
        incoming.source = source
      }
      if item.isMilestone {
        plan.milestones.append(
          Milestone(
            id: incoming.id, title: incoming.title, date: incoming.start, theme: incoming.theme, done: item.done,
            notes: incoming.notes))
        report.added.append(ICalendarConventions.milestoneMark + incoming.title)
      } else {
        activityAt[incoming.id] = plan.activities.count
        if let u = incoming.uid { activityWithUID[u] = plan.activities.count }
        plan.activities.append(incoming)
        report.added.append(incoming.title)
      }
    }
    if !problems.isEmpty { throw ImportError(problems) }
    for a in plan.activities where a.source == source && a.uid != nil && !seenUIDs.contains(a.uid!) {
      report.gone.append("\(a.title) (\(a.id))")
    }
  }

  static func update(_ a: inout Activity, with new: Activity, report: inout ImportReport) {
    let before = a
    a.title = new.title
    a.start = new.start
    a.end = new.end
    if a.time?.start != new.time?.start || a.time?.end != new.time?.end { a.time = new.time }
    if !sameRule(a.repeatRule, new.repeatRule) { a.repeatRule = new.repeatRule }
    a.location = new.location
    a.notes = new.notes
    a.owner = new.owner
    if new.status == .cancelled {
      a.status = .cancelled
    } else if a.status == .cancelled {
      a.status = .planned
    }
    if a != before {
      report.updated.append(a.title)
    } else {
      report.unchanged += 1
    }
  }

  /// The same repeat, however it is written (`on: date` or nothing).
  static func sameRule(_ x: Repeat?, _ y: Repeat?) -> Bool {
    guard let x, let y else { return x == nil && y == nil }
    return x.every == y.every && x.interval == y.interval && (x.every != .month || x.monthlyOn == y.monthlyOn)
      && x.end == y.end && Set(x.except) == Set(y.except)
  }
}
