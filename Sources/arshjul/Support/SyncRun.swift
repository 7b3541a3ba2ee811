import CalDAV
import Foundation
import PlanKit

/// One sync of a plan with a CalDAV calendar, in phases so requests can run
/// side by side while every decision is taken in one place, in order:
/// list (ETags only) → read what changed on the server → decide item by item
/// (push, pull, merge three-way, delete, conflict) → write → list again only
/// if an ETag is missing. Nothing changed on either side: one PROPFIND.
final class SyncRun: @unchecked Sendable {
  var plan: Plan
  var state: SyncState
  let client: DAVClient
  let dryRun: Bool
  let importNew: Bool
  let theme: String?
  let stamp: Int
  let progress: Bool

  var lines: [String] = []
  var sent = (new: 0, changed: 0, deleted: 0)
  var received = (changed: 0, deleted: 0, imported: 0)
  var conflicts = 0
  var requests = (put: 0, get: 0, delete: 0, report: 0)

  init(
    plan: Plan, state: SyncState, client: DAVClient, dryRun: Bool, importNew: Bool, theme: String?, stamp: Int,
    progress: Bool = isatty(2) == 1
  ) {
    self.plan = plan
    self.state = state
    self.client = client
    self.dryRun = dryRun
    self.importNew = importNew
    self.theme = theme
    self.stamp = stamp
    self.progress = progress
  }

  enum Write {
    case create(name: String, uid: String, item: SyncItems.Item)
    case change(name: String, uid: String, item: SyncItems.Item, etag: String)
    case delete(name: String, uid: String, etag: String, title: String)
  }

  /// The resource name of an href (the collection holds them all directly).
  static func name(_ href: String) -> String {
    let trimmed = href.hasSuffix("/") ? String(href.dropLast()) : href
    return String(trimmed.split(separator: "/").last ?? Substring(trimmed))
  }

  /// Where the server's resources stand: by WebDAV sync (RFC 6578) from
  /// the last token where the server offers it — only what changed comes
  /// back — else one PROPFIND of every ETag.
  func serverState() async throws(DAVError) -> [String: String] {
    var server: [String: String] = [:]
    if let delta = try await client.changes(since: state.token) {
      if state.token != nil {
        for e in state.items.values { server[e.href] = e.etag }
        for (href, f) in state.foreign { server[href] = f.etag }
      }
      for r in delta.changed { server[SyncRun.name(r.href)] = r.etag }
      for href in delta.deleted { server[SyncRun.name(href)] = nil }
      newToken = delta.token
      usedToken = state.token != nil
      return server
    }
    for r in try await client.list() { server[SyncRun.name(r.href)] = r.etag }
    newToken = nil
    return server
  }

  var newToken: String?
  var usedToken = false

  /// The whole sync, waited for: first (for a calendar not synced with
  /// before) whether the URL is a calendar, made with `create` when it is
  /// not there; nil when it went through.
  func execute(checkFirst: Bool, create: Bool) -> DAVError? {
    let client = client
    let title = plan.title
    return Blocking.wait { () async -> DAVError? in
      do {
        if checkFirst {
          do {
            try await client.checkCalendar()
          } catch DAVError.notFound where create {
            try await client.create(name: title)
          }
        }
        try await self.run()
        return nil
      } catch let error as DAVError {
        return error
      } catch {
        return .other("\(error)")
      }
    }
  }

