/// Output handed on a piece at a time while it is made. A 20,000-activity
/// plan's web page is 40 MB and its wheel 16 MB: held whole they took more
/// memory than the plan itself. `put` takes each piece and says whether to
/// go on; once it says no (a full disk), the rest is dropped and the caller
/// reports what `put` saw. Without `put`, everything is kept (`text`).
public final class PieceOutput {
  /// Hands a piece on; false stops the output.
  public typealias Put = (UnsafeRawBufferPointer) -> Bool

  /// About this much is gathered before it is handed on: big enough that
  /// writing costs a system call per 64 KB, small beside any plan worth it.
  public static let pieceSize = 1 << 16

  private var buffer: [UInt8] = []
  private let put: Put?
  /// Whether `put` said to stop.
  public private(set) var stopped = false

  /// Output handed to `put` as it is made.
  public init(put: @escaping Put) {
    self.put = put
    buffer.reserveCapacity(Self.pieceSize * 2)
  }

  /// Output kept whole, for `text` and `bytes`.
  public init(expecting bytes: Int = 0) {
    put = nil
    buffer.reserveCapacity(bytes)
  }

  public func append(_ s: String) {
    buffer.append(contentsOf: s.utf8)
    if buffer.count >= Self.pieceSize, put != nil { handOn() }
  }

  /// A line and its newline, without making the two one string first.
  public func appendLine(_ s: String) {
    append(s)
    append("\n")
  }

  public func append(bytes: [UInt8]) {
    guard put != nil, bytes.count >= Self.pieceSize else {
      buffer.append(contentsOf: bytes)
      if buffer.count >= Self.pieceSize, put != nil { handOn() }
      return
    }
    // A big piece goes on as it is, after what came before it.
    handOn()
    if !stopped, let put { stopped = !bytes.withUnsafeBytes(put) }
  }

  /// Hands on what is left; the end of a streamed output.
  public func finish() {
    if put != nil { handOn() }
  }

  /// All that `write` makes, kept whole: for tests and for callers that
  /// need the text itself (`render`); `bytes` guesses the size, to make room once.
  public static func kept(expecting bytes: Int = 0, _ write: (PieceOutput) -> Void) -> PieceOutput {
    let out = PieceOutput(expecting: bytes)
    write(out)
    return out
  }

  /// What was kept (an output without `put`).
  public var bytes: [UInt8] { buffer }

  public var text: String { String(decoding: buffer, as: UTF8.self) }

  private func handOn() {
    guard let put, !buffer.isEmpty else { return }
    if !stopped { stopped = !buffer.withUnsafeBytes(put) }
    buffer.removeAll(keepingCapacity: true)
  }
}
