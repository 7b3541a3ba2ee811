/// A layer as the views show it: its name, whether it keeps the planners
/// busy, and its events as activities in the plan's zone (read at the edge,
/// by the importer or from another plan); or why it could not be read.
public struct LayerEvents: Sendable, Equatable {
  public var id: String
  public var name: String
  public var busy: Bool
  public var events: [Activity]
  /// Why the layer shows nothing ("cannot read ../cal/region.ics"), or nil.
  public var unavailable: String?
  /// A feed's copy: when it was fetched, and since when the feed has not
  /// answered (the copy still shows); seconds since 1970.
  public var fetched: Int?
  public var failedSince: Int?
  /// Where it comes from, as the plan keeps it (a path or an address), for
  /// telling a planner where to change one of its events.
  public var source: String?

  public init(id: String, name: String, busy: Bool, events: [Activity], unavailable: String? = nil) {
    self.id = id
    self.name = name
    self.busy = busy
    self.events = events
    self.unavailable = unavailable
  }

  /// Its events laid out by day of `range` (for the views and the clash check).
  public func days(in range: DayRange) -> LayerClashes.Days { LayerClashes.Days(events, in: range) }
}

/// A layer's days with events, as runs of consecutive days: what a drawing
/// shades (a summer break is one run, not seventy days).
public enum LayerDayRuns {
  public static func runs(_ days: LayerClashes.Days) -> [DayRange] {
    var out: [DayRange] = []
    var start: Day?
    var d = days.range.from
    while d <= days.range.to {
      let busy = !days.events[d - days.range.from].isEmpty
      if busy, start == nil { start = d }
      if !busy, let s = start {
        out.append(DayRange(from: s, to: d - 1))
        start = nil
      }
      d = d + 1
    }
    if let s = start { out.append(DayRange(from: s, to: days.range.to)) }
    return out
  }
}
