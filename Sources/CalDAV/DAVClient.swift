import CCurl
import Foundation

/// A CalDAV (RFC 4791) calendar collection over HTTP: list its resources
/// with their ETags, read, write and delete one, with the preconditions that
/// keep two writers from overwriting each other (`If-None-Match: *` to
/// create, `If-Match` to change or delete; 412 when someone was first).
/// libcurl does the HTTP (HTTPConnections): it speaks https with the
/// system's certificates and keeps connections open, and a sync needs
/// nothing more than requests and answers.
public struct DAVClient: Sendable {
  public let collection: URL
  let user: String?
  let password: String?
  let timeout: TimeInterval
  let connections = HTTPConnections()
  /// Basic until a server asks for Digest (Baïkal does); then Digest for
  /// the rest of the sync, libcurl answering each challenge.
  let scheme = AuthScheme()

  public init(collection: URL, user: String?, password: String?, timeout: TimeInterval = 30) {
    var url = collection
    if !url.path.hasSuffix("/") { url = url.appendingPathComponent("") }
    self.collection = url
    self.user = user
    self.password = password
    self.timeout = timeout
  }

  final class AuthScheme: @unchecked Sendable {
    private let lock = NSLock()
    private var digest = false
    var usesDigest: Bool {
      get { lock.withLock { digest } }
      set { lock.withLock { digest = newValue } }
    }
  }

  public struct Resource: Sendable, Equatable {
    public var href: String
    public var etag: String
  }

  public struct Response: Sendable {
    public var status: Int
    public var body: [UInt8]
    public var etag: String?
    /// What a 401 offered (CCURL_OFFERS_*) and what was sent ("Basic", "Digest", nil: no login).
    var offered: Int32 = 0
    var tried: String?
  }

  /// One request; transport failures become `DAVError`s a planner can read.
  /// A 401 that offers Digest to a client that sent Basic is asked again
  /// with Digest; any other 401 comes back as an answer, with what the
  /// server asked for and what was tried.
  func send(
    _ method: String, _ url: URL, body: [UInt8]? = nil, headers: [String: String] = [:]
  ) async throws(DAVError) -> Response {
    let digest = scheme.usesDigest
    let r = try await sendOnce(method, url, body: body, headers: headers, digest: digest)
    if r.status == 401, !digest, user != nil, r.offered & Int32(CCURL_OFFERS_DIGEST.rawValue) != 0 {
      scheme.usesDigest = true
      return try await sendOnce(method, url, body: body, headers: headers, digest: true)
    }
    return r
  }

  func sendOnce(
    _ method: String, _ url: URL, body: [UInt8]?, headers: [String: String], digest: Bool
  ) async throws(DAVError) -> Response {
    let lines = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    let login = user.flatMap { u in password.map { HTTPConnections.Login(user: u, password: $0, digest: digest) } }
    let host = url.host ?? ""
    switch await connections.perform(
      method, url.absoluteString, headers: lines, body: body, login: login, timeout: max(1, Int(timeout.rounded(.up))))
    {
    case .success(let a):
      var r = Response(status: a.status, body: a.body, etag: a.etag)
      r.offered = a.offered
      r.tried = login == nil ? nil : (digest ? "Digest" : "Basic")
      return r
    case .failure(.timedOut): throw DAVError.transport(.timedOut, host)
    case .failure(.cannotConnect): throw DAVError.transport(.cannotConnect, host)
    case .failure(.tls(let why)): throw DAVError.transport(.tls(why), host)
    case .failure(.other(let why)): throw DAVError.transport(.other(why), host)
    case .failure(.noLibrary(let why)):
      throw DAVError.other(
        "cannot load libcurl, which sync needs for HTTP (\(why)); install it (apt-get install libcurl4)")
    }
  }

  public func url(for href: String) -> URL {
    URL(string: href, relativeTo: collection)?.absoluteURL ?? collection.appendingPathComponent(href)
  }

