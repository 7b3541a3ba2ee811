import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct FileError: Error, Sendable, CustomStringConvertible {
  public enum Code: Sendable { case io, conflict, locked, tooLarge, writeProtected, link }
  public var message: String
  public var code: Code
  public init(_ message: String, code: Code = .io) {
    self.message = message
    self.code = code
  }
  public var description: String { message }
}

func errnoText(_ e: Int32) -> String { String(cString: strerror(e)) }

/// A path as it may be printed: controls and invisible characters made visible.
func shown(_ path: String) -> String { visibleName(path) }

/// `read(2)`, named apart so that no `read` method can shadow it.
func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}

/// `write(2)` of all the bytes, however many calls it takes; the errno on failure.
func writeAll(_ fd: Int32, _ part: FilePart) -> Int32? {
  part.withBytes { writeAll(fd, $0) }
}

func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
  var written = 0
  while written < bytes.count {
    let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
    if n < 0 {
      if errno == EINTR { continue }
      return errno
    }
    written += n
  }
  return nil
}

/// Output made while it is written (an export a piece at a time, see
/// `PieceOutput`): called once with where each piece goes.
public typealias Producer = (_ put: @escaping PieceOutput.Put) -> Void

/// The producer of parts already made.
func producing(_ parts: [FilePart]) -> Producer {
  { put in
    for part in parts where !part.withBytes(put) { return }
  }
}

/// A piece of a file to write: bytes, or text written from its own UTF-8
/// (a big plan's web page is 40 MB; copying it into bytes first held it twice).
public enum FilePart: Sendable {
  case bytes([UInt8])
  case text(String)

  func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
    switch self {
    case .bytes(let b): return b.withUnsafeBytes(body)
    case .text(var s): return s.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
  }
}

public enum FileBytes {
  /// The whole file. With `noFollow`, a symbolic link at `path` is refused
  /// instead of read through (the files arshjul keeps beside a plan).
  public static func read(_ path: String, limit: Int, noFollow: Bool = false) throws(FileError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC | (noFollow ? O_NOFOLLOW : 0))
    guard fd >= 0 else {
      if errno == ELOOP && noFollow {
        throw FileError(
          "\(shown(path)) is a symbolic link; arshjul did not make it and will not follow it", code: .link)
      }
      throw FileError("cannot read \(shown(path)): \(errnoText(errno))")
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw FileError("cannot read \(shown(path)): \(errnoText(errno))") }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw FileError("cannot read \(shown(path)): it is a folder") }
    if Int(st.st_size) > limit {
      throw FileError(
        "\(shown(path)) is \(Int(st.st_size) / 1_048_576) MB; a plan file is at most \(limit / 1_048_576) MB",
        code: .tooLarge)
    }
    // Read straight into the array, sized by fstat (a byte more, to see a
    // file that grew meanwhile; the rest of such a file comes in pieces).
    var failed: Int32?
    var out = [UInt8](unsafeUninitializedCapacity: Int(st.st_size) + 1) { buffer, count in
      var got = 0
      while got < buffer.count {
        let n = posixRead(fd, buffer.baseAddress! + got, buffer.count - got)
        if n < 0 {
          if errno == EINTR { continue }
          failed = errno
          break
        }
        if n == 0 { break }
        got += n
      }
      count = got
    }
    if let e = failed { throw FileError("cannot read \(shown(path)): \(errnoText(e))") }
    guard out.count > Int(st.st_size) else { return out }
    var tooLarge = out.count > limit
    if !tooLarge,
      let e = eachPiece(
        fd,
        { piece in
          out.append(contentsOf: piece)
          tooLarge = out.count > limit
          return !tooLarge
        })
    {
      throw FileError("cannot read \(shown(path)): \(errnoText(e))")
    }
    if tooLarge {
      throw FileError("\(shown(path)) is larger than \(limit / 1_048_576) MB; a plan file is smaller", code: .tooLarge)
    }
    return out
  }

  /// Reads `fd` to its end a piece at a time, handing each to `body`
  /// (which returns false to stop); nil, or the errno of a read that failed.
  static func eachPiece(_ fd: Int32, _ body: (UnsafeRawBufferPointer) -> Bool) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return nil }
      guard buffer.withUnsafeBytes({ body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }) else { return nil }
    }
  }

  /// Whether the file may hold a JSON object: its first byte that is not
  /// white space is `{`, or its first 4 KB are all white space (then only
  /// reading it all can tell). An empty or unreadable file may not.
  public static func mayBeJSONObject(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return false }
    guard let first = buffer[0..<n].first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      return true
    }
    return first == UInt8(ascii: "{")
  }

  /// Whether the file at `path` holds exactly `bytes`, read a piece at a
  /// time (no second copy of a big plan in memory).
  public static func holds(_ path: String, exactly bytes: [UInt8]) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var at = 0
    var same = true
    let failed = eachPiece(fd) { piece in
      same =
        at + piece.count <= bytes.count
        && bytes.withUnsafeBytes { memcmp(piece.baseAddress!, $0.baseAddress! + at, piece.count) == 0 }
      at += piece.count
      return same
    }
    return failed == nil && same && at == bytes.count
  }

  /// Whether anything (a file, a link, even a dangling one) is at `path`.
  public static func exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }
}
