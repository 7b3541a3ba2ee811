import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an export goes when it is given `-o FILE`: a regular file is
/// replaced atomically (never half an export); a FIFO, a terminal or a
/// device such as /dev/null is written to as a stream, never replaced by a
/// regular file; a plan — the input itself or any other — is never overwritten.
public enum OutputFile {
  public static func write(parts: [[UInt8]], to path: String, input: String?) throws(FileError) {
    try write(pieces: parts.map(FilePart.bytes), to: path, input: input)
  }

  public static func write(pieces parts: [FilePart], to path: String, input: String?) throws(FileError) {
    try write(to: path, input: input, producing(parts))
  }

  /// The export as `produce` makes it, a piece at a time (see `AtomicFile`).
  public static func write(to path: String, input: String?, _ produce: Producer) throws(FileError) {
    var st = stat()
    if stat(path, &st) == 0 {
      switch st.st_mode & S_IFMT {
      case S_IFIFO, S_IFCHR, S_IFSOCK:
        return try stream(produce, to: path)
      case S_IFDIR:
        throw FileError("cannot write \(shown(path)): it is a folder")
      case S_IFREG:
        if let input, isSameFile(path, input) {
          throw FileError("refusing to write the export over the plan itself (\(shown(path))); choose another -o")
        }
        // A plan is a JSON object: a file that does not start with `{` is
        // not read whole (an old 16 MB SVG being replaced, say).
        if FileBytes.mayBeJSONObject(path),
          let bytes = try? FileBytes.read(path, limit: PlanFile.maxBytes), PlanFile.looksLikePlan(bytes)
        {
          throw FileError("refusing to overwrite \(shown(path)): it is an arshjul plan; choose another -o")
        }
      default:
        throw FileError("cannot write \(shown(path)): it is not a regular file")
      }
    }
    try AtomicFile.write(to: path, produce)
  }

  public static func isSameFile(_ a: String, _ b: String) -> Bool {
    var sa = stat()
    var sb = stat()
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
  }

  static func stream(_ produce: Producer, to path: String) throws(FileError) {
    let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError("cannot write \(shown(path)): \(errnoText(errno))") }
    var failed: Int32?
    produce { piece in
      failed = writeAll(fd, piece)
      return failed == nil
    }
    if let e = failed {
      close(fd)
      throw FileError("cannot write \(shown(path)): \(errnoText(e))")
    }
    guard close(fd) == 0 else { throw FileError("cannot write \(shown(path)): \(errnoText(errno))") }
  }
}

/// Standard output, checked: a full disk or a closed reader is an error the
/// command reports, not a silent success.
public enum StandardOutput {
  public enum Failure: Error, Sendable {
    /// The reader went away (`| head`): nothing more to say.
    case closed
    case failed(String)
  }

  public static func write(_ bytes: [UInt8]) throws(Failure) {
    try write(.bytes(bytes))
  }

  public static func write(_ part: FilePart) throws(Failure) {
    try write(producing([part]))
  }

  /// Output as `produce` makes it, a piece at a time.
  public static func write(_ produce: Producer) throws(Failure) {
    var failed: Int32?
    produce { piece in
      failed = writeAll(1, piece)
      return failed == nil
    }
    guard let e = failed else { return }
    if e == EPIPE { throw .closed }
    throw .failed("cannot write to standard output: \(errnoText(e))")
  }
}

/// Standard error: all of the bytes, and nothing more to do when it fails
/// (there is nowhere left to say so).
public enum StandardError {
  public static func write(_ bytes: [UInt8]) {
    _ = writeAll(2, .bytes(bytes))
  }
}
