import PlanModel

/// `PLAN.arshjul-sync`: the state of the last CalDAV sync, beside the plan,
/// written like the journal (atomically, never through a link, never more
/// readable than the plan).
public enum SyncStateFile {
  public static func path(for plan: String) -> String { AtomicFile.resolve(plan) + ".arshjul-sync" }

  /// nil when there is none yet; an error when one is there but unreadable.
  public static func read(for plan: String) throws(FileError) -> SyncState? {
    let path = path(for: plan)
    guard FileBytes.exists(path) else { return nil }
    let bytes = try FileBytes.read(path, limit: PlanFile.maxBytes * 2, noFollow: true)
    guard let state = SyncState.decode(bytes) else {
      throw FileError(
        "\(visibleName(path)) is not a sync state arshjul can read; move it away to start the sync afresh")
    }
    return state
  }

  public static func write(_ state: SyncState, for plan: String) throws(FileError) {
    try AtomicFile.writeBeside(plan: AtomicFile.resolve(plan), parts: [state.encoded()], to: path(for: plan))
  }
}
