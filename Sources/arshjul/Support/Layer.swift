import CalDAV
import Foundation
import PlanFormats
import PlanModel
import PlanStore

/// Another calendar looked at beside a plan (issue 29's layers): its events
/// as activities in the plan's zone and year, read by the importer (the
/// same zones, repeats and overrides; rules the plan cannot say expanded),
/// or another arshjul plan's activities and milestones, or a feed's copy in
/// the cache (`Feeds`). Read-only: nothing of the plan is written.
struct Layer {
  var name: String
  var events: [Activity]
  /// What the importer could not take, one line each.
  var notes: [String]
  /// A feed's copy: when it was fetched, and since when the feed has failed.
  var fetched: Int?
  var failedSince: Int?

  struct Failure: Error {
    var message: String
  }

  static func read(_ source: String, for plan: Plan, year: Int) throws(Failure) -> Layer {
    if PlanLayer.isFeed(source) { return try readFeed(source, for: plan, year: year) }
    let file = source.split(separator: "/").last.map(String.init) ?? source
    if source.lowercased().hasSuffix(".json") {
      do {
        let other = try PlanFile.load(source).plan
        let milestones = other.milestones.map {
          Activity(id: $0.id, title: $0.title, theme: $0.theme, start: $0.date)
        }
        return Layer(name: other.title, events: other.activities + milestones, notes: [])
      } catch {
        throw Failure(message: error.lines.joined(separator: "; "))
      }
    }
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(source, limit: 32 << 20) } catch { throw Failure(message: error.message) }
    return try calendar(bytes, named: file, shownAs: source, for: plan, year: year)
  }

  /// An iCalendar file's events as the plan would import them (expanded).
  static func calendar(_ bytes: [UInt8], named file: String, shownAs source: String, for plan: Plan, year: Int)
    throws(Failure) -> Layer
  {
    var scratch = Plan(
      id: "layer", title: file, language: plan.language, timeZone: plan.timeZone,
      startMonth: plan.startMonth, year: year,
      themes: plan.themes)
    do {
      let report = try ICalendarImport.apply(
        bytes, file: source, to: &scratch, theme: plan.themes.first?.id, expand: true)
      let name = ICalendarImport.calendarName(bytes) ?? file
      return Layer(name: name, events: scratch.activities, notes: report.skipped)
    } catch {
      throw Failure(message: error.lines.joined(separator: "; "))
    }
  }

  /// A feed, from its copy in the cache: never from the network, so a plan
  /// opens and checks at once (`Feeds.refresh` brings a new copy).
  static func readFeed(_ url: String, for plan: Plan, year: Int) throws(Failure) -> Layer {
    guard let folder = Feeds.cacheFolder else { throw Failure(message: "no cache folder for feeds (HOME is not set)") }
    let (entry, body) = FeedCache.read(url, in: folder)
    guard let body else {
      if let since = entry.failedSince, let why = entry.failure {
        throw Failure(message: "unavailable since \(Feeds.when(since)): \(why)")
      }
      throw Failure(message: "not fetched yet (arshjul layer refresh PLAN)")
    }
    var layer = try calendar(
      body, named: CalendarURL.masked(url), shownAs: CalendarURL.masked(url), for: plan, year: year)
    layer.fetched = entry.fetched
    layer.failedSince = entry.failedSince
    return layer
  }

  /// Every layer of a plan kept in `path`, then the one-off sources, as
  /// the views show them: one that cannot be read is there with why, so
  /// the plan still opens and says so.
  static func readAll(of plan: Plan, at path: String, oneOff: [String]) -> [LayerEvents] {
    let year = plan.planningYear(today: today(in: plan.timeZone))
    var out: [LayerEvents] = []
    let kept = plan.layers.map {
      ($0.id, $0.name, $0.busy, LayerPaths.resolved($0.source, besides: path), CalendarURL.masked($0.source))
    }
    let typed = oneOff.enumerated().map { ("layer-\($0.offset + 1)", "", true, $0.element, $0.element) }
    for (id, name, busy, source, shownAs) in kept + typed {
      var shown: LayerEvents
      do {
        let layer = try read(source, for: plan, year: year)
        shown = LayerEvents(id: id, name: name.isEmpty ? layer.name : name, busy: busy, events: layer.events)
        shown.fetched = layer.fetched
        shown.failedSince = layer.failedSince
      } catch {
        shown = LayerEvents(
          id: id, name: name.isEmpty ? visibleName(source) : name, busy: busy, events: [], unavailable: error.message)
      }
      shown.source = shownAs
      out.append(shown)
    }
    return out
  }
}
