import PlanModel

extension UIText {
  var readOnlyNotice: String {
    sv ? "Skrivskyddad – ändringar kan inte sparas här" : "Read-only – changes cannot be saved here"
  }
  var savedNotice: String { sv ? "Sparad" : "Saved" }
  func savedCopy(_ path: String) -> String { sv ? "Sparad som kopia: \(path)" : "Saved as a copy: \(path)" }
  var nothingToSave: String { sv ? "Inga ändringar att spara" : "No changes to save" }
  var nothingToUndo: String { sv ? "Inget att ångra" : "Nothing to undo" }
  var nothingToRedo: String { sv ? "Inget att göra om" : "Nothing to redo" }
  var undoneNotice: String { sv ? "Ångrat" : "Undone" }
  var redoneNotice: String { sv ? "Gjort om" : "Redone" }
  var deletedNotice: String { sv ? "Borttagen (u ångrar)" : "Deleted (u undoes)" }
  var selectFirst: String { sv ? "Välj en aktivitet eller milstolpe först" : "Select an activity or milestone first" }
  var reloadedNotice: String { sv ? "Planen lästes om från disken (u ångrar)" : "Reloaded from disk (u undoes)" }
  var restoredNotice: String {
    sv ? "Osparade ändringar återställda – spara med s" : "Unsaved edits restored – save with s"
  }
  var restoredOverChangeNotice: String {
    sv
      ? "Återställt – men filen har ändrats sedan dess; när du sparar får du välja"
      : "Restored – but the file was changed since; saving will ask what to keep"
  }
  func moved(_ days: Int) -> String {
    sv
      ? "Flyttad \(days > 0 ? "+" : "")\(days) \(abs(days) == 1 ? "dag" : "dagar")"
      : "Moved \(days > 0 ? "+" : "")\(days) day\(abs(days) == 1 ? "" : "s")"
  }
  func cannotMove(_ why: String) -> String { sv ? "Kan inte flyttas: \(why)" : "Cannot move: \(why)" }
}
