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
    _ method: String, _ url: String, headers: [String], body: [UInt8]?, timeout: Int
  ) async -> Result<Answer, Failure> {
    await withCheckedContinuation { done in
      DispatchQueue.global().async {
        done.resume(returning: self.performBlocking(method, url, headers: headers, body: body, timeout: timeout))
      }
    }
  }

  private func performBlocking(
    _ method: String, _ url: String, headers: [String], body: [UInt8]?, timeout: Int
  ) -> Result<Answer, Failure> {
    let connection = lock.withLock { idle.popLast() } ?? ccurl_connection_new()
    defer { if let connection { lock.withLock { idle.append(connection) } } }
    var answer = ccurl_answer()
    defer { ccurl_answer_free(&answer) }
    // C strings for the header lines live until the request is done.
    let lines = headers.map { strdup($0) }
    defer { for l in lines { free(l) } }
    let pointers: [UnsafePointer<CChar>?] = lines.map { $0.map { UnsafePointer($0) } }
    pointers.withUnsafeBufferPointer { headerList in
      if let body {
        body.withUnsafeBufferPointer { bytes in
          // An empty body still needs a pointer: it means "send no bytes".
          let start = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)
          ccurl_perform(
            connection, method, url, headerList.baseAddress, Int32(lines.count), start, bytes.count, timeout,
            &answer)
        }
      } else {
        ccurl_perform(connection, method, url, headerList.baseAddress, Int32(lines.count), nil, 0, timeout, &answer)
      }
    }
    let detail = withUnsafeBytes(of: answer.detail) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    switch Int(answer.failure) {
    case Int(CCURL_OK.rawValue):
      let bytes = answer.body.map { [UInt8](UnsafeBufferPointer(start: $0, count: answer.body_length)) } ?? []
      return .success(Answer(status: answer.status, body: bytes, etag: answer.etag.map { String(cString: $0) }))
    case Int(CCURL_NO_LIBRARY.rawValue): return .failure(.noLibrary(detail))
    case Int(CCURL_TIMED_OUT.rawValue): return .failure(.timedOut)
    case Int(CCURL_CANNOT_CONNECT.rawValue): return .failure(.cannotConnect)
    case Int(CCURL_TLS.rawValue): return .failure(.tls(detail))
    default: return .failure(.other(detail))
    }
  }
}
