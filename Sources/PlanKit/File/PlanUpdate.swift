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
    let bytes = try plan.validated()  // the bytes checked are the bytes written
    do {
      try write(bytes, to: path, expecting: contentHash(loaded.bytes), fault: fault)
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
  /// Returns the file's bytes, checked.
  @discardableResult
  public func validated() throws(PlanEditError) -> [UInt8] {
    let bytes = Array(fileText().utf8)
    do {
      _ = try PlanFile.decode(bytes, file: "<plan>")
    } catch {
      throw .invalid(error.problems)
    }
    return bytes
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
