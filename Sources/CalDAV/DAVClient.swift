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
  let authorization: String?
  let timeout: TimeInterval
  let connections = HTTPConnections()

  public init(collection: URL, user: String?, password: String?, timeout: TimeInterval = 30) {
    var url = collection
    if !url.path.hasSuffix("/") { url = url.appendingPathComponent("") }
    self.collection = url
    if let user, let password {
      authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    } else {
      authorization = nil
    }
    self.timeout = timeout
  }

  public struct Resource: Sendable, Equatable {
    public var href: String
    public var etag: String
  }

  public struct Response: Sendable {
    public var status: Int
    public var body: [UInt8]
    public var etag: String?
  }

  /// One request; transport failures become `DAVError`s a planner can read.
  /// The Authorization header is ours, so a 401 comes back as an answer.
  func send(
    _ method: String, _ url: URL, body: [UInt8]? = nil, headers: [String: String] = [:]
  ) async throws(DAVError) -> Response {
    var lines = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    if let authorization { lines.append("Authorization: \(authorization)") }
    let host = url.host ?? ""
    switch await connections.perform(
      method, url.absoluteString, headers: lines, body: body, timeout: max(1, Int(timeout.rounded(.up))))
    {
    case .success(let a): return Response(status: a.status, body: a.body, etag: a.etag)
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
    try check(r, "read \(href)")
    return (r.body, r.etag)
  }

  /// Creates (`etag` nil: If-None-Match) or changes (If-Match) a resource;
  /// the new ETag when the server says it.
  public func put(_ href: String, _ body: [UInt8], replacing etag: String?) async throws(DAVError) -> String? {
    var headers = ["Content-Type": "text/calendar; charset=utf-8"]
    if let etag { headers["If-Match"] = etag } else { headers["If-None-Match"] = "*" }
    let r = try await send("PUT", url(for: href), body: body, headers: headers)
    try check(r, "write \(href)")
    return r.etag
  }

  public func delete(_ href: String, etag: String) async throws(DAVError) {
    let r = try await send("DELETE", url(for: href), headers: ["If-Match": etag])
    if r.status == 404 { return }  // already gone: what we wanted
    try check(r, "delete \(href)")
  }

  func check(_ r: Response, _ what: String) throws(DAVError) {
    switch r.status {
    case 200..<300: return
    case 401, 403: throw DAVError.unauthorized(r.status)
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
  case unauthorized(Int)
  case notFound
  case notCalDAV(Int)
  case notCalendar
  case precondition
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

  /// One line, with what to do.
  public var message: String {
    switch self {
    case .unauthorized(let s):
      return
        "the server refused the user name or password (\(s)); check --user and the password (~/.netrc, ARSHJUL_PASSWORD or --password-file)"
    case .notFound:
      return
        "there is no calendar at that URL; create one in your calendar app (or on the server), or run with --create"
    case .notCalDAV(let s): return "the server does not speak CalDAV at that URL (\(s)); give the calendar's own URL"
    case .notCalendar: return "that URL is not a calendar collection; give the calendar's own URL (it ends in /)"
    case .precondition: return "someone changed the event at the same moment; run the sync again"
    case .status(let s, let what, let reason):
      return "the server answered \(s) when asked to \(what)" + (reason.isEmpty ? "" : ": \(reason)")
    case .transport(let why, let host):
      switch why {
      case .timedOut: return "\(host) did not answer in time; check the network and try again"
      case .cannotConnect: return "cannot reach \(host); is the server up and the URL right?"
      case .tls(let detail):
        return
          "the secure connection to \(host) failed (\(detail)); check the URL and the server's certificate"
      case .other(let detail): return "the connection to \(host) failed (\(detail))"
      }
    case .other(let s): return s
    }
  }
}
