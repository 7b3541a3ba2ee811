import PlanFormats
import PlanModel

/// The plan's items as calendar resources and back, for the CalDAV sync:
/// one VEVENT per resource with the UID `export ics` writes, read back
/// through the importer and merged three-way with the state's version.
public enum SyncItems {
  /// One item of the plan: an activity or a milestone, as the file has it.
  public struct Item: Sendable {
    public var uid: String
    public var id: String
    public var kind: Conflict.Kind
    public var json: JSONNode
    public init(uid: String, id: String, kind: Conflict.Kind, json: JSONNode) {
      self.uid = uid
      self.id = id
      self.kind = kind
      self.json = json
    }
  }

  /// The server's version of an item: its JSON, the occurrences moved in a
  /// calendar app (activities of their own now) and what to say of them.
  public struct ServerVersion: Sendable {
    public var item: JSONNode
    public var oneOffs: [Activity]
    public var notes: [SyncNote]
  }

  public static func items(_ plan: Plan) -> [Item] {
    plan.activities.map { item($0, plan) } + plan.milestones.map { item($0, plan) }
  }

  public static func item(_ a: Activity, _ plan: Plan) -> Item {
    Item(uid: EventUID.of(a, plan), id: a.id, kind: .activity, json: PlanEncoder.encode(a))
  }

  public static func item(_ m: Milestone, _ plan: Plan) -> Item {
    Item(uid: EventUID.of(m, plan), id: m.id, kind: .milestone, json: PlanEncoder.encode(m))
  }

