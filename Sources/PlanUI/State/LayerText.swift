import PlanFormats
import PlanModel

extension UIText {
  func layersShown(_ shown: Bool, count: Int) -> String {
    if count == 0 {
      return sv
        ? "Planen har inga lager (arshjul layer add PLAN FIL)" : "The plan has no layers (arshjul layer add PLAN FILE)"
    }
    return shown
      ? (sv ? "Lagren visas" : "Layers shown") : (sv ? "Lagren dolda (v visar dem)" : "Layers hidden (v shows them)")
  }

  func layerUnavailable(_ name: String, _ why: String) -> String {
    (sv ? "Lagret \"\(name)\" går inte att läsa: " : "The layer \"\(name)\" is unavailable: ") + why
  }

  /// A feed that did not answer: its copy still shows.
  func layerStale(_ name: String, since: String, copy: String?) -> String {
    sv
      ? "Lagret \"\(name)\" nås inte sedan \(since)" + (copy.map { "; kopian från \($0) visas" } ?? "")
      : "The layer \"\(name)\" is unavailable since \(since)" + (copy.map { "; the copy of \($0) shows" } ?? "")
  }

  func unreachableSince(_ since: String) -> String { sv ? "nås inte sedan \(since)" : "unavailable since \(since)" }
  /// A feed's copy: how old it is.
  func fetchedAt(_ when: String) -> String { sv ? "hämtad \(when)" : "fetched \(when)" }

  var layersHeading: String { sv ? "Lager" : "Layers" }
  var layerWord: String { sv ? "lager" : "layer" }

  /// A layer event's line in the status bar: what, when, whose.
  func layerEventLine(_ title: String, when: String, weeks: String, layer: String, source: String?) -> String {
    "\(layerMark) \(title) · \(when) · \(weeks) · " + (sv ? "lager " : "layer ") + layer
      + (source.map { " (\($0))" } ?? "")
  }

  /// Why an editing key does nothing on a layer's event.
  func layerReadOnly(_ title: String, layer: String, source: String?) -> String {
    let from = source.map { " (\($0))" } ?? ""
    return sv
      ? "\"\(title)\" hör till lagret \(layer)\(from) och ändras där, inte i planen"
      : "\"\(title)\" belongs to the layer \(layer)\(from) and is changed there, not in the plan"
  }
  var layerMark: String { "▒" }
  func clashWarning(_ event: String, _ layer: String) -> String {
    (sv ? "krockar med " : "clashes with ") + "\(event) (\(layer))"
  }
}
