/// What a sync did or could not do with one item, as data: the command and
/// the UI make the words (so rewording breaks no decision). Titles are the
/// items' own, not yet made visible.
public enum SyncNote: Sendable, Equatable {
  /// Deleted in the calendar and unchanged in the plan: taken out of the plan.
  case deletedThere(title: String)
  /// Deleted in the calendar, changed in the plan: a recorded conflict.
  case deletedThereChangedHere(title: String)
  /// Deleted in the plan, changed in the calendar: a recorded conflict.
  case deletedHereChangedThere(title: String)
  /// The calendar's version does not read as the plan's item; left as it is.
  case unreadable(title: String)
  /// Changed on both sides in the same fields: that many recorded conflicts.
  case changedBoth(title: String, conflicts: Int)
  /// Changed in the calendar, merged into the plan.
  case changedThere(title: String)
  /// One occurrence of a repeat was cancelled in a calendar app.
  case occurrenceCancelled(title: String, day: Day)
  /// One occurrence was moved in a calendar app: an activity of its own now.
  case occurrenceMoved(title: String, day: Day, to: Day)
  /// An event the plan did not make, brought in (--import-new).
  case imported(summary: String)
  /// An event the plan did not make that could not come in, and why.
  case notImported(summary: String, reasons: [String])
  /// Events the plan did not make, left alone (how many, a few titles).
  case foreignLeftAlone(count: Int, titles: [String])
  /// Gone from the calendar between its listing and its read.
  case goneWhileReading(title: String)
  /// Deleted in the calendar because it was deleted in the plan.
  case deletedByUs(title: String)
  /// Someone wrote it while this sync ran, and it no longer reads as the item.
  case unreadableAfterRace(title: String)
  /// Someone wrote it twice while this sync ran: a recorded conflict.
  case changedAgain(title: String)
  /// Deleted in the calendar while this sync sent a change; the next sync asks.
  case goneWhileWriting(title: String)
  /// Not deleted: changed in the calendar meanwhile; the next sync brings it back.
  case notDeletedChangedThere(title: String)
  /// The server refused to store this item (status and reason).
  case refused(uid: String, status: Int, reason: String)
  /// A dry run: what would be sent.
  case wouldSendNew(title: String)
  case wouldSendChanged(title: String)
  case wouldDelete(title: String)
}
