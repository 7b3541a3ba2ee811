import Foundation
import PlanFormats
import PlanModel
import SyncEngine

/// A calendar collection in memory, with the habits of real servers that
/// the sync must survive, each switched on by a flag: no ETag in a PUT's
/// answer (Radicale 2 before 3.1, some Nextcloud set-ups), a body stored
/// other than it was sent (SabreDAV adds its PRODID; others reorder), no
/// sync tokens (SabreDAV 1.8), no multiget, and a cut after any request
/// (the network going down, done or not done on the server).
final class MemoryStore: CalendarStore, @unchecked Sendable {
  struct Resource {
    var body: [UInt8]
    var etag: String
  }

  struct Cut: Error {}

  private let lock = NSLock()
  private var resources: [String: Resource] = [:]
  /// Every change with the version it made, for sync tokens.
  private var history: [(version: Int, name: String)] = []
  private var version = 0
  private var count = 0

  var sendsETagOnPut = true
  var rewritesBodies = false
  var keepsTokens = true
  var answersMultiget = true
  /// The request with this number (from 1) fails; `cutAfter` says whether
  /// it was carried out first (the answer lost) or not at all.
  var cutAt: Int?
  var cutAfter = false
  /// Someone else's change, made just before the request with this number
  /// (between the sync's listing and its writes, or after them).
  var meanwhile: (at: Int, change: Change)?
  /// More of those, for the tests that need someone twice.
  var alsoMeanwhile: [(at: Int, change: Change)] = []
  /// Names whose writes the store refuses (a 403 for an event it will not keep).
  var refuses: Set<String> = []

  enum Change {
    case edit(String, property: String, value: String)
    case remove(String)
  }

  var requestCount: Int { lock.withLock { count } }
  var names: [String] { lock.withLock { resources.keys.sorted() } }
  func body(_ name: String) -> [UInt8]? { lock.withLock { resources[name]?.body } }

  /// A request: counted, cut where asked, carried out under the lock.
  private func request<T>(_ work: () throws(StoreError) -> T) throws(StoreError) -> T {
    lock.lock()
    defer { lock.unlock() }
    count += 1
    if let m = meanwhile, m.at == count {
      meanwhile = nil
      apply(m.change)
    }
    for m in alsoMeanwhile where m.at == count { apply(m.change) }
    if count == cutAt {
      if cutAfter { _ = try? work() }
      throw .failed(Cut())
    }
    return try work()
  }

  private func stamp(_ name: String) -> String {
    version += 1
    history.append((version, name))
    return "\"v\(version)\""
  }

  /// What the store keeps of a body it is sent.
  private func stored(_ body: [UInt8]) -> [UInt8] {
    guard rewritesBodies else { return body }
    var text = String(decoding: body, as: UTF8.self)
    if let r = text.range(of: #"PRODID:[^\r\n]*"#, options: .regularExpression) {
      text.replaceSubrange(r, with: "PRODID:-//Memory Store//EN")
    }
    text = text.replacingOccurrences(of: "END:VEVENT", with: "X-MEMORY-SEEN:1\r\nEND:VEVENT")
    return Array(text.utf8)
  }

  func changes(since token: String?) async throws(StoreError) -> StoreDelta? {
    try request { () throws(StoreError) -> StoreDelta? in
      guard keepsTokens else { return nil }
      let from = token.flatMap { Int($0.dropFirst(5)) } ?? 0
      var changed: [String: String] = [:]
      var deleted: [String] = []
      for name in Set(history.filter { $0.version > from }.map(\.name)) {
        if let r = resources[name] { changed[name] = r.etag } else if token != nil { deleted.append(name) }
      }
      return StoreDelta(changed: changed, deleted: deleted.sorted(), token: "token\(version)")
    }
  }

  func list() async throws(StoreError) -> [String: String] {
    try request { () throws(StoreError) -> [String: String] in resources.mapValues(\.etag) }
  }

  func multiget(_ names: [String]) async throws(StoreError) -> [String: StoreFetched]? {
    try request { () throws(StoreError) -> [String: StoreFetched]? in
      guard answersMultiget else { return nil }
      var out: [String: StoreFetched] = [:]
      for name in names {
        if let r = resources[name] {
          out[name] = .body(SyncDecisions.Body(r.body, etag: r.etag))
        } else {
          out[name] = .gone
        }
      }
      return out
    }
  }

  func get(_ name: String) async throws(StoreError) -> SyncDecisions.Body {
    try request { () throws(StoreError) -> SyncDecisions.Body in
      guard let r = resources[name] else { throw .gone }
      return SyncDecisions.Body(r.body, etag: r.etag)
    }
  }

  func put(_ name: String, _ body: [UInt8], replacing etag: String?) async throws(StoreError) -> String? {
    try request { () throws(StoreError) -> String? in
      if refuses.contains(name) { throw .refused(status: 403, reason: "not kept here") }
      switch (etag, resources[name]) {
      case (nil, _?): throw .precondition
      case (_?, nil): throw .gone
      case (let want?, let have?) where want != have.etag: throw .precondition
      default: break
      }
      let tag = stamp(name)
      resources[name] = Resource(body: stored(body), etag: tag)
      return sendsETagOnPut ? tag : nil
    }
  }

  func delete(_ name: String, etag: String) async throws(StoreError) {
    try request { () throws(StoreError) in
      guard let have = resources[name] else { return }
      if have.etag != etag { throw .precondition }
      resources[name] = nil
      _ = stamp(name)
    }
  }

  // What someone else does with a calendar app, between syncs (not counted).

  /// Sets (or adds) a property of an event, or deletes one.
  func change(_ c: Change) { lock.withLock { apply(c) } }

  private func apply(_ c: Change) {
    switch c {
    case .edit(let name, let property, let value):
      guard let r = resources[name] else { return }
      var lines = String(decoding: r.body, as: UTF8.self).components(separatedBy: "\r\n")
      if let i = lines.firstIndex(where: { $0.hasPrefix(property + ":") || $0.hasPrefix(property + ";") }) {
        lines[i] = "\(property):\(value)"
      } else if let end = lines.firstIndex(of: "END:VEVENT") {
        lines.insert("\(property):\(value)", at: end)
      }
      resources[name] = Resource(body: Array(lines.joined(separator: "\r\n").utf8), etag: stamp(name))
    case .remove(let name):
      guard resources[name] != nil else { return }
      resources[name] = nil
      _ = stamp(name)
    }
  }

  func add(_ name: String, body: String) {
    lock.withLock { resources[name] = Resource(body: Array(body.utf8), etag: stamp(name)) }
  }
}
