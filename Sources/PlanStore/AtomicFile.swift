import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces a file the way git writes its lockfiles, because Foundation's
/// `.atomic` write on Linux neither fsyncs the folder nor keeps a symlink or
/// the file's mode. Either the old file stays whole or the new one is there.
public enum AtomicFile {
  /// A step to fail on purpose, so tests can prove a failed save leaves the
  /// old file whole (a full disk, a read-only folder).
  public enum Fault: Sendable {
    case createTemp(errno: Int32)
    case write(errno: Int32)
    case rename(errno: Int32)
  }

  /// The file a path finally names, following symlinks, so a symlinked
  /// plan is written through, not replaced by a regular file.
  public static func resolve(_ path: String) -> String {
    if let real = realpath(path, nil) {
      defer { free(real) }
      return String(cString: real)
    }
    // The file does not exist yet: resolve its folder.
    let (dir, base) = split(path)
    if let real = realpath(dir, nil) {
      defer { free(real) }
      return String(cString: real) + "/" + base
    }
    return path
  }

  static func split(_ path: String) -> (dir: String, base: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let dir = String(path[..<slash])
    return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
  }

  /// The plan itself, or an export the user named: written through a
  /// symlink, keeping the file's mode and owner.
  public static func write(_ bytes: [UInt8], to path: String, fault: Fault? = nil) throws(FileError) {
    try write(parts: [bytes], to: path, fault: fault)
  }

  /// The file made of consecutive parts, written in order.
  public static func write(parts: [[UInt8]], to path: String, fault: Fault? = nil) throws(FileError) {
    try write(pieces: parts.map(FilePart.bytes), to: path, fault: fault)
  }

  public static func write(pieces parts: [FilePart], to path: String, fault: Fault? = nil) throws(FileError) {
    try write(to: path, fault: fault, producing(parts))
  }

  /// The file as `produce` makes it, written piece by piece into the new
  /// file (never held whole); a failed write leaves the old file as it was.
  public static func write(to path: String, fault: Fault? = nil, _ produce: Producer) throws(FileError) {
    let target = resolve(path)
    var mode: mode_t = 0o644
    var owner: (uid_t, gid_t)?
    var st = stat()
    if stat(target, &st) == 0 {
      mode = st.st_mode & 0o7777
      owner = (st.st_uid, st.st_gid)
    }
    try replace(target, shownAs: path, produce: produce, mode: mode, owner: owner, fault: fault)
  }

  /// A file arshjul keeps beside a plan (journal, conflict copy, sync state):
  /// a symbolic link planted at its place is replaced, never written through,
  /// and the file is never more readable than the plan.
  public static func writeBeside(plan: String, parts: [[UInt8]], to path: String, fault: Fault? = nil)
    throws(FileError)
  {
    let (mode, owner) = sideMode(of: plan)
    // The folder is resolved, the last component is not: rename(2) then
    // replaces whatever is there, a link included, instead of its target.
    let (dir, base) = split(path)
    let realDir = resolve(dir)
    try replace(
      realDir + "/" + base, shownAs: path, produce: producing(parts.map(FilePart.bytes)), mode: mode, owner: owner,
      fault: fault)
  }

  /// A file of arshjul's own away from any plan (a feed's copy in the
  /// cache): readable by its owner only, a link at its place replaced.
  public static func writePrivate(_ bytes: [UInt8], to path: String) throws(FileError) {
    let (dir, base) = split(path)
    try replace(
      resolve(dir) + "/" + base, shownAs: path, produce: producing([.bytes(bytes)]), mode: 0o600, owner: nil,
      fault: nil)
  }

  /// The mode and owner for a file beside a plan: the plan's, without
  /// execute bits; 0600 when the plan cannot be looked at.
  static func sideMode(of plan: String) -> (mode_t, (uid_t, gid_t)?) {
    var st = stat()
    guard stat(plan, &st) == 0 else { return (0o600, nil) }
    // Owner read/write always (arshjul must be able to read back its own
    // file), group and others at most what the plan grants them.
    return ((st.st_mode & 0o066) | 0o600, (st.st_uid, st.st_gid))
  }

  private static func replace(
    _ target: String, shownAs path: String, produce: Producer, mode: mode_t, owner: (uid_t, gid_t)?, fault: Fault?
  ) throws(FileError) {
    let (dir, base) = split(target)
    func failure(_ what: String, _ e: Int32) -> FileError {
      FileError("cannot save \(shown(path)): \(what): \(errnoText(e)); the file on disk is unchanged")
    }
    if case .createTemp(let e) = fault { throw failure("cannot create a file in \(shown(dir))", e) }
    var fd: Int32 = -1
    var temp = ""
    // O_EXCL never opens an existing name, a planted link included; a
    // leftover temp file of an earlier run only moves us to the next name.
    for attempt in 0..<100 {
      temp = dir + "/." + base + ".tmp-\(getpid())" + (attempt == 0 ? "" : "-\(attempt)")
      fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw failure("cannot create a file in \(shown(dir))", errno) }
    var ok = false
    defer {
      if !ok { unlink(temp) }
    }
    var failed: Int32?
    produce { piece in
      // A write fault fails the first piece, as a disk that fills up does.
      if case .write(let e) = fault { failed = e } else { failed = writeAll(fd, piece) }
      return failed == nil
    }
    if let e = failed {
      close(fd)
      throw failure("write failed", e)
    }
    if let (uid, gid) = owner { _ = fchown(fd, uid, gid) }
    if fchmod(fd, mode) != 0 || fsync(fd) != 0 {
      let e = errno
      close(fd)
      throw failure("cannot flush", e)
    }
    guard close(fd) == 0 else { throw failure("cannot flush", errno) }
    if case .rename(let e) = fault { throw failure("cannot replace the file", e) }
    guard rename(temp, target) == 0 else { throw failure("cannot replace the file", errno) }
    ok = true
    // The rename lives in the folder: sync it too, or a crash can undo it.
    let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      _ = fsync(dfd)
      close(dfd)
    }
  }
}