  /// Every calendar resource in the collection with its ETag (PROPFIND,
  /// Depth 1, getetag only: no event bodies).
  public func list() async throws(DAVError) -> [Resource] {
    let body = """
      <?xml version="1.0" encoding="utf-8"?>
      <d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>
      """
    let r = try await send(
      "PROPFIND", collection, body: Array(body.utf8),
      headers: ["Depth": "1", "Content-Type": "application/xml; charset=utf-8"])
    try check(r, "list the calendar")
    let entries = MultiStatus.parse(r.body)
    let own = collection.path
    return entries.compactMap { e in
      guard let etag = e.etag, !e.isCollection, e.status == nil || e.status == 200 else { return nil }
      let path = URL(string: e.href, relativeTo: collection)?.path ?? e.href
      if path == own || path + "/" == own { return nil }
      return Resource(href: e.href, etag: etag)
    }
  }

  /// What changed since `token` (RFC 6578 sync-collection): resources with
  /// their new ETags, hrefs gone, and the token for next time. With no token,
  /// every resource. Nil when the server does not offer it (then `list`).
  public func changes(since token: String?) async throws(DAVError) -> (
    changed: [Resource], deleted: [String], token: String
  )? {
    let body = """
      <?xml version="1.0" encoding="utf-8"?>
      <d:sync-collection xmlns:d="DAV:"><d:sync-token>\(MultiStatus.escape(token ?? ""))</d:sync-token>\
      <d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>
      """
    let r = try await send(
      "REPORT", collection, body: Array(body.utf8), headers: ["Content-Type": "application/xml; charset=utf-8"])
    // Not offered, or the token is too old (403 valid-sync-token): list instead.
    if r.status == 400 || r.status == 403 || r.status == 405 || r.status == 409 || r.status == 412
      || r.status == 415 || r.status == 501
    {
      return nil
    }
    try check(r, "list the calendar's changes")
    let (entries, newToken) = MultiStatus.read(r.body)
    guard let newToken else { return nil }
    var changed: [Resource] = []
    var deleted: [String] = []
    for e in entries where !e.isCollection {
      if e.status == 404 {
        deleted.append(e.href)
      } else if let etag = e.etag {
        changed.append(Resource(href: e.href, etag: etag))
      }
    }
    return (changed, deleted, newToken)
  }

  /// Whether the URL is a calendar collection (for a clear first error).
  public func checkCalendar() async throws(DAVError) {
    let body = """
      <?xml version="1.0" encoding="utf-8"?>
      <d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>
      """
    let r = try await send(
      "PROPFIND", collection, body: Array(body.utf8),
      headers: ["Depth": "0", "Content-Type": "application/xml; charset=utf-8"])
    try check(r, "open the calendar")
    let me = MultiStatus.parse(r.body).first
    // Xandikos answers 207 with a 404 inside for a collection that is not there.
    if me?.status == 404 { throw DAVError.notFound }
    if me?.isCalendar != true { throw DAVError.notCalendar }
  }

  /// Makes the collection (MKCALENDAR), for `--create`.
  public func create(name: String) async throws(DAVError) {
    let body = """
      <?xml version="1.0" encoding="utf-8"?>
      <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>\
      <d:displayname>\(MultiStatus.escape(name))</d:displayname></d:prop></d:set></c:mkcalendar>
      """
    let r = try await send(
      "MKCALENDAR", collection, body: Array(body.utf8), headers: ["Content-Type": "application/xml; charset=utf-8"])
    try check(r, "create the calendar")
  }

  public func get(_ href: String) async throws(DAVError) -> (body: [UInt8], etag: String?) {
    let r = try await send("GET", url(for: href))
    if r.status == 404 || r.status == 410 { throw DAVError.gone }
    try check(r, "read \(href)")
    return (r.body, r.etag)
  }

  /// What one calendar-multiget (RFC 4791 §7.9) says of each href asked:
  /// its body and ETag, or gone. Nil when the server does not offer it.
  public enum Fetched: Sendable, Equatable {
    case body([UInt8], etag: String?)
    case gone
  }

