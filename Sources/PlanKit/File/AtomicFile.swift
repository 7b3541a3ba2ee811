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

  public static func write(_ bytes: [UInt8], to path: String, fault: Fault? = nil) throws(FileError) {
    try write(parts: [bytes], to: path, fault: fault)
  }

  /// The file made of consecutive parts, written in order.
  public static func write(parts: [[UInt8]], to path: String, fault: Fault? = nil) throws(FileError) {
    let target = resolve(path)
    let (dir, base) = split(target)
    func failure(_ what: String, _ e: Int32) -> FileError {
      FileError("cannot save \(path): \(what): \(errnoText(e)); the file on disk is unchanged")
    }
    var mode: mode_t = 0o644
    var owner: (uid_t, gid_t)?
    var st = stat()
    if stat(target, &st) == 0 {
      mode = st.st_mode & 0o7777
      owner = (st.st_uid, st.st_gid)
    }
    let temp = dir + "/." + base + ".tmp-\(getpid())"
    if case .createTemp(let e) = fault { throw failure("cannot create a file in \(dir)", e) }
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw failure("cannot create a file in \(dir)", errno) }
    var ok = false
    defer {
      if !ok { unlink(temp) }
    }
    if case .write(let e) = fault {
      close(fd)
      throw failure("write failed", e)
    }
    for bytes in parts {
      var written = 0
      while written < bytes.count {
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
        if n < 0 {
          if errno == EINTR { continue }
          let e = errno
          close(fd)
          throw failure("write failed", e)
        }
        written += n
      }
    }
    if let (uid, gid) = owner { _ = fchown(fd, uid, gid) }
    if fchmod(fd, mode) != 0 || fsync(fd) != 0 {
      let e = errno
      close(fd)
      throw failure("cannot flush", e)
    }
    close(fd)
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
