import PlanModel

/// A sync's notes as the lines `arshjul sync` prints under its summary.
enum SyncWords {
  static func line(_ note: SyncNote) -> String {
    func v(_ s: String) -> String { visibleName(s) }
    switch note {
    case .deletedThere(let t): return "deleted in the calendar: \(v(t))"
    case .deletedThereChangedHere(let t): return "deleted in the calendar but changed in the plan: \(v(t)) (a conflict)"
    case .deletedHereChangedThere(let t): return "deleted in the plan but changed in the calendar: \(v(t)) (a conflict)"
    case .unreadable(let t): return "the calendar's version of \(v(t)) cannot be read as a plan item; left as it is"
    case .changedBoth(let t, let n): return "changed in both the plan and the calendar: \(v(t)) (\(n) conflict(s))"
    case .changedThere(let t): return "changed in the calendar: \(v(t))"
    case .occurrenceCancelled(let t, let day):
      return "\(v(t)): the occurrence \(day.iso) was cancelled in a calendar; it is skipped now"
    case .occurrenceMoved(let t, let day, let to):
      return "\(v(t)): the occurrence \(day.iso) was moved in a calendar to \(to.iso); it is an activity of its own now"
    case .imported(let s): return "imported from the calendar: \(v(s))"
    case .notImported(let s, let reasons):
      return "not imported: \(v(s))" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
    case .foreignLeftAlone(let count, let titles):
      return
        "\(count) event(s) in the calendar were not made by this plan (left alone; --import-new --theme ID brings them in): "
        + titles.prefix(5).map(v).joined(separator: ", ") + (count > 5 ? ", …" : "")
    case .goneWhileReading(let t): return "deleted in the calendar while this sync ran: \(v(t))"
    case .deletedByUs(let t): return "deleted in the calendar: \(v(t))"
    case .unreadableAfterRace(let t):
      return "changed in the calendar while this sync ran and cannot be read as a plan item: \(v(t)); left as it is"
    case .changedAgain(let t): return "changed in the calendar again while this sync ran: \(v(t)) (a conflict)"
    case .goneWhileWriting(let t):
      return "deleted in the calendar while this sync ran: \(v(t)) (the next sync asks what to do)"
    case .notDeletedChangedThere(let t):
      return "not deleted in the calendar, it was changed there meanwhile: \(v(t)) (next sync brings it back)"
    case .refused(let uid, let status, let reason):
      return "the server refused \(uid): \(status)\(reason.isEmpty ? "" : " " + reason)"
    case .wouldSendNew(let t): return "would send new: \(v(t))"
    case .wouldSendChanged(let t): return "would send changed: \(v(t))"
    case .wouldDelete(let t): return "would delete in the calendar: \(v(t))"
    }
  }
}
