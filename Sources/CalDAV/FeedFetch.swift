import Foundation

/// A calendar feed (an `.ics` address a region or a school publishes),
/// read with a conditional GET: the ETag and Last-Modified of the copy
/// kept go along, and a 304 says the copy is still the calendar.
public enum FeedFetch {
  public enum Answer: Sendable, Equatable {
    case changed(body: [UInt8], etag: String?, lastModified: String?)
    case notModified
    case failed(Failure)
  }

  /// Why no calendar came, as data; the command words it.
  public enum Failure: Sendable, Equatable {
    case status(Int)
    case transport(DAVError.Transport, host: String)
    case tooLarge(Int)
    case noLibrary(String)
  }

  /// The largest feed read: a year of a region's meetings is kilobytes.
  public static let maxBytes = 32 << 20

  public static func get(
    _ url: URL, etag: String?, lastModified: String?, timeout: Int = 20
  ) async -> Answer {
    var headers = ["Accept: text/calendar, */*;q=0.1"]
    if let etag { headers.append("If-None-Match: \(etag)") }
    if let lastModified { headers.append("If-Modified-Since: \(lastModified)") }
    let host = url.host ?? ""
    switch await HTTPConnections().perform(
      "GET", url.absoluteString, headers: headers, body: nil, login: nil, timeout: timeout)
    {
    case .success(let a):
      if a.status == 304 { return .notModified }
      guard (200..<300).contains(a.status) else { return .failed(.status(a.status)) }
      guard a.body.count <= maxBytes else { return .failed(.tooLarge(a.body.count)) }
      return .changed(body: a.body, etag: a.etag, lastModified: a.lastModified)
    case .failure(.timedOut): return .failed(.transport(.timedOut, host: host))
    case .failure(.cannotConnect): return .failed(.transport(.cannotConnect, host: host))
    case .failure(.tls(let why)): return .failed(.transport(.tls(why), host: host))
    case .failure(.other(let why)): return .failed(.transport(.other(why), host: host))
    case .failure(.noLibrary(let why)): return .failed(.noLibrary(why))
    }
  }
}
