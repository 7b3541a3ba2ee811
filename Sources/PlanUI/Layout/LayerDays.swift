import PlanFormats
import PlanModel

/// The layers' events by day of the planning year on screen, made once
/// when the layers arrive or the year changes: a frame and a key press
/// only look them up.
struct LayerDays: Sendable {
  struct Key: Sendable, Equatable {
    var layersVersion: Int
    var year: Int
    var startMonth: Int
  }
  let key: Key
  /// Per layer, in the plan's order.
  let days: [LayerClashes.Days]
  /// Per layer, how many events each day has (the wheel's ring), made once.
  let counts: [[Int]]

  static func key(_ s: AppState) -> Key {
    Key(layersVersion: s.layersVersion, year: s.year, startMonth: s.plan.startMonth)
  }

  init(_ s: AppState) {
    key = LayerDays.key(s)
    days = s.layers.map { $0.days(in: s.yearRange) }
    counts = days.map { $0.events.map(\.count) }
  }

  /// The events of the shown layers on `day`: (title, layer name).
  func events(on day: Day, _ s: AppState) -> [(title: String, layer: String)] {
    guard s.layersShown else { return [] }
    var out: [(String, String)] = []
    for (i, l) in s.layers.enumerated() where i < days.count {
      for e in days[i].on(day) { out.append((e.title, l.name)) }
    }
    return out
  }
}