  public func multiget(_ hrefs: [String]) async throws(DAVError) -> [String: Fetched]? {
    let paths = hrefs.map { "<d:href>\(MultiStatus.escape(url(for: $0).path))</d:href>" }.joined()
    let body = """
      <?xml version="1.0" encoding="utf-8"?>
      <c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">\
      <d:prop><d:getetag/><c:calendar-data/></d:prop>\(paths)</c:calendar-multiget>
      """
    let r = try await send(
      "REPORT", collection, body: Array(body.utf8),
      headers: ["Depth": "1", "Content-Type": "application/xml; charset=utf-8"])
    if r.status == 400 || r.status == 403 || r.status == 405 || r.status == 415 || r.status == 501 { return nil }
    try check(r, "read the calendar's changed events")
    var out: [String: Fetched] = [:]
    let wanted = Dictionary(hrefs.map { (url(for: $0).path, $0) }, uniquingKeysWith: { a, _ in a })
    for e in MultiStatus.parse(r.body) {
      let path = URL(string: e.href, relativeTo: collection)?.path ?? e.href
      guard let name = wanted[path] ?? wanted[e.href] else { continue }
      if let data = e.calendarData {
        out[name] = .body(Array(data.utf8), etag: e.etag)
      } else if e.status == 404 || e.status == 410 {
        out[name] = .gone
      }
    }
    return out
  }

  /// Creates (`etag` nil: If-None-Match) or changes (If-Match) a resource;
  /// the new ETag when the server says it.
  public func put(_ href: String, _ body: [UInt8], replacing etag: String?) async throws(DAVError) -> String? {
    var headers = ["Content-Type": "text/calendar; charset=utf-8"]
    if let etag { headers["If-Match"] = etag } else { headers["If-None-Match"] = "*" }
    let r = try await send("PUT", url(for: href), body: body, headers: headers)
    // A change to an event deleted meanwhile (If-Match on nothing).
    if etag != nil && (r.status == 404 || r.status == 410) { throw DAVError.gone }
    try check(r, "write \(href)")
    return r.etag
  }

  public func delete(_ href: String, etag: String) async throws(DAVError) {
    let r = try await send("DELETE", url(for: href), headers: ["If-Match": etag])
    if r.status == 404 || r.status == 410 { return }  // already gone: what we wanted
    try check(r, "delete \(href)")
  }

  func check(_ r: Response, _ what: String) throws(DAVError) {
    switch r.status {
    case 200..<300: return
    case 401, 403:
      var asked: [String] = []
      if r.offered & Int32(CCURL_OFFERS_BASIC.rawValue) != 0 { asked.append("Basic") }
      if r.offered & Int32(CCURL_OFFERS_DIGEST.rawValue) != 0 { asked.append("Digest") }
      if r.offered & Int32(CCURL_OFFERS_OTHER.rawValue) != 0 { asked.append("another scheme") }
      throw DAVError.unauthorized(r.status, asked: asked, tried: r.tried.map { "\($0) as \(user ?? "")" })
    case 404: throw DAVError.notFound
    case 405, 501: throw DAVError.notCalDAV(r.status)
    case 412: throw DAVError.precondition
    default:
      let reason =
        String(decoding: r.body.prefix(300), as: UTF8.self)
        .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .first { !$0.isEmpty && !$0.hasPrefix("<") } ?? ""
      throw DAVError.status(r.status, what, reason)
    }
  }
}

public enum DAVError: Error, Sendable, Equatable {
  /// The status, the schemes the server asked for, and what was tried (nil: no login).
  case unauthorized(Int, asked: [String], tried: String?)
  case notFound
  case notCalDAV(Int)
  case notCalendar
  case precondition
  /// One event is not there (any more): deleted by someone while the sync ran.
  case gone
  case status(Int, String, String)
  case transport(Transport, String)
  case other(String)

  /// Below HTTP: why no answer came.
  public enum Transport: Sendable, Equatable {
    case timedOut
    case cannotConnect
    case tls(String)
    case other(String)
  }

}
