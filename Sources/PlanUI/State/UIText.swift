import PlanFormats
import PlanModel

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
    case .project: sv ? "alla år" : "every year"
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
    [
      ItemField.date.label(language), sv ? "Vecka" : "Week", ItemField.theme.label(language),
      sv ? "Aktivitet" : "Activity", ItemField.owner.label(language), ItemField.status.label(language),
    ]
  }
  var closeHint: String { sv ? "Esc stänger" : "Esc closes" }
  /// The status line while a search is kept.
  func searching(_ q: String) -> String { (sv ? "sökning: " : "search: ") + "\"\(q)\"" }

  // The wheel's side panel.
  func weekHeading(_ week: Int) -> String { (sv ? "Vecka " : "Week ") + "\(week)" }
  /// Where the dates start after the heading, the same for every week.
  var weekHeadingColumn: Int { sv ? 10 : 9 }
  func more(_ n: Int) -> String { "+\(n) " + (sv ? "till" : "more") }
  var ringsHeading: String { sv ? "Ringar utifrån och in:" : "Rings, outside in:" }
  var unavailable: String { sv ? "går inte att läsa" : "unavailable" }

  // The details of an activity.
  var datesLabel: String { sv ? "Datum" : "Dates" }
  var allDay: String { sv ? "heldag" : "all day" }
  var repeatsLabel: String { sv ? "Upprepas" : "Repeats" }

  // README's key table.
  var keyColumn: String { sv ? "tangent" : "key" }
  var doesColumn: String { sv ? "gör" : "does" }
  var inAForm: String { sv ? "I formulär:" : "In a form:" }

  // The conflict list's two sides.
  var oursLabel: String { sv ? "vårt" : "ours" }
  var theirsLabel: String { sv ? "deras" : "theirs" }

  // The dialogs.
  var deleteTitle: String { sv ? "Ta bort?" : "Delete?" }
  var unsavedTitle: String { sv ? "Osparade ändringar" : "Unsaved changes" }
  var unsavedText: String {
    sv ? "Planen har ändringar som inte är sparade." : "The plan has changes that are not saved."
  }
  var changedOnDiskTitle: String { sv ? "Filen har ändrats på disken" : "The file changed on disk" }
  var changedOnDiskText: [String] {
    sv
      ? [
        "Någon annan (en editor, git pull) har ändrat planfilen", "sedan den öppnades. Den skrivs inte över i tysthet.",
      ]
      : [
        "Someone else (an editor, git pull) changed the plan file",
        "since it was opened. It is not overwritten silently.",
      ]
  }
  var recoverTitle: String { sv ? "Osparade ändringar hittades" : "Unsaved edits found" }
  var recoverText: String {
    sv ? "Förra gången avslutades arshjul utan att spara." : "Last time arshjul ended without saving."
  }
  func journalHolds(activities: Int, milestones: Int) -> String {
    sv
      ? "Journalen har \(activities) aktiviteter och \(milestones) milstolpar."
      : "The journal holds \(activities) activities and \(milestones) milestones."
  }
  var helpTitle: String { sv ? "Tangenter" : "Keys" }

  // Sync from the UI (y).
  var syncStarted: String { sv ? "Synkar med kalendern …" : "Syncing with the calendar …" }
  var syncRunning: String {
    sv ? "Synkar med kalendern – ändra när den är klar" : "Syncing with the calendar – edit when it is done"
  }
  var syncNeedsFirstSync: String {
    sv
      ? "Planen har inte synkats förut: kör en gång arshjul sync PLAN --url … (sedan räcker y)"
      : "The plan has not synced before: run arshjul sync PLAN --url … once (then y is enough)"
  }
  var syncNeedsNoConflicts: String {
    sv ? "Lös konflikterna först (c), sedan y" : "Resolve the conflicts first (c), then y"
  }
  func syncDone(sent: Int, received: Int, conflicts: Int) -> String {
    sv
      ? "Synkat: \(sent) skickade, \(received) kom in, \(conflicts) \(conflicts == 1 ? "konflikt" : "konflikter")"
        + (received > 0 ? " (u ångrar)" : "")
      : "Synced: \(sent) sent, \(received) came in, \(conflicts) conflict\(conflicts == 1 ? "" : "s")"
        + (received > 0 ? " (u undoes)" : "")
  }
  func passwordPrompt(_ login: String, refused: Bool) -> String {
    (refused ? (sv ? "Lösenordet nekades. " : "The password was refused. ") : "")
      + (sv ? "Lösenord för \(login) (Esc avbryter): " : "Password for \(login) (Esc cancels): ")
  }
  var passwordCancelled: String { sv ? "Ingen synk – inget ändrat" : "No sync – nothing changed" }
  func syncFailed(_ why: String) -> String {
    (sv ? "Ingen synk: " : "No sync: ") + why + (sv ? " – inget ändrat" : " – nothing changed")
  }
}
