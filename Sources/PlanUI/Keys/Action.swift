/// What a key does in the main views. The key map binds keys to these;
/// `perform` carries them out.
public enum Action: Sendable, Equatable {
  case nextView, previousView, showWheel, showGantt, showList, plainWheel
  case earlier, later, monthEarlier, monthLater, rowUp, rowDown, nextInWeek, previousInWeek, pageUp, pageDown
  case previousYear, nextYear, today, zoomIn, zoomOut
  case toggleTheme(Int)
  case open, addActivity, addMilestone, delete
  case move(days: Int)
  case undo, redo, save, search, nextMatch, clearSearch, help, quit
  case showConflicts
  case toggleLayers
  case nextYearPlan
  case sync
}

/// What a key does in the list of merge conflicts.
public enum ConflictAction: Sendable, Equatable {
  case previous, next, takeOurs, takeTheirs, edit, close
}

/// What a key does in a form.
public enum FormAction: Sendable, Equatable {
  case nextField, previousField, chooseNext, choosePrevious, accept, cancel, newLine
}

/// An answer in a dialog.
public enum DialogAnswer: Sendable, Equatable {
  case yes, no, saveAndQuit, discardAndQuit, reload, overwrite, copy, restore, discard
}
