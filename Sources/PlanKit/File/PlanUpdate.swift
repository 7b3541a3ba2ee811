extension PlanFile {
  /// One edit to a plan on disk, the safe way: take the lock, read, change,
  /// check that the result is still a valid plan, write atomically only if
  /// nobody changed the file meanwhile, release the lock.
  public static func update<T>(
    _ path: String, fault: AtomicFile.Fault? = nil, _ change: (inout Plan) throws(PlanEditError) -> T
  ) throws(PlanEditError) -> T {
    let lock: PlanLock
    do { lock = try PlanLock.acquire(path) } catch { throw .file(error) }
    defer { lock.release() }
    let loaded: LoadedPlan
    do { loaded = try load(path) } catch { throw .load(error) }
    var plan = loaded.plan
    let result = try change(&plan)
    try plan.validated()
    do {
      _ = try save(plan, to: path, expecting: contentHash(loaded.bytes), fault: fault)
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

extension Plan {
  /// Every rule of the file format, checked on the plan as it would be
  /// written, so no edit can save a plan that `arshjul check` refuses.
  public func validated() throws(PlanEditError) {
    do {
      _ = try PlanFile.decode(Array(fileText().utf8), file: "<plan>")
    } catch {
      throw .invalid(error.problems)
    }
  }

  /// The problems of this plan (empty when valid).
  public var problems: [Problem] {
    do {
      try validated()
      return []
    } catch {
      if case .invalid(let p) = error { return p }
      return []
    }
  }
}
