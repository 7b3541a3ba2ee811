import CalDAV
import PlanFormats
import PlanModel
import SyncEngine

/// The CalDAV client as the sync engine's store: hrefs become resource
/// names, and its errors become per-item outcomes (gone, someone first,
/// refused) or the end of the sync (the DAVError, worded by the command).
struct DAVStore: CalendarStore {
  let client: DAVClient

  /// The resource name of an href (the collection holds them all directly).
  static func name(_ href: String) -> String {
    let trimmed = href.hasSuffix("/") ? String(href.dropLast()) : href
    return String(trimmed.split(separator: "/").last ?? Substring(trimmed))
  }

  /// A failure of one item's request: what the engine decides on.
  static func itemError(_ e: DAVError) -> StoreError {
    switch e {
    case .gone: .gone
    case .precondition: .precondition
    case .status(let code, _, let reason): .refused(status: code, reason: reason)
    default: .failed(e)
    }
  }

  func changes(since token: String?) async throws(StoreError) -> StoreDelta? {
    do {
      guard let d = try await client.changes(since: token) else { return nil }
      var changed: [String: String] = [:]
      for r in d.changed { changed[Self.name(r.href)] = r.etag }
      return StoreDelta(changed: changed, deleted: d.deleted.map(Self.name), token: d.token)
    } catch { throw .failed(error) }
  }

  func list() async throws(StoreError) -> [String: String] {
    do {
      var out: [String: String] = [:]
      for r in try await client.list() { out[Self.name(r.href)] = r.etag }
      return out
    } catch { throw .failed(error) }
  }

  func multiget(_ names: [String]) async throws(StoreError) -> [String: StoreFetched]? {
    do {
      guard let got = try await client.multiget(names) else { return nil }
      return got.mapValues { f in
        switch f {
        case .body(let bytes, let etag): .body(SyncDecisions.Body(bytes, etag: etag))
        case .gone: .gone
        }
      }
    } catch { throw .failed(error) }
  }

  func get(_ name: String) async throws(StoreError) -> SyncDecisions.Body {
    do {
      let r = try await client.get(name)
      return SyncDecisions.Body(r.body, etag: r.etag)
    } catch { throw Self.itemError(error) }
  }

  func put(_ name: String, _ body: [UInt8], replacing etag: String?) async throws(StoreError) -> String? {
    do { return try await client.put(name, body, replacing: etag) } catch { throw Self.itemError(error) }
  }

  func delete(_ name: String, etag: String) async throws(StoreError) {
    do { try await client.delete(name, etag: etag) } catch {
      // A refused delete ends the sync as before: the item stays in the state.
      if case .status = error { throw .failed(error) }
      throw Self.itemError(error)
    }
  }
}
