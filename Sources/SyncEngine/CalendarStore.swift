import PlanFormats
import PlanModel

/// A calendar collection as the sync sees it: resources by name, each with
/// an ETag, read and written with preconditions. The CalDAV client is one
/// (adapted in the command); the tests' in-memory store is another, so the
/// engine's behaviour is tested without a server.
public protocol CalendarStore: Sendable {
  /// What changed since `token` (RFC 6578): names with new ETags, names
  /// gone, the next token. With no token, everything. Nil when the store
  /// keeps no tokens (then `list`).
  func changes(since token: String?) async throws(StoreError) -> StoreDelta?
  /// Every resource's name and ETag.
  func list() async throws(StoreError) -> [String: String]
  /// Many bodies in one request; nil when the store cannot (then `get`).
  /// A name missing from the answer was not answered; `.gone` went away.
  func multiget(_ names: [String]) async throws(StoreError) -> [String: StoreFetched]?
  /// One body; `.gone` when it is not there.
  func get(_ name: String) async throws(StoreError) -> SyncDecisions.Body
  /// Creates (`etag` nil: only if absent) or replaces (only if the ETag is
  /// still this one); the new ETag where the store says it.
  /// `.precondition` when someone was first; `.gone` replacing what is not there.
  func put(_ name: String, _ body: [UInt8], replacing etag: String?) async throws(StoreError) -> String?
  /// Deletes if the ETag is still this one; what is already gone is done.
  func delete(_ name: String, etag: String) async throws(StoreError)
}

public struct StoreDelta: Sendable, Equatable {
  public var changed: [String: String]
  public var deleted: [String]
  public var token: String
  public init(changed: [String: String], deleted: [String], token: String) {
    self.changed = changed
    self.deleted = deleted
    self.token = token
  }
}

public enum StoreFetched: Sendable {
  case body(SyncDecisions.Body)
  case gone
}

/// How a request went wrong, as far as the sync decides on it: one item's
/// outcome (gone, someone first, refused) or the end of the sync (failed,
/// with the store's own error for the command to word).
public enum StoreError: Error, Sendable {
  case gone
  case precondition
  case refused(status: Int, reason: String)
  case failed(any Error & Sendable)
}
