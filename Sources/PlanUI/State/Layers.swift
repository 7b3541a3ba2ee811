import PlanFormats
import PlanModel

/// The layers arrive from the edge; `v` shows and hides them.
func receiveLayers(_ s: inout AppState, _ layers: [LayerEvents]) {
  s.layers = layers
  if let broken = layers.first(where: { $0.unavailable != nil }) {
    s.notice = s.text.layerUnavailable(sanitized(broken.name), sanitized(broken.unavailable ?? ""))
  } else if let stale = layers.first(where: { $0.failedSince != nil }), let since = stale.failedSince {
    s.notice = s.text.layerStale(
      sanitized(stale.name), since: moment(since, s.plan), copy: stale.fetched.map { moment($0, s.plan) })
  }
}

/// "6 dec 10.02": an instant (seconds since 1970) in the plan's time.
func moment(_ seconds: Int, _ plan: Plan) -> String {
  let utc = Day(seconds: seconds)
  let utcMinutes = (seconds - utc.ordinal * 86400) / 60
  let local = seconds + TimeZoneRules.offset(plan.timeZone, day: utc, minutes: utcMinutes)
  let day = Day(seconds: local)
  let minutes = (local - day.ordinal * 86400) / 60
  let w = Wording(plan.language)
  return w.day(day) + (TimeOfDay(hour: minutes / 60, minute: minutes % 60).map { " " + w.clock($0) } ?? "")
}

func toggleLayers(_ s: inout AppState) {
  if !s.layers.isEmpty { s.layersShown.toggle() }
  s.notice = s.text.layersShown(s.layersShown, count: s.layers.count)
}

/// The first busy layer event an activity meets in the year (as `check`
/// finds them), for the status line's warning: looked up in the layers'
/// days, so a frame costs the activity's occurrences, not the layers'.
func layerClash(_ a: Activity, in s: AppState) -> String? {
  guard s.layersShown else { return nil }
  let table = s.layerDays
  for (i, l) in s.layers.enumerated() where l.busy && i < table.days.count {
    if let c = LayerClashes.find(Plan.one(a, like: s.plan), days: table.days[i], named: l.name).first {
      return s.text.clashWarning(sanitized(c.eventTitle), sanitized(l.name))
    }
  }
  return nil
}

extension Plan {
  /// A plan of one activity with this plan's settings: to ask the plan's
  /// questions of one item.
  static func one(_ a: Activity, like p: Plan) -> Plan {
    var one = p
    one.activities = [a]
    one.milestones = []
    return one
  }
}

extension AppState {
  /// The layer event selected in the list, when one is.
  var focusedLayerEvent: (layer: LayerEvents, event: Activity, day: Day)? {
    guard let id = focusID, let f = LayerFocus(id), f.layer < layers.count, f.event < layers[f.layer].events.count
    else { return nil }
    return (layers[f.layer], layers[f.layer].events[f.event], f.day)
  }
}

/// An editing key on a layer's event: said why not, nothing changed.
func refuseOnLayer(_ s: inout AppState, _ action: Action) -> Bool {
  switch action {
  case .open, .delete, .move:
    guard let (layer, event, _) = s.focusedLayerEvent else { return false }
    s.notice = s.text.layerReadOnly(
      sanitized(event.title), layer: sanitized(layer.name), source: layer.source.map { sanitized($0) })
    return true
  default: return false
  }
}
