import PlanModel

/// Every word the web page says of its own, in the plan's language: the
/// page's files only place them (the plan's own words, and the dates and
/// counts of `Wording`, come in beside them).
struct PageWords {
  let language: Language
  let w: Wording
  var sv: Bool { language == .sv }
  init(_ language: Language) {
    self.language = language
    w = Wording(language)
  }

  var subscribe: String { sv ? "Prenumerera i din kalender" : "Subscribe in your calendar" }
  var calendarLink: String { sv ? "kalenderlänk (https)" : "calendar link (https)" }
  var download: String { sv ? "Ladda ner (.ics)" : "Download (.ics)" }
  func empty(_ period: String) -> String {
    sv
      ? "Planen har inga aktiviteter eller milstolpar under \(period) ännu."
      : "The plan has no activities or milestones in \(period) yet."
  }
  var madeWith: String { sv ? "Gjord med arshjul" : "Made with arshjul" }
  var meetsWCAG: String { sv ? "Sidan uppfyller WCAG 2.1 nivå AA" : "This page meets WCAG 2.1 level AA" }

  // The wheel.
  var wheelHeading: String { sv ? "Årshjulet" : "The year wheel" }
  var showThemes: String { sv ? "Visa teman" : "Show themes" }
  var wheelKeys: String {
    sv
      ? "Tabba till hjulet: ← → går längs en ring, ↑ ↓ byter ring, Home End till ringens första och sista, Enter visar aktiviteten i listan."
      : "Tab to the wheel: ← → walk a ring, ↑ ↓ change ring, Home End go to a ring's first and last, Enter shows the activity in the list."
  }
  var ringsHeading: String { w.ringsOutsideIn }
  var layer: String { w.layerWord }
  func more(_ n: Int) -> String { sv ? " och \(n) till" : " and \(n) more" }
  var nothingThisYear: String { sv ? "inget i år" : "nothing this year" }
  var legendKey: String {
    sv
      ? "Siffran på en båge är aktivitetens nummer i listan · tätt streckad: klar · glest streckad och grå: inställd · ◆ milstolpe"
      : "The number on an arc is the activity's number in the list · finely dashed: done · dashed and grey: cancelled · ◆ milestone"
  }
  /// Ring `i` of `count`, counted from outside.
  func ring(_ i: Int, of count: Int) -> String {
    if count == 1 { return sv ? "ringen" : "the ring" }
    if i == 0 { return sv ? "yttersta ringen" : "outermost ring" }
    if i == count - 1 { return sv ? "innersta ringen" : "innermost ring" }
    return sv ? "ring \(i + 1) utifrån" : "ring \(i + 1) from outside"
  }

  // The agenda.
  var agendaHeading: String { sv ? "Vad händer när" : "What happens when" }
  /// The agenda's columns; "Date", "Theme" and "Status" are the fields'.
  var columns: [String] {
    [
      sv ? "Nr" : "No.", ItemField.date.label(language), sv ? "Vecka" : "Week", sv ? "Vad" : "What",
      ItemField.theme.label(language), ItemField.status.label(language),
    ]
  }
}
