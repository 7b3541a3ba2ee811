import CalDAV
import Foundation
import PlanFormats
import PlanModel
import PlanStore

/// Calendar feeds a plan's layers read over https: fetched with a
/// conditional GET into the cache (`FeedCache`), only when asked
/// (`layer refresh`, `layer add`, the UI's refresh after its first frame).
enum Feeds {
  static var cacheFolder: String? { FeedCache.folder(environment: ProcessInfo.processInfo.environment) }

  enum Outcome: Equatable {
    case updated
    case unchanged
    /// Why, in one line; the copy kept (if any) still shows.
    case failed(String)
  }

  /// Asks the feed for a newer copy than the cached one and keeps what it
  /// says. An answer that is not a calendar (a login page, an error page
  /// served with 200) never replaces a good copy.
  static func refresh(_ url: String, for plan: Plan, now: Int = Int(Date().timeIntervalSince1970)) -> Outcome {
    guard let folder = cacheFolder else { return .failed("no cache folder for feeds (HOME is not set)") }
    guard let address = URL(string: url), address.host != nil else {
      return .failed("\(quoted(url)) is not an address")
    }
    let (old, body) = FeedCache.read(url, in: folder)
    let ask = body == nil ? FeedCache.Entry() : old
    let answer = Blocking.wait { await FeedFetch.get(address, etag: ask.etag, lastModified: ask.lastModified) }
    var entry = old
    var outcome: Outcome
    var newBody: [UInt8]?
    switch answer {
    case .changed(let bytes, let etag, let lastModified):
      let year = plan.planningYear(today: today(in: plan.timeZone))
      do {
        _ = try Layer.calendar(bytes, named: "feed", shownAs: CalendarURL.masked(url), for: plan, year: year)
        entry = FeedCache.Entry(etag: etag, lastModified: lastModified, fetched: now)
        newBody = bytes
        outcome = .updated
      } catch {
        outcome = .failed("the answer is not a calendar (\(error.message))")
      }
    case .notModified:
      entry.fetched = now
      entry.failedSince = nil
      entry.failure = nil
      outcome = .unchanged
    case .failed(let why):
      outcome = .failed(words(why))
    }
    if case .failed(let why) = outcome {
      entry.failedSince = entry.failedSince ?? now
      entry.failure = why
    }
    do {
      try FeedCache.write(url, entry: entry, body: newBody, in: folder)
    } catch {
      return .failed(error.message)
    }
    return outcome
  }

  static func words(_ f: FeedFetch.Failure) -> String {
    switch f {
    case .status(404), .status(410): return "the feed is not there (\(f.statusCode))"
    case .status(401), .status(403): return "the feed asks for a login (\(f.statusCode)); a layer reads public feeds"
    case .status(let s): return "the server answered \(s)"
    case .tooLarge(let n):
      return "the feed is \(n / 1_048_576) MB; at most \(FeedFetch.maxBytes / 1_048_576) MB are read"
    case .transport(let why, let host): return DAVError.transport(why, host).message
    case .noLibrary(let why):
      return "cannot load libcurl, which feeds need (\(why)); install it (apt-get install libcurl4)"
    }
  }

  /// "6 dec 2026 10.02", in the machine's local time.
  static func when(_ seconds: Int) -> String {
    let local = seconds + TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    let day = Day(seconds: local)
    let minutes = (local - day.ordinal * 86400) / 60
    return day.iso + " " + (TimeOfDay(hour: minutes / 60, minute: minutes % 60)?.description ?? "")
  }
}

extension FeedFetch.Failure {
  var statusCode: Int {
    if case .status(let s) = self { return s }
    return 0
  }
}
