/// A calendar's URL as the plan keeps it and as messages show it. A URL
/// never carries a password into the plan (the file goes into git), but a
/// plan written by an older arshjul may hold one: it is shown masked.
public enum CalendarURL {
  /// True when the URL has a user name or password before its host
  /// (`https://anna:S3cret@host/…`).
  public static func hasUserInfo(_ url: String) -> Bool { userInfoRange(url) != nil }

  /// The URL with the password of its user info replaced by `***`.
  public static func masked(_ url: String) -> String {
    guard let info = userInfoRange(url) else { return url }
    let userInfo = url[info]
    guard let colon = userInfo.firstIndex(of: ":") else { return url }
    return String(url[..<url.index(after: colon)]) + "***" + String(url[info.upperBound...])
  }

  /// Where the user info stands: after `scheme://`, before the last `@` of
  /// the authority (which ends at the first `/`, `?` or `#`).
  static func userInfoRange(_ url: String) -> Range<String.Index>? {
    guard let scheme = url.range(of: "://") else { return nil }
    let authorityEnd = url[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
    guard let at = url[scheme.upperBound..<authorityEnd].lastIndex(of: "@") else { return nil }
    return scheme.upperBound..<at
  }

  /// Whether an address's host is this machine: plain http is safe only
  /// there (nobody on the way can read or change what goes).
  public static func isThisMachine(_ url: String) -> Bool {
    guard let scheme = url.range(of: "://") else { return false }
    var host = Substring(url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
    if host.hasPrefix("[") {
      host = host.prefix { $0 != "]" } + "]"
    } else if let colon = host.lastIndex(of: ":") {
      host = host[..<colon]
    }
    return isThisMachine(host: String(host))
  }

  /// Whether a host name is this machine's.
  public static func isThisMachine(host: String) -> Bool {
    ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
  }
}
