#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A plan read from disk, with the exact bytes it was read from so a later
/// save can tell whether somebody else changed the file meanwhile.
public struct LoadedPlan: Sendable {
  public var plan: Plan
  public var path: String
  public var bytes: [UInt8]
}

public struct PlanLoadError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable {
    /// The file could not be read or is not a JSON document (exit 2).
    case unreadable
    /// JSON, but not a valid plan (exit 1).
    case invalid
  }
  public var kind: Kind
  public var file: String
  public var problems: [Problem]
  /// One line per problem, `file:line:col: error: …`.
  public var lines: [String] { problems.map { $0.formatted(file: file) } }
  public var description: String { lines.joined(separator: "\n") }
}

public enum PlanFile {
  /// A plan of 20,000 activities is about 8 MB; past this a file is surely
  /// not a plan, and reading it would only waste memory.
  public static let maxBytes = 32 * 1024 * 1024

  public static func load(_ path: String) throws(PlanLoadError) -> LoadedPlan {
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(path, limit: maxBytes)
    } catch {
      throw PlanLoadError(kind: .unreadable, file: path, problems: [Problem(error.message)])
    }
    let plan = try decode(bytes, file: path)
    return LoadedPlan(plan: plan, path: path, bytes: bytes)
  }

  public static func decode(_ bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
    if let bad = UTF8Check.firstInvalid(bytes) {
      throw PlanLoadError(
        kind: .unreadable, file: file,
        problems: [
          Problem("the file is not UTF-8 text (byte 0x\(hexDigits(UInt32(bad.byte), width: 2)))", at: bad.position)
        ])
    }
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw PlanLoadError(kind: .unreadable, file: file, problems: [Problem(error.message, at: error.position)])
    }
    var decoder = PlanDecoder()
    guard let plan = decoder.decodePlan(root), decoder.problems.isEmpty else {
      // In file order, as an editor walks them.
      let sorted = decoder.problems.enumerated().sorted {
        ($0.element.position.line, $0.element.position.column, $0.offset)
          < ($1.element.position.line, $1.element.position.column, $1.offset)
      }.map(\.element)
      throw PlanLoadError(kind: .invalid, file: file, problems: sorted)
    }
    return plan
  }

  /// Writes the plan the safe way (see `AtomicFile`). With `expecting` (a
  /// `contentHash`), the save is refused when the file on disk changed.
  public static func save(_ plan: Plan, to path: String, expecting: String? = nil, fault: AtomicFile.Fault? = nil)
    throws(FileError) -> [UInt8]
  {
    let bytes = Array(plan.fileText().utf8)
    try write(bytes, to: path, expecting: expecting, fault: fault)
    return bytes
  }

  /// Writes a plan's bytes atomically; with `expecting`, only if the file on
  /// disk still has that `contentHash`.
  static func write(_ bytes: [UInt8], to path: String, expecting: String?, fault: AtomicFile.Fault?) throws(FileError) {
    if let expecting {
      let current = try? FileBytes.read(path, limit: maxBytes)
      if current.map(contentHash) != expecting {
        throw FileError(
          "\(path) was changed on disk since it was opened; not overwriting it", code: .conflict)
      }
    }
    try AtomicFile.write(bytes, to: path, fault: fault)
  }
}

public struct FileError: Error, Sendable, CustomStringConvertible {
  public enum Code: Sendable { case io, conflict, locked, tooLarge }
  public var message: String
  public var code: Code
  public init(_ message: String, code: Code = .io) {
    self.message = message
    self.code = code
  }
  public var description: String { message }
}

func errnoText(_ e: Int32) -> String { String(cString: strerror(e)) }

@discardableResult
func unlinkFile(_ path: String) -> Bool { unlink(path) == 0 }

/// `read(2)`, named apart so that no `read` method can shadow it.
func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}

public enum FileBytes {
  public static func read(_ path: String, limit: Int) throws(FileError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError("cannot read \(path): \(errnoText(errno))") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw FileError("cannot read \(path): \(errnoText(errno))") }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw FileError("cannot read \(path): it is a folder") }
    if Int(st.st_size) > limit {
      throw FileError(
        "\(path) is \(Int(st.st_size) / 1_048_576) MB; a plan file is at most \(limit / 1_048_576) MB",
        code: .tooLarge)
    }
    var out: [UInt8] = []
    out.reserveCapacity(Int(st.st_size))
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError("cannot read \(path): \(errnoText(errno))")
      }
      if n == 0 { break }
      out.append(contentsOf: buffer[0..<n])
      if out.count > limit {
        throw FileError("\(path) is larger than \(limit / 1_048_576) MB; a plan file is smaller", code: .tooLarge)
      }
    }
    return out
  }
}

enum UTF8Check {
  /// The first byte that breaks UTF-8, with its line and column.
  static func firstInvalid(_ bytes: [UInt8]) -> (byte: UInt8, position: SourcePosition)? {
    var i = 0
    var line = 1
    var column = 1
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      var len = 0
      var minScalar: UInt32 = 0
      if b < 0x80 {
        if b == 0x0A {
          line += 1
          column = 1
        } else {
          column += 1
        }
        i += 1
        continue
      } else if b & 0xE0 == 0xC0 {
        len = 2
        minScalar = 0x80
      } else if b & 0xF0 == 0xE0 {
        len = 3
        minScalar = 0x800
      } else if b & 0xF8 == 0xF0 {
        len = 4
        minScalar = 0x10000
      } else {
        return (b, SourcePosition(line: line, column: column))
      }
      guard i + len <= n else { return (b, SourcePosition(line: line, column: column)) }
      var scalar = UInt32(b) & (0xFF >> (len + 1))
      for j in 1..<len {
        let c = bytes[i + j]
        guard c & 0xC0 == 0x80 else { return (b, SourcePosition(line: line, column: column)) }
        scalar = scalar << 6 | UInt32(c & 0x3F)
      }
      if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
        return (b, SourcePosition(line: line, column: column))
      }
      i += len
      column += 1
    }
    return nil
  }
}
