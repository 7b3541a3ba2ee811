import PlanKit

/// Every word the screen shows, in the plan's language.
public struct UIText: Sendable {
  public let language: Language
  public init(_ language: Language) { self.language = language }
  var sv: Bool { language == .sv }

  func viewName(_ v: ViewKind) -> String {
    switch v {
    case .wheel: sv ? "Hjul" : "Wheel"
    case .gantt: "Gantt"
    case .list: sv ? "Lista" : "List"
    }
  }
  func zoomName(_ z: Zoom) -> String {
    switch z {
    case .year: sv ? "år" : "year"
    case .quarter: sv ? "kvartal" : "quarter"
    case .month: sv ? "månad" : "month"
    }
  }
  var unsaved: String { sv ? "● ej sparad" : "● unsaved" }
  var readOnly: String { sv ? "skrivskyddad" : "read-only" }
  var milestones: String { sv ? "Milstolpar" : "Milestones" }
  var tooSmall: String { sv ? "Fönstret är för litet." : "The window is too small." }
  func enlarge(_ w: Int, _ h: Int) -> String {
    sv ? "Förstora det till minst \(w)×\(h) tecken." : "Enlarge it to at least \(w)×\(h) characters."
  }
  var hints: String {
    sv
      ? "Tab vy  ←→ tid  ↑↓ rad  a ny  Enter ändra  d ta bort  u ångra  s spara  / sök  ? hjälp  q avsluta"
      : "Tab view  ←→ time  ↑↓ row  a new  Enter edit  d delete  u undo  s save  / search  ? help  q quit"
  }
  var nothingSelected: String { sv ? "Inget valt" : "Nothing selected" }
  var noItems: String { sv ? "Inga aktiviteter att visa." : "No activities to show." }
  var allHidden: String {
    sv
      ? "Alla teman är dolda – tryck 1, 2, 3 … för att visa dem."
      : "Every theme is hidden – press 1, 2, 3 … to show them."
  }
  func hidden(_ name: String) -> String { sv ? "\(name) dold" : "\(name) hidden" }
  func shown(_ name: String) -> String { sv ? "\(name) visas" : "\(name) shown" }
  var searchPrompt: String { sv ? "Sök: " : "Search: " }
  func noMatch(_ q: String) -> String { sv ? "Ingen träff för \"\(q)\"" : "No match for \"\(q)\"" }
  var columns: [String] {
    sv
      ? ["Datum", "Vecka", "Tema", "Aktivitet", "Ansvarig", "Status"]
      : ["Date", "Week", "Theme", "Activity", "Owner", "Status"]
  }
  var closeHint: String { sv ? "Esc stänger" : "Esc closes" }
  var wheelComing: String { sv ? "Årshjulet ritas här." : "The year wheel is drawn here." }
  var helpTitle: String { sv ? "Tangenter" : "Keys" }

  var helpLines: [(String, String)] {
    sv
      ? [
        ("Tab  w g l", "nästa vy · hjul · Gantt · lista"),
        ("← → h", "flytta i tiden (dag eller vecka; i hjulet en vecka)"),
        ("Shift-← →", "flytta en månad"),
        ("↑ ↓ k j", "byt rad (aktivitet, tema; i hjulet ring)"),
        ("Shift-↑ ↓", "i hjulet: nästa i veckan på ringen"),
        ("PgUp PgDn", "bläddra en sida"),
        ("[ ]", "föregående / nästa planeringsår"),
        ("t", "idag"),
        ("+ -", "zooma: år, kvartal, månad"),
        ("b", "hjulet med vanliga tecken (utan braille)"),
        ("1 2 3 …", "visa / dölj tema 1, 2, 3 …"),
        ("Enter", "öppna (ändra) det valda"),
        ("a  m", "ny aktivitet · ny milstolpe (vald dag och tema)"),
        ("d", "ta bort det valda (frågar först)"),
        ("< >  { }", "flytta det valda en dag · en vecka"),
        ("u  Ctrl-R", "ångra · gör om"),
        ("s  Ctrl-S", "spara"),
        ("/  n", "sök, nästa träff"),
        ("Esc", "stäng, rensa sökning"),
        ("?", "den här hjälpen"),
        ("q  Ctrl-C", "avsluta"),
        ("I formulär", "Tab/Shift-Tab fält · ←→ välj · Enter spara · Esc avbryt · Ctrl-J ny rad"),
      ]
      : [
        ("Tab  w g l", "next view · wheel · Gantt · list"),
        ("← → h", "move in time (day or week; a week on the wheel)"),
        ("Shift-← →", "move a month"),
        ("↑ ↓ k j", "change row (activity, theme; ring on the wheel)"),
        ("Shift-↑ ↓", "on the wheel: next item of the ring in the week"),
        ("PgUp PgDn", "scroll a page"),
        ("[ ]", "previous / next planning year"),
        ("t", "today"),
        ("+ -", "zoom: year, quarter, month"),
        ("b", "the wheel in plain characters (no braille)"),
        ("1 2 3 …", "show / hide theme 1, 2, 3 …"),
        ("Enter", "open (edit) the selected item"),
        ("a  m", "new activity · new milestone (selected day and theme)"),
        ("d", "delete the selected item (asks first)"),
        ("< >  { }", "move the selected item a day · a week"),
        ("u  Ctrl-R", "undo · redo"),
        ("s  Ctrl-S", "save"),
        ("/  n", "search, next match"),
        ("Esc", "close, clear the search"),
        ("?", "this help"),
        ("q  Ctrl-C", "quit"),
        ("In a form", "Tab/Shift-Tab field · ←→ choose · Enter save · Esc cancel · Ctrl-J new line"),
      ]
  }
}
