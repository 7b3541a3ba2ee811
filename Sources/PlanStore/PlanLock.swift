import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One writer at a time: `PLAN.lock` beside the plan, held with `flock(2)`
/// for as long as the writer runs. The kernel lets the lock go when its
/// process ends however it ends (kill -9, a crash), so there is no guessing
/// whether a lock is stale, and no moment in which two writers both believe
/// they hold it. The pid in the file is only there for the message.
public final class PlanLock {
  public let lockPath: String
  private var fd: Int32 = -1

  private init(lockPath: String) { self.lockPath = lockPath }

  public static func lockPath(for plan: String) -> String { AtomicFile.resolve(plan) + ".lock" }

  /// Takes the lock, waiting up to `wait` seconds for another writer to finish.
  public static func acquire(_ planPath: String, wait: Double = 0) throws(FileError) -> PlanLock {
    let lock = PlanLock(lockPath: lockPath(for: planPath))
    let (mode, _) = AtomicFile.sideMode(of: AtomicFile.resolve(planPath))
    var waited = 0.0
    while true {
      let fd = open(lock.lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, mode)
      guard fd >= 0 else {
        if errno == ELOOP {
          throw FileError(
            "cannot lock \(shown(planPath)): \(shown(lock.lockPath)) is a symbolic link that arshjul did not make; remove it",
            code: .link)
        }
        throw FileError("cannot lock \(shown(planPath)): \(shown(lock.lockPath)): \(errnoText(errno))", code: .locked)
      }
      if flock(fd, LOCK_EX | LOCK_NB) == 0 {
        // The file we locked must still be the one at the path: the last
        // holder unlinks it before letting go, and a lock on an unlinked
        // file would lock nothing.
        var held = stat()
        var there = stat()
        if fstat(fd, &held) == 0, lstat(lock.lockPath, &there) == 0, held.st_ino == there.st_ino,
          held.st_dev == there.st_dev
        {
          _ = ftruncate(fd, 0)
          _ = pwriteAll(fd, Array("\(getpid())\n".utf8))
          lock.fd = fd
          return lock
        }
        close(fd)
        continue
      }
      let busy = errno == EWOULDBLOCK || errno == EAGAIN
      let e = errno
      close(fd)
      guard busy else { throw FileError("cannot lock \(shown(planPath)): \(errnoText(e))", code: .locked) }
      if waited >= wait {
        let who = holder(lock.lockPath).map { " (pid \($0))" } ?? ""
        throw FileError(
          "\(shown(planPath)) is open in another arshjul\(who); close it first, or open it with --read-only",
          code: .locked)
      }
      usleep(20_000)
      waited += 0.02
    }
  }

  static func holder(_ path: String) -> Int32? {
    guard let bytes = try? FileBytes.read(path, limit: 64, noFollow: true) else { return nil }
    return Int32(String(decoding: bytes, as: UTF8.self).trimmed)
  }

  public func release() {
    guard fd >= 0 else { return }
    // Unlink while still holding it, so a waiting writer that opened this
    // file sees, once it gets the lock, that it is no longer the lock file.
    unlink(lockPath)
    close(fd)
    fd = -1
  }

  deinit { release() }
}

private func pwriteAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
  bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == bytes.count
}
