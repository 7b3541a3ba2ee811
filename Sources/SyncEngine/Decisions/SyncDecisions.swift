import PlanFormats
import PlanModel

/// The sync's decisions, item by item, with no I/O: from what the last sync
/// left (the state), what the server lists (resource names with ETags),
/// the bodies read and the plan, to the writes to send (upload, update with
/// If-Match, delete with If-Match) and the plan and state that follow
/// (the server's version taken, an item forgotten, a conflict recorded).
/// The engine that does the requests (SyncEngine) asks this in three
/// places: which bodies to read, what to do with them, and what to do when
/// a write found someone first (412). vdirsyncer's sync is built the same
/// way (a plan of actions from the two sides' states, then the actions).
public struct SyncDecisions: Sendable {
  /// What one sync does to the calendar.
  public enum Write: Sendable {
    /// A new resource (If-None-Match: *).
    case upload(name: String, item: SyncItems.Item)
    /// A changed one (If-Match: the ETag it had).
    case update(name: String, item: SyncItems.Item, etag: String)
    /// Deleted in the plan (If-Match).
    case delete(name: String, uid: String, etag: String, title: String)
  }

  /// A resource's body as read, with its ETag where the server sent one.
  public struct Body: Sendable {
    public var bytes: [UInt8]
    public var etag: String?
    public init(_ bytes: [UInt8], etag: String?) {
      self.bytes = bytes
      self.etag = etag
    }
  }

  /// What came into the plan.
  public struct Received: Sendable, Equatable {
    public var changed = 0
    public var deleted = 0
    public var imported = 0
    public init() {}
  }

  public private(set) var plan: Plan
  /// What the last sync left: the base of every three-way merge.
  public let last: SyncState
  public let importNew: Bool
  public let theme: String?
  public private(set) var notes: [SyncNote] = []
  public private(set) var received = Received()
  public private(set) var conflicts = 0

  /// The plan's items as the sync began, made once: which bodies to read
  /// and what to decide are both asked of them.
  let items: [SyncItems.Item]

  public init(plan: Plan, last: SyncState, importNew: Bool = false, theme: String? = nil) {
    self.plan = plan
    items = SyncItems.items(plan)
    self.last = last
    self.importNew = importNew
    self.theme = theme
  }

  var calendarWord: String { Wording(plan.language).calendarSide }

  /// The bodies to read: changed on the server since the last sync, there
  /// without a state entry (an interrupted sync), or made by someone else
  /// and not seen with this ETag before (all of those with --import-new).
  public func toRead(server: [String: String]) -> [String] {
    var out: Set<String> = []
    for entry in last.items.values {
      if let etag = server[entry.href], etag != entry.etag { out.insert(entry.href) }
    }
    for item in items where last.items[item.uid] == nil {
      let name = SyncItems.href(item.uid)
      if server[name] != nil { out.insert(name) }
    }
    let known = Set(last.items.values.map(\.href)).union(items.map { SyncItems.href($0.uid) })
    for (name, etag) in server where !known.contains(name) {
      if importNew || last.foreign[name]?.etag != etag { out.insert(name) }
    }
    return out.sorted()
  }

