import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PlanFile {
  public static func load(_ path: String) throws(PlanLoadError) -> LoadedPlan {
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(path, limit: maxBytes)
    } catch {
      throw PlanLoadError(kind: .unreadable, file: path, problems: [Problem(error.message)])
    }
    let (plan, places) = try decodePlaced(bytes, file: path)
    return LoadedPlan(plan: plan, path: path, bytes: bytes, places: places)
  }

  /// Several plans read side by side (a project's years opened as one):
  /// a plan's parse runs on one core, so two files at once use both.
  public static func loadAll(_ paths: [String]) -> [Result<LoadedPlan, PlanLoadError>] {
    InParts.map(count: paths.count, threshold: 2) { range in
      range.map { i in Result { () throws(PlanLoadError) in try load(paths[i]) } }
    }.flatMap { $0 }
  }

  /// Writes the plan the safe way (see `AtomicFile`). With `expecting` (a
  /// `contentHash`), the save is refused when the file on disk changed.
  public static func save(
    _ plan: Plan, to path: String, expecting: String? = nil, force: Bool = false, fault: AtomicFile.Fault? = nil
  ) throws(FileError) -> [UInt8] {
    let bytes = plan.fileBytes()
    try write(bytes, to: path, expecting: expecting, force: force, fault: fault)
    return bytes
  }

  /// Whether the plan file has no write permission for anyone (`chmod 444`):
  /// such a file is left alone unless forced, as editors do, even where a
  /// rename in its folder could go around the mode.
  public static func isWriteProtected(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & 0o222) == 0
  }

  /// Writes a plan's bytes atomically; with `expecting`, only if the file on
  /// disk still has that `contentHash`.
  static func write(_ bytes: [UInt8], to path: String, expecting: String?, force: Bool, fault: AtomicFile.Fault?)
    throws(FileError)
  {
    let unchanged = expecting.map { hash in
      { (try? FileBytes.read(path, limit: maxBytes)).map(contentHash) == hash }
    }
    try write(bytes, to: path, unchanged: unchanged, force: force, fault: fault)
  }

  /// The same with the test of "the file on disk is still as it was"
  /// given (an update compares the bytes it read, without hashing both).
  static func write(
    _ bytes: [UInt8], to path: String, unchanged: (() -> Bool)?, force: Bool, fault: AtomicFile.Fault?
  ) throws(FileError) {
    try write(to: path, unchanged: unchanged, force: force, fault: fault, producing([.bytes(bytes)]))
  }

  /// The same with the file as `produce` makes it.
  static func write(
    to path: String, unchanged: (() -> Bool)?, force: Bool, fault: AtomicFile.Fault?, _ produce: Producer
  ) throws(FileError) {
    if !force && isWriteProtected(path) {
      throw FileError(
        "\(shown(path)) is write-protected; make it writable (chmod u+w) or use --force", code: .writeProtected)
    }
    if let unchanged {
      if !unchanged() {
        throw FileError(
          "\(shown(path)) was changed on disk since it was opened; not overwriting it", code: .conflict)
      }
    }
    try AtomicFile.write(to: path, fault: fault, produce)
  }
}
