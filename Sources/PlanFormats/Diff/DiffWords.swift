import PlanModel

/// The words of `arshjul diff` of its own, in both languages; the dates,
/// rules and states come from `Wording`, the fields' names from `ItemField`.
struct DiffWords {
  let sv: Bool
  init(_ language: Language) { sv = language == .sv }

  var noCalendar: String { sv ? "(ingen)" : "(none)" }
  var nothing: String { sv ? "(inget)" : "(none)" }
  var thePlan: String { sv ? "Planen" : "The plan" }
  var calendar: String { sv ? "kalender: " : "calendar: " }
  var notesChanged: String { sv ? "anteckningen ändrad" : "notes changed" }
  var layer: String { sv ? "Lager " : "Layer " }
  var busy: String { sv ? ", upptagen" : ", busy" }
  var noChanges: String { sv ? "Inga ändringar." : "No changes." }
  func title(_ plan: String, since revision: String?) -> String {
    (sv ? "Ändringar i " : "Changes in ") + plan + (revision.map { (sv ? " sedan " : " since ") + $0 } ?? "")
  }

  func heading(_ g: PlanDiff.Group) -> String {
    switch g {
    case .added: sv ? "Nytt" : "New"
    case .moved: sv ? "Flyttat" : "Moved"
    case .changed: sv ? "Ändrat" : "Changed"
    case .status: sv ? "Inställt eller klart" : "Cancelled or done"
    case .deleted: sv ? "Borttaget" : "Deleted"
    }
  }
}
