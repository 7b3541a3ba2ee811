import PlanFormats
import PlanModel

/// The conflict list's words.
extension UIText {
  var noConflicts: String { sv ? "Planen har inga konflikter" : "The plan has no conflicts" }
  var allResolved: String {
    sv ? "Alla konflikter lösta – spara med s" : "Every conflict resolved – save with s"
  }
  func conflictsTitle(_ n: Int) -> String { sv ? "Konflikter att lösa (\(n))" : "Conflicts to resolve (\(n))" }
  func cannotTakeTheirs(_ why: String) -> String {
    sv ? "Deras värde passar inte: \(why) – e ändrar posten" : "Their value does not fit: \(why) – e edits the item"
  }
  var tookTogether: String {
    sv
      ? "Deras värden togs för hela posten – de hänger ihop (t.ex. start och slut)"
      : "Their values were taken for the whole item – they belong together (e.g. start and end)"
  }
  func conflictsLeft(_ n: Int) -> String {
    sv ? "\(n) konflikter kvar – c visar dem" : "\(n) conflicts left – c shows them"
  }
}
