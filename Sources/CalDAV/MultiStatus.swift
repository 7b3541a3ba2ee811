import Foundation

/// The parts of a WebDAV multistatus answer a sync needs: each response's
/// href, ETag, status and whether it is a (calendar) collection.
struct MultiStatus {
  struct Entry: Equatable {
    var href = ""
    var etag: String?
    var status: Int?
    var isCollection = false
    var isCalendar = false
    /// The event itself, in a calendar-multiget answer.
    var calendarData: String?
  }

  static func parse(_ body: [UInt8]) -> [Entry] { read(body).entries }

  /// The entries and, for a sync-collection answer, the new sync token.
  /// A malformed answer gives the entries read before the fault.
  static func read(_ body: [UInt8]) -> (entries: [Entry], token: String?) {
    var entries: [Entry] = []
    var token: String?
    var current: Entry?
    var text = ""
    XMLReader.read(body) { event in
      switch event {
      case .start(let namespace, let name):
        text = ""
        switch (namespace, name) {
        case ("DAV:", "response"): current = Entry()
        case ("DAV:", "collection"): current?.isCollection = true
        case ("urn:ietf:params:xml:ns:caldav", "calendar"): current?.isCalendar = true
        default: break
        }
      case .text(let s): text += s
      case .end(let namespace, let name):
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (namespace, name) {
        case ("DAV:", "href"):
          if current?.href.isEmpty == true { current?.href = value.removingPercentEncoding ?? value }
        case ("DAV:", "getetag"): if !value.isEmpty { current?.etag = value }
        case ("urn:ietf:params:xml:ns:caldav", "calendar-data"): if !value.isEmpty { current?.calendarData = text }
        case ("DAV:", "status"):
          // "HTTP/1.1 200 OK"
          let code = value.split(separator: " ").dropFirst().first.flatMap { Int($0) }
          if current?.status == nil || code == 200 { current?.status = code }
        case ("DAV:", "response"):
          if let c = current { entries.append(c) }
          current = nil
        case ("DAV:", "sync-token"):
          if current == nil && !value.isEmpty { token = value }
        default: break
        }
        text = ""
      }
    }
    return (entries, token)
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
