import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The parts of a WebDAV multistatus answer a sync needs: each response's
/// href, ETag, status and whether it is a (calendar) collection.
struct MultiStatus {
  struct Entry {
    var href = ""
    var etag: String?
    var status: Int?
    var isCollection = false
    var isCalendar = false
  }

  static func parse(_ data: Data) -> [Entry] { read(data).entries }

  /// The entries and, for a sync-collection answer, the new sync token.
  static func read(_ data: Data) -> (entries: [Entry], token: String?) {
    let delegate = Reader()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    parser.delegate = delegate
    _ = parser.parse()
    return (delegate.entries, delegate.token)
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  final class Reader: NSObject, XMLParserDelegate {
    var entries: [Entry] = []
    var token: String?
    var current: Entry?
    var text = ""
    var inPropstatStatus: Int?

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      text = ""
      switch (namespaceURI, name) {
      case ("DAV:", "response"): current = Entry()
      case ("DAV:", "collection"): current?.isCollection = true
      case ("urn:ietf:params:xml:ns:caldav", "calendar"): current?.isCalendar = true
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
      switch (namespaceURI, name) {
      case ("DAV:", "href"): if current?.href.isEmpty == true { current?.href = value.removingPercentEncoding ?? value }
      case ("DAV:", "getetag"): if !value.isEmpty { current?.etag = value }
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
}
