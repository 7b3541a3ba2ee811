import CCurl
import Foundation

/// HTTP for the CalDAV client: libcurl (loaded on first use, see CCurl),
/// a few connections kept open between requests, and each blocking request
/// on a thread of its own so the sync's four at a time really overlap.
final class HTTPConnections: @unchecked Sendable {
  struct Answer: Sendable {
    var status: Int
    var body: [UInt8]
    var etag: String?
    var lastModified: String?
    /// The schemes the answer's WWW-Authenticate headers offer (CCURL_OFFERS_*).
    var offered: Int32
  }

  /// Who logs in, and how; the password goes to libcurl and nowhere else.
  struct Login: Sendable {
    var user: String
    var password: String
    var digest: Bool
  }

  enum Failure: Error, Sendable {
    case noLibrary(String)
    case timedOut
    case cannotConnect
    case tls(String)
    case other(String)
  }

  private let lock = NSLock()
  // Idle connections; only touched under `lock`.
  private var idle: [UnsafeMutableRawPointer] = []

  deinit {
    for c in idle { ccurl_connection_free(c) }
  }

  func perform(
    _ method: String, _ url: String, headers: [String], body: [UInt8]?, login: Login?, timeout: Int
  ) async -> Result<Answer, Failure> {
    await withCheckedContinuation { done in
      DispatchQueue.global().async {
        done.resume(
          returning: self.performBlocking(method, url, headers: headers, body: body, login: login, timeout: timeout))
      }
    }
  }

  private func performBlocking(
    _ method: String, _ url: String, headers: [String], body: [UInt8]?, login: Login?, timeout: Int
  ) -> Result<Answer, Failure> {
    let connection = lock.withLock { idle.popLast() } ?? ccurl_connection_new()
    defer { if let connection { lock.withLock { idle.append(connection) } } }
    var answer = ccurl_answer()
    defer { ccurl_answer_free(&answer) }
    // C strings for the header lines live until the request is done.
    let lines = headers.map { strdup($0) }
    defer { for l in lines { free(l) } }
    let pointers: [UnsafePointer<CChar>?] = lines.map { $0.map { UnsafePointer($0) } }
    let auth = login.map { $0.digest ? CCURL_AUTH_DIGEST : CCURL_AUTH_BASIC } ?? CCURL_AUTH_NONE
    let user = login?.user ?? ""
    let password = login?.password ?? ""
    pointers.withUnsafeBufferPointer { headerList in
      user.withCString { user in
        password.withCString { password in
          if let body {
            body.withUnsafeBufferPointer { bytes in
              // An empty body still needs a pointer: it means "send no bytes".
              let start = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)
              ccurl_perform(
                connection, method, url, headerList.baseAddress, Int32(lines.count), start, bytes.count, user,
                password, Int32(auth.rawValue), timeout, &answer)
            }
          } else {
            ccurl_perform(
              connection, method, url, headerList.baseAddress, Int32(lines.count), nil, 0, user, password,
              Int32(auth.rawValue), timeout, &answer)
          }
        }
      }
    }
    let detail = withUnsafeBytes(of: answer.detail) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    switch Int(answer.failure) {
    case Int(CCURL_OK.rawValue):
      let bytes = answer.body.map { [UInt8](UnsafeBufferPointer(start: $0, count: answer.body_length)) } ?? []
      return .success(
        Answer(
          status: answer.status, body: bytes, etag: answer.etag.map { String(cString: $0) },
          lastModified: answer.last_modified.map { String(cString: $0) }, offered: answer.offered))
    case Int(CCURL_NO_LIBRARY.rawValue): return .failure(.noLibrary(detail))
    case Int(CCURL_TIMED_OUT.rawValue): return .failure(.timedOut)
    case Int(CCURL_CANNOT_CONNECT.rawValue): return .failure(.cannotConnect)
    case Int(CCURL_TLS.rawValue): return .failure(.tls(detail))
    default: return .failure(.other(detail))
    }
  }
}
