import PlanFormats
import PlanModel

/// One sync of a plan with a calendar store, in phases so requests can run
/// side by side while every decision is taken by `SyncDecisions`, in order:
/// list (ETags only) → read what changed → decide item by item → write →
/// list again only if an ETag is missing. Nothing changed on either side:
/// one request where the store keeps sync tokens.
public final class SyncEngine<Store: CalendarStore>: @unchecked Sendable {
  public let store: Store
  public let dryRun: Bool
  let stamp: Int
  /// Called with (sent, of) while the writes go out.
  let progress: (@Sendable (Int, Int) -> Void)?

  public private(set) var decisions: SyncDecisions
  public private(set) var state: SyncState
  public var plan: Plan { decisions.plan }
  public var notes: [SyncNote] { decisions.notes }
  public var received: SyncDecisions.Received { decisions.received }
  public var conflicts: Int { decisions.conflicts }

  public struct Sent: Sendable, Equatable {
    public var new = 0
    public var changed = 0
    public var deleted = 0
    public var total: Int { new + changed + deleted }
  }
  public private(set) var sent = Sent()

  /// Requests by kind, for the tests and the benchmark.
  public struct Requests: Sendable, Equatable {
    public var list = 0
    public var read = 0
    public var multiget = 0
    public var put = 0
    public var delete = 0
  }
  public private(set) var requests = Requests()

  public init(
    plan: Plan, state: SyncState, store: Store, dryRun: Bool = false, importNew: Bool = false, theme: String? = nil,
    stamp: Int, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) {
    decisions = SyncDecisions(plan: plan, last: state, importNew: importNew, theme: theme)
    self.state = state
    self.store = store
    self.dryRun = dryRun
    self.stamp = stamp
    self.progress = progress
  }

  var newToken: String?

  /// Where the server's resources stand: by WebDAV sync from the last token
  /// where the store offers it (only what changed comes back), else every ETag.
  func serverState() async throws(StoreError) -> [String: String] {
    requests.list += 1
    if let delta = try await store.changes(since: state.token) {
      var server: [String: String] = [:]
      if state.token != nil {
        for e in state.items.values { server[e.href] = e.etag }
        for (href, f) in state.foreign { server[href] = f.etag }
      }
      for (name, etag) in delta.changed { server[name] = etag }
      for name in delta.deleted { server[name] = nil }
      newToken = delta.token
      return server
    }
    requests.list += 1
    newToken = nil
    return try await store.list()
  }

