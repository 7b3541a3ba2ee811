/// Where the plan's activities meet the events of another calendar (the
/// region's meetings, a school's breaks) taken as busy (issue 29): the
/// first day of each activity occurrence that overlaps an event, as data.
public struct LayerClash: Sendable, Equatable {
  public var activityID: String
  public var activityTitle: String
  public var day: Day
  public var eventTitle: String
  /// The layer's name (its calendar's name, or its file's).
  public var layer: String
  /// How many more occurrences of the activity meet the same event.
  public var more = 0
}

public enum LayerClashes {
  /// The clashes in `range`, one per activity and event (its first day,
  /// and how many more). Two timed ones meet when their times overlap; a
  /// whole-day event meets anything on its days, and so does a one-day
  /// activity without a time. A whole-day activity over several days (a
  /// study running through spring) is work that goes on around meetings:
  /// it meets only whole-day events. Cancelled activities meet nothing.
  /// Linear in the occurrences: the layer's are laid out by day first.
  public static func find(_ plan: Plan, layer events: [Activity], named layer: String, in range: DayRange)
    -> [LayerClash]
  {
    find(plan, days: Days(events, in: range), named: layer)
  }

  /// A layer's events laid out by day of a range, made once (a view keeps
  /// it while the year is on screen); cancelled ones are left out.
  public struct Days: Sendable {
    public let range: DayRange
    public let events: [[(title: String, time: ClockSpan?)]]

    public init(_ layer: [Activity], in range: DayRange) {
      self.range = range
      guard range.to >= range.from else {
        events = []
        return
      }
      var byDay: [[(title: String, time: ClockSpan?)]] = Array(repeating: [], count: range.to - range.from + 1)
      for e in layer where e.status != .cancelled {
        e.forEachOccurrence(in: range) { o in
          var d = max(o.start, range.from)
          while d <= min(o.end, range.to) {
            byDay[d - range.from].append((e.title, e.time))
            d = d + 1
          }
        }
      }
      events = byDay
    }

    /// The events on a day of the range (none outside it).
    public func on(_ day: Day) -> [(title: String, time: ClockSpan?)] {
      range.contains(day) ? events[day - range.from] : []
    }
  }

  /// The clashes of the plan's activities with a layer laid out by day.
  public static func find(_ plan: Plan, days: Days, named layer: String) -> [LayerClash] {
    let range = days.range
    guard range.to >= range.from else { return [] }
    var out: [LayerClash] = []
    for a in plan.activities where a.status != .cancelled {
      var first: [String: Int] = [:]  // event title → its clash in `out`
      let ongoing = a.time == nil && a.spanDays > 0
      a.forEachOccurrence(in: range) { o in
        var d = max(o.start, range.from)
        while d <= min(o.end, range.to) {
          let hit = days.events[d - range.from].first { ongoing ? $0.time == nil : meet(a.time, $0.time) }
          if let hit {
            if let i = first[hit.title] {
              out[i].more += 1
            } else {
              first[hit.title] = out.count
              out.append(
                LayerClash(activityID: a.id, activityTitle: a.title, day: d, eventTitle: hit.title, layer: layer))
            }
            return
          }
          d = d + 1
        }
      }
    }
    return out
  }

  static func meet(_ a: ClockSpan?, _ b: ClockSpan?) -> Bool {
    guard let a, let b else { return true }
    return a.start < b.end && b.start < a.end
  }

  /// As the plan's other warnings: "Kulturting Sörmland" 20 okt 2022
  /// krockar med Regionfullmäktige (Regionens sammanträden).
  public static func warnings(_ clashes: [LayerClash], language: Language) -> [PlanWarning] {
    clashes.map { c in
      PlanWarning(
        kind: .activity, id: c.activityID,
        reason: .layerClash(title: c.activityTitle, day: c.day, event: c.eventTitle, layer: c.layer, more: c.more),
        language: language)
    }
  }
}
