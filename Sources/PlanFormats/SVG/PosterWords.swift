import PlanModel

/// Every word the printed wheel (`export svg`) says of its own, in the
/// plan's language; the dates come from `Wording`, the plan's words beside.
struct PosterWords {
  let sv: Bool
  let w: Wording
  init(_ language: Language) {
    sv = language == .sv
    w = Wording(language)
  }

  func today(_ day: Day) -> String { (sv ? "idag " : "today ") + w.day(day) }
  var ringsHeading: String { w.ringsOutsideIn + ":" }
  func layer(_ name: String) -> String { name + " (" + w.layerWord + ")" }
  /// What the marks in the week ring mean.
  func marksKey(breaks: [String]) -> String {
    var key = sv ? "Röd prick: helgdag eller afton" : "Red dot: public holiday or eve"
    if !breaks.isEmpty {
      key += (sv ? " · grått: uppehåll (" : " · grey: breaks (") + breaks.joined(separator: ", ") + ")"
    }
    return key
  }
  func leftOut(_ n: Int) -> String {
    sv ? "… och \(n) till (arshjul summary listar alla)" : "… and \(n) more (arshjul summary lists them all)"
  }
  var madeWith: String { sv ? "Årshjulet gjort med arshjul" : "Year wheel made with arshjul" }
}
