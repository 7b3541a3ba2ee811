import PlanModel

/// A key as the app understands it, whatever terminal it came from.
public enum Key: Sendable, Hashable {
  case char(Character)
  case ctrl(Character)
  case up, down, left, right
  case shiftUp, shiftDown, shiftLeft, shiftRight
  case enter, escape, tab, backTab, backspace, delete
  case home, end, pageUp, pageDown
  case function(Int)
}

/// Everything that can happen to the app.
public enum Message: Sendable, Equatable {
  case key(Key)
  case resize(width: Int, height: Int)
  /// Something the outside world wants said in the status line.
  case notice(String)
  /// The date changed while the UI was open.
  case newDay(Day)
  /// The plan was written; `copy` names the file when it went to a copy.
  case saved(copy: String?)
  /// The save failed: why, in one line. The edits are still in memory and journal.
  case saveFailed(String)
  /// The file changed on disk since it was opened or last saved.
  case saveConflict
  /// A sync started from the UI is over: the plan as the calendar left it
  /// (nil when it failed), what moved, and why it failed.
  case syncFinished(SyncOutcome)
  /// The plan as it now is on disk.
  case reloaded(Plan)
  /// Unsaved edits found in the journal of an earlier session;
  /// `fileChanged` when the plan file was changed on disk after them.
  case recoveryFound(Plan, fileChanged: Bool = false)
  /// The plan's layers as read in the background (each with its events,
  /// or why it is unavailable).
  case layersRead([LayerEvents])
}

/// What `update` asks the outside world to do; it does no I/O itself.
public enum Effect: Sendable, Equatable {
  case quit
  /// Save through the plan file's atomic save, refusing if the file changed.
  case save(Plan)
  /// Save even though the file changed on disk.
  case saveOverwrite(Plan)
  /// Save to a new file beside the plan.
  case saveCopy(Plan)
  /// The journal's edits were taken back: later saves must check the file
  /// against the version those edits were made on, not the one just read.
  case journalRestored
  /// Write the recovery journal now.
  case writeJournal(Plan)
  /// The edits are saved or given up: remove the journal.
  case removeJournal
  /// Write next year's plan from this one into a new file beside it.
  case rollOver(Plan)
  /// Read the plan from disk again.
  case reload
  /// Sync the (saved) plan with its calendar, in the background; with the
  /// password the planner typed at the UI's prompt, if they did.
  case sync(Plan, password: String?)
  /// Keep what the calendar now holds (the sync state), once the plan that
  /// matches it is saved: never before, or the next sync would undo it.
  case keepSyncState(SyncState)
}

/// What a sync from the UI did, as numbers; the UI words it.
public struct SyncOutcome: Sendable, Equatable {
  public var plan: Plan?
  /// What the calendar holds now, to keep once `plan` is saved.
  public var state: SyncState?
  public var sent: Int
  public var received: Int
  public var conflicts: Int
  /// Why it did not happen (offline, refused login…), in the command's words.
  public var failure: String?
  /// The login the server refused or asked for ("anna@dav.example.se"),
  /// when a typed password could do it: the UI asks for one, masked.
  public var askPassword: String?
  public init(
    plan: Plan?, state: SyncState? = nil, sent: Int = 0, received: Int = 0, conflicts: Int = 0, failure: String? = nil,
    askPassword: String? = nil
  ) {
    self.askPassword = askPassword
    self.plan = plan
    self.state = state
    self.sent = sent
    self.received = received
    self.conflicts = conflicts
    self.failure = failure
  }
}
