import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The copy of each calendar feed a layer reads, kept under the user's
/// cache folder (`$XDG_CACHE_HOME/arshjul/feeds`, else `~/.cache/…`): never
/// beside the plan and never in git, readable by its owner only. Beside
/// the calendar, a few lines say what the next conditional GET sends and
/// since when the feed has failed.
public enum FeedCache {
  public struct Entry: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?
    /// When the copy was last fetched or confirmed (seconds since 1970).
    public var fetched: Int?
    /// Since when, and why, the feed has not answered (nil when it did last time).
    public var failedSince: Int?
    public var failure: String?

    public init(
      etag: String? = nil, lastModified: String? = nil, fetched: Int? = nil, failedSince: Int? = nil,
      failure: String? = nil
    ) {
      self.etag = etag
      self.lastModified = lastModified
      self.fetched = fetched
      self.failedSince = failedSince
      self.failure = failure
    }
  }

  /// The cache folder, from the environment as XDG says.
  public static func folder(environment env: [String: String]) -> String? {
    if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/arshjul/feeds" }
    guard let home = env["HOME"], !home.isEmpty else { return nil }
    return home + "/.cache/arshjul/feeds"
  }

  /// The name a feed's files have: a hash of its address (which may not be a file name).
  static func name(_ url: String) -> String { "feed-" + contentHash(Array(url.utf8)) }

  /// The copy kept of a feed and what was said of it; nil when never fetched.
  public static func read(_ url: String, in folder: String) -> (entry: Entry, body: [UInt8]?) {
    let base = folder + "/" + name(url)
    let body = try? FileBytes.read(base + ".ics", limit: 64 << 20, noFollow: true)
    guard let meta = try? FileBytes.read(base + ".state", limit: 64 << 10, noFollow: true) else {
      return (Entry(), body)
    }
    var e = Entry()
    for line in String(decoding: meta, as: UTF8.self).split(separator: "\n") {
      guard let tab = line.firstIndex(of: "\t") else { continue }
      let value = String(line[line.index(after: tab)...])
      switch line[..<tab] {
      case "etag": e.etag = value
      case "last-modified": e.lastModified = value
      case "fetched": e.fetched = Int(value)
      case "failed-since": e.failedSince = Int(value)
      case "failure": e.failure = value
      default: break
      }
    }
    return (e, body)
  }

  /// Keeps what a fetch said: the new copy (when one came) and the entry.
  public static func write(_ url: String, entry: Entry, body: [UInt8]?, in folder: String) throws(FileError) {
    try makeFolder(folder)
    let base = folder + "/" + name(url)
    if let body { try AtomicFile.writePrivate(body, to: base + ".ics") }
    var lines = "url\t" + oneLine(url) + "\n"
    if let v = entry.etag { lines += "etag\t" + oneLine(v) + "\n" }
    if let v = entry.lastModified { lines += "last-modified\t" + oneLine(v) + "\n" }
    if let v = entry.fetched { lines += "fetched\t\(v)\n" }
    if let v = entry.failedSince { lines += "failed-since\t\(v)\n" }
    if let v = entry.failure { lines += "failure\t" + oneLine(v) + "\n" }
    try AtomicFile.writePrivate(Array(lines.utf8), to: base + ".state")
  }

  static func oneLine(_ s: String) -> String {
    String(s.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : Character($0) })
  }

  /// The folder and its parents, the last ones for the owner only.
  static func makeFolder(_ path: String) throws(FileError) {
    var built = ""
    for part in path.split(separator: "/") {
      built += "/" + part
      if mkdir(built, 0o700) != 0 && errno != EEXIST {
        throw FileError("cannot make the cache folder \(visibleName(built)): \(errnoText(errno))")
      }
    }
  }
}
