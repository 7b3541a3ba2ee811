#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `PLAN.lock` beside the plan, holding the owner's pid: one writer at a
/// time. A lock whose process is gone (kill -9, a crash) is taken over.
public final class PlanLock {
  public let lockPath: String
  private var held = false

  private init(lockPath: String) { self.lockPath = lockPath }

  public static func lockPath(for plan: String) -> String { AtomicFile.resolve(plan) + ".lock" }

  public static func acquire(_ planPath: String) throws(FileError) -> PlanLock {
    let lock = PlanLock(lockPath: lockPath(for: planPath))
    for _ in 0..<2 {
      let fd = open(lock.lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if fd >= 0 {
        let text = Array("\(getpid())\n".utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        lock.held = true
        return lock
      }
      guard errno == EEXIST else {
        throw FileError("cannot lock \(planPath): \(errnoText(errno))", code: .locked)
      }
      if let pid = holder(lock.lockPath), isAlive(pid) {
        throw FileError(
          "\(planPath) is open in another arshjul (pid \(pid)); close it first, or remove \(lock.lockPath) if that process is gone",
          code: .locked)
      }
      unlink(lock.lockPath)  // stale: its process is gone
    }
    throw FileError("cannot lock \(planPath): \(lock.lockPath) keeps coming back", code: .locked)
  }

  static func holder(_ path: String) -> Int32? {
    guard let bytes = try? FileBytes.read(path, limit: 64) else { return nil }
    return Int32(String(decoding: bytes, as: UTF8.self).trimmed)
  }

  static func isAlive(_ pid: Int32) -> Bool {
    if pid == getpid() { return true }
    return kill(pid, 0) == 0 || errno == EPERM
  }

  public func release() {
    guard held else { return }
    unlink(lockPath)
    held = false
  }

  deinit { release() }
}