  func run() async throws(DAVError) {
    var server = try await serverState()
    let items = SyncItems.items(plan)
    var current: [String: SyncItems.Item] = [:]
    for item in items { current[item.uid] = item }

    // Which bodies to read: changed on the server, or there without a state entry.
    var toRead: Set<String> = []
    for entry in state.items.values {
      if let etag = server[entry.href], etag != entry.etag { toRead.insert(entry.href) }
    }
    let stateNames = Set(state.items.values.map(\.href))
    for item in items where state.items[item.uid] == nil {
      let name = SyncItems.href(item.uid)
      if server[name] != nil { toRead.insert(name) }
    }
    let ownNames = Set(items.map { SyncItems.href($0.uid) })
    for (name, etag) in server where !stateNames.contains(name) && !ownNames.contains(name) {
      if state.foreign[name]?.etag != etag { toRead.insert(name) }
    }
    let (bodies, gone) = try await read(Array(toRead).sorted())
    // Deleted between the listing and the read (someone cleaning up on a
    // phone): gone from the server, as if the listing had said so.
    for name in gone { server[name] = nil }

    var writes: [Write] = []
    var stateOut = state
    stateOut.items = [:]
    // 1. What the last sync knew.
    for (uid, entry) in state.items.sorted(by: { $0.key < $1.key }) {
      let serverETag = server[entry.href]
      let mine = current[uid]
      switch (serverETag, mine) {
      case (nil, nil):
        continue
      case (nil, let mine?):
        if mine.json.sameValue(entry.item) {
          SyncItems.put(nil, id: mine.id, kind: mine.kind, into: &plan)
          received.deleted += 1
          lines.append("deleted in the calendar: \(title(mine.json))")
        } else {
          record(
            Conflict(
              kind: mine.kind, id: mine.id, field: nil, base: entry.item, ours: mine.json, theirs: nil,
              theirLabel: calendarWord))
          lines.append("deleted in the calendar but changed in the plan: \(title(mine.json)) (a conflict)")
        }
      case (let etag?, nil):
        if etag == entry.etag {
          writes.append(.delete(name: entry.href, uid: uid, etag: etag, title: title(entry.item)))
        } else if let theirs = bodies[entry.href].flatMap({ fromServer($0.body, uid: uid, entry: entry) }) {
          var id = ""
          if case .string(let s)? = entry.item.members?["id"]?.value { id = s }
          record(
            Conflict(
              kind: entry.kind, id: id, field: nil, base: entry.item, ours: nil, theirs: theirs.item,
              theirLabel: calendarWord))
          lines.append("deleted in the plan but changed in the calendar: \(title(theirs.item)) (a conflict)")
        }
      case (let etag?, let mine?):
        let serverChanged = etag != entry.etag
        let planChanged = !mine.json.sameValue(entry.item)
        if !serverChanged {
          if planChanged { writes.append(.change(name: entry.href, uid: uid, item: mine, etag: etag)) }
          stateOut.items[uid] = entry
          continue
        }
        guard let body = bodies[entry.href], let theirs = fromServer(body.body, uid: uid, entry: entry) else {
          lines.append("the calendar's version of \(title(mine.json)) cannot be read as a plan item; left as it is")
          stateOut.items[uid] = entry
          continue
        }
        stateOut.items[uid] = pull(
          mine, base: entry.item, theirs: theirs, name: entry.href, etag: body.etag ?? etag, writes: &writes)
      }
    }
    // 2. Items the last sync did not know: new, or there after an interrupted sync.
    for item in items where state.items[item.uid] == nil {
      let name = SyncItems.href(item.uid)
      if let etag = server[name], let body = bodies[name] {
        let entry = SyncState.Entry(href: name, etag: etag, kind: item.kind, item: item.json)
        if let theirs = fromServer(body.body, uid: item.uid, entry: entry) {
          stateOut.items[item.uid] = pull(item, base: nil, theirs: theirs, name: name, etag: etag, writes: &writes)
        }
      } else {
        writes.append(.create(name: name, uid: item.uid, item: item))
      }
    }
    // 3. Events this plan did not make.
    var foreign: [String: SyncState.Foreign] = [:]
    for (name, etag) in server.sorted(by: { $0.key < $1.key })
    where !stateNames.contains(name) && !ownNames.contains(name) {
      if let known = state.foreign[name], known.etag == etag, !importNew {
        foreign[name] = known
        continue
      }
      var fetched = bodies[name]
      if fetched == nil && importNew {
        do {
          let got = try await client.get(name)
          fetched = (got.body, got.etag)
        } catch .gone {
          continue
        } catch {
          lines.append("not imported: \(name) could not be read (\(error.message))")
        }
      }
      guard let body = fetched else { continue }
      let (uid, summary) = SyncRun.peek(body.body)
      if importNew {
        var scratch = plan
        do {
          let r = try ICalendarImport.apply(body.body, file: "calendar", to: &scratch, theme: theme, expand: false)
          if let added = scratch.activities.first(where: { $0.uid == uid }), !r.added.isEmpty {
            var a = added
            a.source = nil
            scratch.activities[scratch.activities.firstIndex { $0.id == a.id }!] = a
            plan = scratch
            received.imported += 1
            stateOut.items[uid] = SyncState.Entry(
              href: name, etag: body.etag ?? etag, kind: .activity,
              item: SyncItems.item(a, plan).json)
            lines.append("imported from the calendar: \(summary)")
            continue
          }
          lines.append("not imported: \(summary) \(r.skipped.joined(separator: "; "))")
        } catch {
          lines.append("not imported: \(summary): \(error.lines.joined(separator: "; "))")
        }
      }
      foreign[name] = SyncState.Foreign(etag: etag, uid: uid, title: summary)
    }
    stateOut.foreign = foreign
    if !foreign.isEmpty && !importNew {
      lines.append(
        "\(foreign.count) event(s) in the calendar were not made by this plan (left alone; --import-new --theme ID brings them in): "
          + foreign.values.map(\.title).sorted().prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", …" : ""))
    }
    if dryRun {
      stateOut.token = state.token
      for w in writes {
        switch w {
        case .create(_, _, let item): lines.append("would send new: \(title(item.json))")
        case .change(_, _, let item, _): lines.append("would send changed: \(title(item.json))")
        case .delete(_, _, _, let t): lines.append("would delete in the calendar: \(t)")
        }
      }
      state = stateOut
      return
    }
    try await write(writes, into: &stateOut)
    stateOut.token = try await tokenAfter(writes, into: &stateOut)
    // An ETag the server did not send with a write: one more listing.
    if stateOut.items.values.contains(where: { $0.etag.isEmpty }) {
      let again = try await client.list()
      var etags: [String: String] = [:]
      for r in again { etags[SyncRun.name(r.href)] = r.etag }
      for (uid, entry) in stateOut.items where entry.etag.isEmpty {
        stateOut.items[uid]?.etag = etags[entry.href] ?? ""
      }
    }
    state = stateOut
  }

  /// The sync token to keep: the one from after our own writes when the
  /// changes since the listing are ours alone (so the next sync does not
  /// list them back, and ETags a PUT did not send come with them); the one
  /// from before them when someone else changed something meanwhile, which
  /// the next sync then reads.
  func tokenAfter(_ writes: [Write], into stateOut: inout SyncState) async throws(DAVError) -> String? {
    guard let newToken, sent.new + sent.changed + sent.deleted > 0,
      let delta = try await client.changes(since: newToken)
    else { return newToken }
    var ours: [String: String] = [:]  // name → uid
    var deleted: Set<String> = []
    for w in writes {
      switch w {
      case .create(let name, let uid, _), .change(let name, let uid, _, _): ours[name] = uid
      case .delete(let name, _, _, _): deleted.insert(name)
      }
    }
    for r in delta.changed {
      let name = SyncRun.name(r.href)
      guard let uid = ours[name], let entry = stateOut.items[uid], entry.etag.isEmpty || entry.etag == r.etag
      else { return newToken }
    }
    for href in delta.deleted where !deleted.contains(SyncRun.name(href)) { return newToken }
    for r in delta.changed {
      if let uid = ours[SyncRun.name(r.href)] { stateOut.items[uid]?.etag = r.etag }
    }
    return delta.token
  }

  var calendarWord: String { plan.language == .sv ? "kalendern" : "the calendar" }

  func record(_ c: Conflict) {
    plan.conflicts.append(c)
    conflicts += 1
  }

  func title(_ json: JSONNode) -> String {
    if case .string(let s)? = json.members?["title"]?.value { return visibleName(s) }
    return "?"
  }

  /// The server's version read onto the last synced one.
  func fromServer(
    _ body: [UInt8], uid: String, entry: SyncState.Entry
  ) -> (item: JSONNode, oneOffs: [Activity], notes: [String])? {
    var id = ""
    if case .string(let s)? = entry.item.members?["id"]?.value { id = s }
    let last = SyncItems.Item(uid: uid, id: id, kind: entry.kind, json: entry.item)
    return SyncItems.fromServer(body, last: last, plan: plan)
  }

  /// Merges the server's version into the plan's; pushes the result when it
  /// differs from the server's. Returns the state entry to keep.
  func pull(
    _ mine: SyncItems.Item, base: JSONNode?, theirs: (item: JSONNode, oneOffs: [Activity], notes: [String]),
    name: String, etag: String, writes: inout [Write]
  ) -> SyncState.Entry {
    let merged = SyncItems.merge(base: base, ours: mine, theirs: theirs.item, kind: mine.kind, plan: plan)
    for note in theirs.notes { lines.append(note) }
    for one in theirs.oneOffs where !plan.itemIDs.contains(one.id) { plan.activities.append(one) }
    if !merged.conflicts.isEmpty {
      for c in merged.conflicts { record(c) }
      lines.append(
        "changed in both the plan and the calendar: \(title(mine.json)) (\(merged.conflicts.count) conflict(s))")
      // The plan keeps ours until a planner chooses; the base is now the calendar's.
      return SyncState.Entry(href: name, etag: etag, kind: mine.kind, item: theirs.item)
    }
    guard let result = merged.item else {
      return SyncState.Entry(href: name, etag: etag, kind: mine.kind, item: theirs.item)
    }
    if !result.sameValue(mine.json) {
      SyncItems.put(result, id: mine.id, kind: mine.kind, into: &plan)
      received.changed += 1
      lines.append("changed in the calendar: \(title(result))")
    }
    if !result.sameValue(theirs.item) {
      var item = mine
      item.json = result
      writes.append(.change(name: name, uid: mine.uid, item: item, etag: etag))
    }
    return SyncState.Entry(href: name, etag: etag, kind: mine.kind, item: result)
  }

  /// UID and SUMMARY of an event, without importing it.
  static func peek(_ body: [UInt8]) -> (uid: String, summary: String) {
    guard let roots = try? ICalendarParser.parse(body),
      let event = roots.first?.children.first(where: { $0.name == "VEVENT" })
    else { return ("", "?") }
    return (event.first("UID")?.text ?? "", visibleName(event.first("SUMMARY")?.text ?? "?"))
  }

  /// Reads bodies: in calendar-multiget batches where the server answers
  /// them (RFC 4791 §7.9: one request for many), else one GET each, four
  /// at a time. A resource deleted meanwhile is `gone`, not an error.
  func read(_ names: [String]) async throws(DAVError) -> (
    bodies: [String: (body: [UInt8], etag: String?)], gone: Set<String>
  ) {
    var out: [String: (body: [UInt8], etag: String?)] = [:]
    var gone: Set<String> = []
    var rest = names
    if !names.isEmpty && !noMultiget {
      var unanswered: [String] = []
      for start in stride(from: 0, to: names.count, by: 200) {
        let batch = Array(names[start..<min(names.count, start + 200)])
        guard let got = try await client.multiget(batch) else {
          noMultiget = true
          unanswered = names
          break
        }
        requests.report += 1
        for name in batch {
          switch got[name] {
          case .body(let body, let etag)?: out[name] = (body, etag)
          case .gone?: gone.insert(name)
          case nil: unanswered.append(name)
          }
        }
      }
      rest = unanswered
    }
    let client = client
    do {
      try await withThrowingTaskGroup(of: (String, [UInt8]?, String?).self) { group in
        var pending = rest[...]
        func next() {
          guard let name = pending.popFirst() else { return }
          group.addTask {
            do {
              let r = try await client.get(name)
              return (name, r.body, r.etag)
            } catch DAVError.gone {
              return (name, nil, nil)
            }
          }
        }
        for _ in 0..<4 { next() }
        while let (name, body, etag) = try await group.next() {
          if let body { out[name] = (body, etag) } else { gone.insert(name) }
          next()
        }
      }
    } catch let error as DAVError {
      throw error
    } catch {
      throw DAVError.other("\(error)")
    }
    requests.get += rest.count
    for name in gone.sorted() {
      let known = state.items.values.first { $0.href == name }.map { title($0.item) } ?? state.foreign[name]?.title
      lines.append("deleted in the calendar while this sync ran: \(known ?? name)")
    }
    return (out, gone)
  }

  /// Set when the server refused a calendar-multiget: GETs for the rest of the sync.
  var noMultiget = false

  enum Outcome: Sendable {
    case done(String?)
    case taken
    case failed(DAVError)
  }

  /// Sends the writes, four at a time; a 412 (someone was first) is read,
  /// merged and sent once more.
  func write(_ writes: [Write], into stateOut: inout SyncState) async throws(DAVError) {
    let client = client
    let plan = plan
    let stamp = stamp
    var results: [Int: Outcome] = [:]
    let total = writes.count
    var finished = 0
    await withTaskGroup(of: (Int, Outcome).self) { group in
      var index = 0
      func next() {
        guard index < writes.count else { return }
        let i = index
        let w = writes[i]
        index += 1
        group.addTask {
          do {
            switch w {
            case .create(let name, _, let item):
              return (i, .done(try await client.put(name, SyncItems.body(item, plan, stamp: stamp), replacing: nil)))
            case .change(let name, _, let item, let etag):
              return (i, .done(try await client.put(name, SyncItems.body(item, plan, stamp: stamp), replacing: etag)))
            case .delete(let name, _, let etag, _):
              try await client.delete(name, etag: etag)
              return (i, .done(nil))
            }
          } catch let error as DAVError {
            return (i, error == .precondition ? .taken : .failed(error))
          } catch {
            return (i, .failed(.other("\(error)")))
          }
        }
      }
      for _ in 0..<4 { next() }
      while let (i, outcome) = await group.next() {
        results[i] = outcome
        finished += 1
        if progress && total >= 20 && (finished % 10 == 0 || finished == total) {
          FileHandle.standardError.write(Data("\rsync: \(finished)/\(total) sent".utf8))
          if finished == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        next()
      }
    }
    var firstError: DAVError?
    for (i, w) in writes.enumerated() {
      let outcome = results[i] ?? .failed(.other("no answer"))
      switch (w, outcome) {
      case (.create(let name, let uid, let item), .done(let etag)):
        requests.put += 1
        sent.new += 1
        stateOut.items[uid] = SyncState.Entry(href: name, etag: etag ?? "", kind: item.kind, item: item.json)
      case (.change(let name, let uid, let item, _), .done(let etag)):
        requests.put += 1
        sent.changed += 1
        stateOut.items[uid] = SyncState.Entry(href: name, etag: etag ?? "", kind: item.kind, item: item.json)
      case (.delete(_, let uid, _, let t), .done):
        requests.delete += 1
        sent.deleted += 1
        stateOut.items[uid] = nil
        lines.append("deleted in the calendar: \(t)")
      case (.create(let name, let uid, let item), .taken), (.change(let name, let uid, let item, _), .taken):
        // Someone wrote it meanwhile: read theirs, merge, send once more;
        // if someone is first again, a recorded conflict, never a drop.
        do {
          let body = try await client.get(name)
          requests.get += 1
          let entry =
            state.items[uid] ?? SyncState.Entry(href: name, etag: body.etag ?? "", kind: item.kind, item: item.json)
          guard let theirs = fromServer(body.body, uid: uid, entry: entry) else {
            lines.append(
              "changed in the calendar while this sync ran and cannot be read as a plan item: \(title(item.json)); left as it is"
            )
            if let old = state.items[uid] { stateOut.items[uid] = old }
            continue
          }
          var retry: [Write] = []
          let kept = pull(
            item, base: state.items[uid]?.item, theirs: theirs, name: name, etag: body.etag ?? "", writes: &retry)
          stateOut.items[uid] = kept
          for case .change(_, _, let merged, let etag) in retry {
            do {
              let newTag = try await client.put(
                name, SyncItems.body(merged, self.plan, stamp: stamp), replacing: etag)
              requests.put += 1
              sent.changed += 1
              stateOut.items[uid] = SyncState.Entry(
                href: name, etag: newTag ?? "", kind: merged.kind, item: merged.json)
            } catch .precondition {
              record(
                Conflict(
                  kind: merged.kind, id: merged.id, field: nil, base: state.items[uid]?.item, ours: merged.json,
                  theirs: theirs.item, theirLabel: calendarWord))
              lines.append(
                "changed in the calendar again while this sync ran: \(title(merged.json)) (a conflict)")
              stateOut.items[uid] = SyncState.Entry(href: name, etag: etag, kind: merged.kind, item: theirs.item)
            }
          }
        } catch .gone {
          lines.append(
            "deleted in the calendar while this sync ran: \(title(item.json)) (the next sync asks what to do)")
          if let old = state.items[uid] { stateOut.items[uid] = old }
        } catch {
          firstError = firstError ?? error
        }
      case (.delete(_, let uid, _, let t), .taken):
        lines.append("not deleted in the calendar, it was changed there meanwhile: \(t) (next sync brings it back)")
        stateOut.items[uid] = nil
      case (.change(_, let uid, let item, _), .failed(.gone)):
        // Deleted there while changed here: the old state entry stays, so
        // the next sync sees both and records the conflict.
        lines.append("deleted in the calendar while this sync ran: \(title(item.json)) (the next sync asks what to do)")
        if let old = state.items[uid] { stateOut.items[uid] = old }
      case (.create(_, let uid, _), .failed(let e)), (.change(_, let uid, _, _), .failed(let e)):
        // The server refused this event: say which, keep going with the rest.
        if case .status(let code, _, let reason) = e {
          lines.append("the server refused \(uid): \(code)\(reason.isEmpty ? "" : " " + reason)")
          if let old = state.items[uid] { stateOut.items[uid] = old }
        } else {
          firstError = firstError ?? e
        }
      case (.delete(_, let uid, _, _), .failed(let e)):
        if let old = state.items[uid] { stateOut.items[uid] = old }
        firstError = firstError ?? e
      }
    }
    if let firstError { throw firstError }
  }
}
