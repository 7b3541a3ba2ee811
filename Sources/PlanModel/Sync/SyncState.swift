/// What the last sync left, kept beside the plan in `PLAN.arshjul-sync`
/// (out of git, like the lock): for every item on the server its resource,
/// ETag and the item as it was then — the base of the next three-way merge.
public struct SyncState: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var href: String
    public var etag: String
    public var kind: Conflict.Kind
    /// The item's JSON as last synced.
    public var item: JSONNode

    public init(href: String, etag: String, kind: Conflict.Kind, item: JSONNode) {
      self.href = href
      self.etag = etag
      self.kind = kind
      self.item = item
    }

    public static func == (a: Entry, b: Entry) -> Bool {
      a.href == b.href && a.etag == b.etag && a.kind == b.kind && a.item.sameValue(b.item)
    }
  }

  /// Events on the server this plan did not make, by href: their ETag and title.
  public struct Foreign: Sendable, Equatable {
    public var etag: String
    public var uid: String
    public var title: String
    public init(etag: String, uid: String, title: String) {
      self.etag = etag
      self.uid = uid
      self.title = title
    }
  }

  public var url: String
  /// The server's sync token (RFC 6578) as of the last sync, where it offers them.
  public var token: String?
  public var items: [String: Entry] = [:]
  public var foreign: [String: Foreign] = [:]

  public init(url: String) { self.url = url }

  public static let format = "arshjul-sync"

  public func encoded() -> [UInt8] {
    var entries: [(String, JSONNode)] = []
    for (uid, e) in items.sorted(by: { $0.key < $1.key }) {
      entries.append(
        (
          uid,
          .object([
            ("href", .string(e.href)), ("etag", .string(e.etag)), ("kind", .string(e.kind.rawValue)), ("item", e.item),
          ])
        ))
    }
    var others: [(String, JSONNode)] = []
    for (href, f) in foreign.sorted(by: { $0.key < $1.key }) {
      others.append((href, .object([("etag", .string(f.etag)), ("uid", .string(f.uid)), ("title", .string(f.title))])))
    }
    let root = JSONNode.object(
      [
        ("format", .string(SyncState.format)), ("version", .int(1)), ("url", .string(url)),
        ("items", .object(entries)), ("foreign", .object(others)),
      ] + (token.map { [("token", JSONNode.string($0))] } ?? []))
    return JSONWriter.bytes(root)
  }

  /// The state in these bytes; nil when they are not a sync state.
  public static func decode(_ bytes: [UInt8]) -> SyncState? {
    guard let root = try? JSONParser.parse(bytes), let top = root.members,
      case .string(format)? = top["format"]?.value, case .string(let url)? = top["url"]?.value
    else { return nil }
    var state = SyncState(url: url)
    if case .string(let t)? = top["token"]?.value { state.token = t }
    for (uid, node) in top["items"]?.members ?? [:] {
      guard let m = node.members, case .string(let href)? = m["href"]?.value,
        case .string(let etag)? = m["etag"]?.value,
        case .string(let k)? = m["kind"]?.value, let kind = Conflict.Kind(rawValue: k), let item = m["item"]
      else { return nil }
      state.items[uid] = Entry(href: href, etag: etag, kind: kind, item: item)
    }
    for (href, node) in top["foreign"]?.members ?? [:] {
      guard let m = node.members, case .string(let etag)? = m["etag"]?.value, case .string(let uid)? = m["uid"]?.value,
        case .string(let title)? = m["title"]?.value
      else { return nil }
      state.foreign[href] = Foreign(etag: etag, uid: uid, title: title)
    }
    return state
  }
}
