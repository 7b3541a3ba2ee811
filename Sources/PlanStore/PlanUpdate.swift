import PlanModel

extension PlanFile {
  /// One edit to a plan on disk, the safe way: take the lock (waiting a few
  /// seconds for another writer), read, change, check that the result is
  /// still a valid plan, write atomically only if nobody changed the file
  /// meanwhile, release the lock.
  public static func update<T>(
    _ path: String, force: Bool = false, fault: AtomicFile.Fault? = nil,
    _ change: (inout Plan) throws(PlanEditError) -> T
  ) throws(PlanEditError) -> T {
    if !force && isWriteProtected(path) {
      throw .file(
        FileError(
          "\(shown(path)) is write-protected; make it writable (chmod u+w) or use --force", code: .writeProtected))
    }
    let lock: PlanLock
    do { lock = try PlanLock.acquire(path, wait: 3) } catch { throw .file(error) }
    defer { lock.release() }
    let loaded: LoadedPlan
    do { loaded = try load(path) } catch { throw .load(error) }
    var plan = loaded.plan
    let result = try change(&plan)
    // The bytes checked are the bytes written; an edit whose items check
    // out on their own is written straight from the plan, a piece at a time.
    let checked: [UInt8]?
    do { checked = try plan.checkedEdit(of: loaded.plan) } catch { throw .invalid(error.problems) }
    let edited = plan
    do {
      try write(
        to: path, unchanged: { FileBytes.holds(path, exactly: loaded.bytes) }, force: force, fault: fault
      ) { put in
        if let checked {
          _ = checked.withUnsafeBytes(put)
        } else {
          edited.writeFile(into: PieceOutput(put: put))
        }
      }
    } catch {
      throw .file(error)
    }
    return result
  }
}

public enum PlanEditError: Error, Sendable {
  case load(PlanLoadError)
  case file(FileError)
  case invalid([Problem])
}