  /// A resource name for a UID: the characters every server takes, `.ics`.
  public static func href(_ uid: String) -> String {
    var out = ""
    for b in uid.utf8 {
      let c = Character(Unicode.Scalar(b))
      if c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." || c == "@") {
        out.append(c)
      } else {
        out += "%" + hexDigits(UInt32(b), width: 2)
      }
    }
    return out + ".ics"
  }

  /// The calendar file of one item (with its zone), as `export ics` writes it.
  public static func body(_ item: Item, _ plan: Plan, stamp: Int) -> [UInt8] {
    var one = plan
    one.conflicts = []
    one.activities = item.kind == .activity ? plan.activities.filter { $0.id == item.id } : []
    one.milestones = item.kind == .milestone ? plan.milestones.filter { $0.id == item.id } : []
    return ICalendar.exportBytes(one, options: ICalendarOptions(stamp: stamp))
  }

  /// What the server's version of an item says, as the item's JSON: read
  /// through the importer onto the last synced version, so fields a calendar
  /// does not carry (id, theme, status other than cancelled, unknown fields)
  /// stay as they were. A single occurrence a client moved or cancelled
  /// (RECURRENCE-ID) becomes an except date, and a moved one also a one-off
  /// activity. Nil when the server's event cannot be read as the item.
  public static func fromServer(
    _ body: [UInt8], last: Item, plan: Plan
  ) -> ServerVersion? {
    // Read once: the calendar without its moved and cancelled occurrences,
    // and each of those as a calendar of its own.
    guard let roots = try? ICalendarParser.parse(body) else { return nil }
    let (master, overrides) = splitOverrides(roots)
    var scratch = plan
    scratch.conflicts = []
    scratch.activities = []
    scratch.milestones = []
    let themes = Set(plan.themes.map(\.id))
    switch last.kind {
    case .activity:
      guard let a = TreeDecoder.activity(tree: last.json, themes: themes) else { return nil }
      scratch.activities = [a]
    case .milestone:
      guard let m = TreeDecoder.milestone(tree: last.json, themes: themes) else { return nil }
      scratch.milestones = [m]
    default: return nil
    }
    guard let report = try? ICalendarImport.apply(master, file: "server", to: &scratch, theme: nil, expand: false),
      report.skipped.isEmpty, report.added.isEmpty
    else { return nil }
    var notes: [SyncNote] = []
    var oneOffs: [Activity] = []
    if last.kind == .activity, var a = scratch.activities.first, !overrides.isEmpty, var rule = a.repeatRule {
      let zones = ICalTime.Zones(plan: nil, file: [:])
      for (calendar, event) in overrides {
        guard let rid = event.first("RECURRENCE-ID"), let day = zones.local(rid.value, tzid: nil)?.day
        else { continue }
        if !rule.except.contains(day) { rule.except.append(day) }
        if event.first("STATUS")?.value.uppercased() == "CANCELLED" {
          notes.append(.occurrenceCancelled(title: a.title, day: day))
          continue
        }
        var moved = Plan(id: plan.id, title: plan.title, timeZone: plan.timeZone, themes: plan.themes)
        if let r = try? ICalendarImport.apply(
          alone(event, in: calendar), file: "server", to: &moved, theme: a.theme, expand: false),
          var one = moved.activities.first, r.skipped.isEmpty
        {
          one.uid = nil
          one.source = nil
          one.id = Identifier.unique(a.id + "-" + day.iso, taken: plan.itemIDs.union(oneOffs.map(\.id)))
          one.theme = a.theme
          oneOffs.append(one)
          notes.append(.occurrenceMoved(title: a.title, day: day, to: one.start))
        }
      }
      rule.except.sort()
      a.repeatRule = rule
      scratch.activities = [a]
    }
    let json =
      last.kind == .activity
      ? scratch.activities.first.map(PlanEncoder.encode) : scratch.milestones.first.map(PlanEncoder.encode)
    guard let json else { return nil }
    return ServerVersion(item: json, oneOffs: oneOffs, notes: notes)
  }

  /// The calendars without their RECURRENCE-ID events, and each of those
  /// with the calendar it came in (its time zones).
  static func splitOverrides(
    _ roots: [ICalComponent]
  ) -> (master: [ICalComponent], overrides: [(calendar: ICalComponent, event: ICalComponent)]) {
    var master: [ICalComponent] = []
    var overrides: [(calendar: ICalComponent, event: ICalComponent)] = []
    for calendar in roots {
      let kept = ICalComponent(name: calendar.name, line: calendar.line)
      kept.properties = calendar.properties
      for child in calendar.children {
        if child.name == "VEVENT" && child.first("RECURRENCE-ID") != nil {
          overrides.append((calendar, child))
        } else {
          kept.children.append(child)
        }
      }
      master.append(kept)
    }
    return (master, overrides)
  }

  /// A moved occurrence as an event of its own: no RECURRENCE-ID, no rule,
  /// a UID of its own, in its calendar with the calendar's time zones.
  static func alone(_ event: ICalComponent, in calendar: ICalComponent) -> [ICalComponent] {
    let single = ICalComponent(name: event.name, line: event.line)
    single.properties = event.properties.filter { !["RECURRENCE-ID", "UID", "RRULE", "EXDATE"].contains($0.name) }
    single.children = event.children
    let wrapper = ICalComponent(name: calendar.name, line: calendar.line)
    wrapper.properties = calendar.properties
    wrapper.children = calendar.children.filter { $0.name != "VEVENT" } + [single]
    return [wrapper]
  }

  /// The item's three-way merge (last synced / plan / server) by field,
  /// with the rules of `PlanMerge`; conflicts are labelled as the calendar's.
  public static func merge(
    base: JSONNode?, ours: Item?, theirs: JSONNode?, kind: Conflict.Kind, plan: Plan
  ) -> (item: JSONNode?, conflicts: [Conflict]) {
    PlanMerge.mergeItem(
      base: base, ours: ours?.json, theirs: theirs, kind: kind, in: plan,
      theirLabel: Wording(plan.language).calendarSide)
  }

  /// Puts an item's JSON into the plan (replacing the one with its id), or
  /// takes it out (nil).
  public static func put(_ json: JSONNode?, id: String, kind: Conflict.Kind, into plan: inout Plan) {
    let themes = Set(plan.themes.map(\.id))
    switch kind {
    case .activity:
      let a = json.flatMap { TreeDecoder.activity(tree: $0, themes: themes) }
      if let i = plan.activities.firstIndex(where: { $0.id == id }) {
        if let a { plan.activities[i] = a } else { plan.activities.remove(at: i) }
      } else if let a {
        plan.activities.append(a)
      }
    case .milestone:
      let m = json.flatMap { TreeDecoder.milestone(tree: $0, themes: themes) }
      if let i = plan.milestones.firstIndex(where: { $0.id == id }) {
        if let m { plan.milestones[i] = m } else { plan.milestones.remove(at: i) }
      } else if let m {
        plan.milestones.append(m)
      }
    default: break
    }
  }
}