  /// Every decision of one sync, in a fixed order (the state's items by
  /// UID, then the plan's new ones, then foreign events by name). Returns
  /// the writes and the state to keep for everything not written; `plan`
  /// holds what came in. `server` has no resource that went away while
  /// the bodies were read.
  public mutating func decide(server: [String: String], bodies: [String: Body]) -> (
    state: SyncState, writes: [Write]
  ) {
    var current: [String: SyncItems.Item] = [:]
    for item in items { current[item.uid] = item }
    var writes: [Write] = []
    var out = last
    out.items = [:]
    // 1. What the last sync knew.
    for (uid, entry) in last.items.sorted(by: { $0.key < $1.key }) {
      switch (server[entry.href], current[uid]) {
      case (nil, nil):
        continue
      case (nil, let mine?):
        if mine.json.sameValue(entry.item) {
          SyncItems.put(nil, id: mine.id, kind: mine.kind, into: &plan)
          received.deleted += 1
          notes.append(.deletedThere(title: Self.title(mine.json)))
        } else {
          record(
            Conflict(
              kind: mine.kind, id: mine.id, field: nil, base: entry.item, ours: mine.json, theirs: nil,
              theirLabel: calendarWord))
          notes.append(.deletedThereChangedHere(title: Self.title(mine.json)))
        }
      case (let etag?, nil):
        if etag == entry.etag {
          writes.append(.delete(name: entry.href, uid: uid, etag: etag, title: Self.title(entry.item)))
        } else if let theirs = bodies[entry.href].flatMap({ fromServer($0.bytes, uid: uid, entry: entry) }) {
          record(
            Conflict(
              kind: entry.kind, id: Self.id(entry.item), field: nil, base: entry.item, ours: nil, theirs: theirs.item,
              theirLabel: calendarWord))
          notes.append(.deletedHereChangedThere(title: Self.title(theirs.item)))
        } else {
          // Changed there, deleted here, and not readable: ask again next time.
          out.items[uid] = entry
        }
      case (let etag?, let mine?):
        if etag == entry.etag {
          if !mine.json.sameValue(entry.item) { writes.append(.update(name: entry.href, item: mine, etag: etag)) }
          out.items[uid] = entry
          continue
        }
        guard let body = bodies[entry.href], let theirs = fromServer(body.bytes, uid: uid, entry: entry) else {
          notes.append(.unreadable(title: Self.title(mine.json)))
          out.items[uid] = entry
          continue
        }
        let (kept, write) = pull(mine, base: entry.item, theirs: theirs, name: entry.href, etag: body.etag ?? etag)
        out.items[uid] = kept
        if let write { writes.append(write) }
      }
    }
    // 2. Items the last sync did not know: new, or there after an interrupted sync.
    for item in items where last.items[item.uid] == nil {
      let name = SyncItems.href(item.uid)
      guard let etag = server[name], let body = bodies[name] else {
        if server[name] == nil { writes.append(.upload(name: name, item: item)) }
        continue
      }
      let entry = SyncState.Entry(href: name, etag: etag, kind: item.kind, item: item.json)
      if let theirs = fromServer(body.bytes, uid: item.uid, entry: entry) {
        let (kept, write) = pull(item, base: nil, theirs: theirs, name: name, etag: body.etag ?? etag)
        out.items[item.uid] = kept
        if let write { writes.append(write) }
      }
    }
    // 3. Events this plan did not make.
    let known = Set(last.items.values.map(\.href)).union(items.map { SyncItems.href($0.uid) })
    var foreign: [String: SyncState.Foreign] = [:]
    for (name, etag) in server.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
      guard let body = bodies[name] else {
        if let seen = last.foreign[name], seen.etag == etag { foreign[name] = seen }
        continue
      }
      let (uid, summary) = Self.peek(body.bytes)
      if importNew, let entry = bringIn(body.bytes, uid: uid, summary: summary, name: name, etag: body.etag ?? etag) {
        out.items[uid] = entry
        continue
      }
      foreign[name] = SyncState.Foreign(etag: etag, uid: uid, title: summary)
    }
    out.foreign = foreign
    if !foreign.isEmpty && !importNew {
      notes.append(.foreignLeftAlone(count: foreign.count, titles: foreign.values.map(\.title).sorted()))
    }
    return (out, writes)
  }

  /// An event someone else made, as a new activity of the plan (the
  /// --import-new theme); its state entry, or nil with a note saying why not.
  mutating func bringIn(_ body: [UInt8], uid: String, summary: String, name: String, etag: String)
    -> SyncState.Entry?
  {
    var scratch = plan
    do {
      let r = try ICalendarImport.apply(body, file: "calendar", to: &scratch, theme: theme, expand: false)
      guard let index = scratch.activities.firstIndex(where: { $0.uid == uid }), !r.added.isEmpty else {
        notes.append(.notImported(summary: summary, reasons: r.skipped))
        return nil
      }
      scratch.activities[index].source = nil
      plan = scratch
      received.imported += 1
      notes.append(.imported(summary: summary))
      return SyncState.Entry(
        href: name, etag: etag, kind: .activity, item: SyncItems.item(scratch.activities[index], plan).json)
    } catch {
      notes.append(.notImported(summary: summary, reasons: error.lines))
      return nil
    }
  }

  /// The server's version merged into the plan's, three-way from `base`:
  /// the state entry to keep, and the update to send when the result is
  /// not what the server has.
  public mutating func pull(
    _ mine: SyncItems.Item, base: JSONNode?, theirs: SyncItems.ServerVersion, name: String, etag: String
  ) -> (entry: SyncState.Entry, write: Write?) {
    let merged = SyncItems.merge(base: base, ours: mine, theirs: theirs.item, kind: mine.kind, plan: plan)
    notes += theirs.notes
    for one in theirs.oneOffs where !plan.itemIDs.contains(one.id) { plan.activities.append(one) }
    let theirsEntry = SyncState.Entry(href: name, etag: etag, kind: mine.kind, item: theirs.item)
    if !merged.conflicts.isEmpty {
      for c in merged.conflicts { record(c) }
      notes.append(.changedBoth(title: Self.title(mine.json), conflicts: merged.conflicts.count))
      // The plan keeps ours until a planner chooses; the base is now the calendar's.
      return (theirsEntry, nil)
    }
    guard let result = merged.item else { return (theirsEntry, nil) }
    if !result.sameValue(mine.json) {
      SyncItems.put(result, id: mine.id, kind: mine.kind, into: &plan)
      received.changed += 1
      notes.append(.changedThere(title: Self.title(result)))
    }
    let entry = SyncState.Entry(href: name, etag: etag, kind: mine.kind, item: result)
    guard !result.sameValue(theirs.item) else { return (entry, nil) }
    var item = mine
    item.json = result
    return (entry, .update(name: name, item: item, etag: etag))
  }

  /// A write found someone first (412) and their version was read: merged
  /// as any change from the calendar. Nil (with a note) when theirs does
  /// not read as the item; then the last state entry stays.
  public mutating func afterRace(_ item: SyncItems.Item, name: String, body: Body) -> (
    entry: SyncState.Entry, write: Write?, theirs: JSONNode
  )? {
    let entry =
      last.items[item.uid]
      ?? SyncState.Entry(href: name, etag: body.etag ?? "", kind: item.kind, item: item.json)
    guard let theirs = fromServer(body.bytes, uid: item.uid, entry: entry) else {
      notes.append(.unreadableAfterRace(title: Self.title(item.json)))
      return nil
    }
    let (kept, write) = pull(item, base: last.items[item.uid]?.item, theirs: theirs, name: name, etag: body.etag ?? "")
    return (kept, write, theirs.item)
  }

  /// Someone was first again, after the merge: a recorded conflict with
  /// their version as the new base, never a silent drop.
  public mutating func clashAgain(_ merged: SyncItems.Item, theirs: JSONNode, name: String, etag: String)
    -> SyncState.Entry
  {
    record(
      Conflict(
        kind: merged.kind, id: merged.id, field: nil, base: last.items[merged.uid]?.item, ours: merged.json,
        theirs: theirs, theirLabel: calendarWord))
    notes.append(.changedAgain(title: Self.title(merged.json)))
    return SyncState.Entry(href: name, etag: etag, kind: merged.kind, item: theirs)
  }

  /// A note the engine adds (what happened to a request).
  public mutating func note(_ n: SyncNote) { notes.append(n) }

  mutating func record(_ c: Conflict) {
    plan.conflicts.append(c)
    conflicts += 1
  }

  /// The server's version read onto the last synced one.
  func fromServer(_ body: [UInt8], uid: String, entry: SyncState.Entry) -> SyncItems.ServerVersion? {
    let last = SyncItems.Item(uid: uid, id: Self.id(entry.item), kind: entry.kind, json: entry.item)
    return SyncItems.fromServer(body, last: last, plan: plan)
  }

  public static func title(_ json: JSONNode) -> String {
    if case .string(let s)? = json.members?["title"]?.value { return s }
    return "?"
  }

  static func id(_ json: JSONNode) -> String {
    if case .string(let s)? = json.members?["id"]?.value { return s }
    return ""
  }

  /// UID and SUMMARY of an event, without importing it.
  public static func peek(_ body: [UInt8]) -> (uid: String, summary: String) {
    guard let roots = try? ICalendarParser.parse(body),
      let event = roots.first?.children.first(where: { $0.name == "VEVENT" })
    else { return ("", "?") }
    return (event.first("UID")?.text ?? "", event.first("SUMMARY")?.text ?? "?")
  }
}