  public func run() async throws(StoreError) {
    var server = try await serverState()
    let names = decisions.toRead(server: server)
    let (bodies, gone) = try await read(names)
    // Deleted between the listing and the read (someone cleaning up on a
    // phone): gone from the server, as if the listing had said so.
    for name in gone { server[name] = nil }
    var (stateOut, writes) = decisions.decide(server: server, bodies: bodies)
    if dryRun {
      for w in writes {
        switch w {
        case .upload(_, let item): decisions.note(.wouldSendNew(title: SyncDecisions.title(item.json)))
        case .update(_, let item, _): decisions.note(.wouldSendChanged(title: SyncDecisions.title(item.json)))
        case .delete(_, _, _, let t): decisions.note(.wouldDelete(title: t))
        }
      }
      stateOut.token = state.token
      state = stateOut
      return
    }
    try await write(writes, into: &stateOut)
    stateOut.token = try await tokenAfter(writes, into: &stateOut)
    // An ETag the store did not send with a write: one more listing.
    if stateOut.items.values.contains(where: { $0.etag.isEmpty }) {
      requests.list += 1
      let etags = try await store.list()
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
  func tokenAfter(_ writes: [SyncDecisions.Write], into stateOut: inout SyncState) async throws(StoreError)
    -> String?
  {
    guard let newToken, sent.total > 0 else { return newToken }
    requests.list += 1
    guard let delta = try await store.changes(since: newToken) else { return newToken }
    var ours: [String: String] = [:]  // name → uid
    var deleted: Set<String> = []
    for w in writes {
      switch w {
      case .upload(let name, let item), .update(let name, let item, _): ours[name] = item.uid
      case .delete(let name, _, _, _): deleted.insert(name)
      }
    }
    for (name, etag) in delta.changed {
      guard let uid = ours[name], let entry = stateOut.items[uid], entry.etag.isEmpty || entry.etag == etag
      else { return newToken }
    }
    for name in delta.deleted where !deleted.contains(name) { return newToken }
    for (name, etag) in delta.changed {
      if let uid = ours[name] { stateOut.items[uid]?.etag = etag }
    }
    return delta.token
  }

  /// Reads bodies: in batches of 200 where the store reads many at once,
  /// else one at a time, four side by side. What went away meanwhile is
  /// `gone`, not an error; a body the server refuses to give is left out
  /// (its item is then "cannot be read", kept as it was).
  func read(_ names: [String]) async throws(StoreError) -> (bodies: [String: SyncDecisions.Body], gone: Set<String>) {
    var out: [String: SyncDecisions.Body] = [:]
    var gone: Set<String> = []
    var rest = names
    if !names.isEmpty && !noMultiget {
      var unanswered: [String] = []
      for start in stride(from: 0, to: names.count, by: 200) {
        let batch = Array(names[start..<min(names.count, start + 200)])
        requests.multiget += 1
        guard let got = try await store.multiget(batch) else {
          noMultiget = true
          unanswered = names
          break
        }
        for name in batch {
          switch got[name] {
          case .body(let body)?: out[name] = body
          case .gone?: gone.insert(name)
          case nil: unanswered.append(name)
          }
        }
      }
      rest = unanswered
    }
    let store = store
    let results = await sideBySide(rest) { name -> Result<SyncDecisions.Body, StoreError> in
      do throws(StoreError) { return .success(try await store.get(name)) } catch { return .failure(error) }
    }
    requests.read += rest.count
    for (name, result) in zip(rest, results) {
      switch result {
      case .success(let body): out[name] = body
      case .failure(.gone): gone.insert(name)
      case .failure(.refused): continue
      case .failure(let error): throw error
      }
    }
    for name in gone.sorted() {
      let known =
        state.items.values.first { $0.href == name }.map { SyncDecisions.title($0.item) } ?? state.foreign[name]?.title
      decisions.note(.goneWhileReading(title: known ?? name))
    }
    return (out, gone)
  }

  /// Set when the store refused a multiget: one at a time for the rest of the sync.
  var noMultiget = false

  /// Runs `work` on every value, four at a time; the results in order.
  func sideBySide<T: Sendable, R: Sendable>(
    _ values: [T], _ work: @escaping @Sendable (T) async -> R, done: (@Sendable (Int) -> Void)? = nil
  ) async -> [R] {
    var results = [R?](repeating: nil, count: values.count)
    await withTaskGroup(of: (Int, R).self) { group in
      var index = 0
      func next() {
        guard index < values.count else { return }
        let i = index
        let value = values[i]
        index += 1
        group.addTask { (i, await work(value)) }
      }
      for _ in 0..<4 { next() }
      var finished = 0
      while let (i, r) = await group.next() {
        results[i] = r
        finished += 1
        done?(finished)
        next()
      }
    }
    return results.map { $0! }
  }

  enum Outcome: Sendable {
    case done(String?)
    case failed(StoreError)
  }

  /// Sends the writes, four at a time; a 412 (someone was first) is read,
  /// merged and sent once more, and a second 412 is a recorded conflict.
  func write(_ writes: [SyncDecisions.Write], into stateOut: inout SyncState) async throws(StoreError) {
    let store = store
    let plan = plan
    let stamp = stamp
    let total = writes.count
    let progress = progress
    let outcomes = await sideBySide(
      writes,
      { w -> Outcome in
        do throws(StoreError) {
          switch w {
          case .upload(let name, let item):
            return .done(try await store.put(name, SyncItems.body(item, plan, stamp: stamp), replacing: nil))
          case .update(let name, let item, let etag):
            return .done(try await store.put(name, SyncItems.body(item, plan, stamp: stamp), replacing: etag))
          case .delete(let name, _, let etag, _):
            try await store.delete(name, etag: etag)
            return .done(nil)
          }
        } catch {
          return .failed(error)
        }
      },
      done: { finished in
        if total >= 20 && (finished % 10 == 0 || finished == total) { progress?(finished, total) }
      })
    var firstError: StoreError?
    let last = state
    for (w, outcome) in zip(writes, outcomes) {
      switch w {
      case .upload, .update: requests.put += 1
      case .delete: requests.delete += 1
      }
      switch (w, outcome) {
      case (.upload(let name, let item), .done(let etag)):
        sent.new += 1
        stateOut.items[item.uid] = SyncState.Entry(href: name, etag: etag ?? "", kind: item.kind, item: item.json)
      case (.update(let name, let item, _), .done(let etag)):
        sent.changed += 1
        stateOut.items[item.uid] = SyncState.Entry(href: name, etag: etag ?? "", kind: item.kind, item: item.json)
      case (.delete(_, let uid, _, let t), .done):
        sent.deleted += 1
        stateOut.items[uid] = nil
        decisions.note(.deletedByUs(title: t))
      case (.upload(let name, let item), .failed(.precondition)),
        (.update(let name, let item, _), .failed(.precondition)):
        do throws(StoreError) {
          try await retry(item, name: name, into: &stateOut)
        } catch {
          firstError = firstError ?? error
        }
      case (.delete(_, let uid, _, let t), .failed(.precondition)):
        decisions.note(.notDeletedChangedThere(title: t))
        stateOut.items[uid] = nil
      case (.update(_, let item, _), .failed(.gone)):
        // Deleted there while changed here: the old state entry stays, so
        // the next sync sees both and records the conflict.
        decisions.note(.goneWhileWriting(title: SyncDecisions.title(item.json)))
        stateOut.items[item.uid] = last.items[item.uid]
      case (.upload(_, let item), .failed(.refused(let status, let reason))),
        (.update(_, let item, _), .failed(.refused(let status, let reason))):
        // The server refused this event: say which, keep going with the rest.
        decisions.note(.refused(uid: item.uid, status: status, reason: reason))
        stateOut.items[item.uid] = last.items[item.uid]
      case (.upload(_, let item), .failed(let e)), (.update(_, let item, _), .failed(let e)):
        stateOut.items[item.uid] = last.items[item.uid]
        firstError = firstError ?? e
      case (.delete(_, let uid, _, _), .failed(let e)):
        stateOut.items[uid] = last.items[uid]
        firstError = firstError ?? e
      }
    }
    if let firstError { throw firstError }
  }

  /// Someone wrote the item meanwhile: read theirs, merge, send once more;
  /// if someone is first again, a recorded conflict.
  func retry(_ item: SyncItems.Item, name: String, into stateOut: inout SyncState) async throws(StoreError) {
    let last = state.items[item.uid]
    let body: SyncDecisions.Body
    do {
      requests.read += 1
      body = try await store.get(name)
    } catch .gone {
      decisions.note(.goneWhileWriting(title: SyncDecisions.title(item.json)))
      stateOut.items[item.uid] = last
      return
    }
    guard let (kept, write, theirs) = decisions.afterRace(item, name: name, body: body) else {
      stateOut.items[item.uid] = last
      return
    }
    stateOut.items[item.uid] = kept
    guard case .update(_, let merged, let etag)? = write else { return }
    do {
      requests.put += 1
      let newTag = try await store.put(name, SyncItems.body(merged, plan, stamp: stamp), replacing: etag)
      sent.changed += 1
      stateOut.items[item.uid] = SyncState.Entry(href: name, etag: newTag ?? "", kind: merged.kind, item: merged.json)
    } catch .precondition {
      stateOut.items[item.uid] = decisions.clashAgain(merged, theirs: theirs, name: name, etag: etag)
    } catch .gone {
      decisions.note(.goneWhileWriting(title: SyncDecisions.title(item.json)))
      stateOut.items[item.uid] = last
    }
  }
}
