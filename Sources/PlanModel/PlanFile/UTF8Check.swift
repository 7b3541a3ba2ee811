/// Whether a file is UTF-8, checked on all of it beside the parse (a big
/// file on a core of its own); a bad byte is named with its line and
/// column, as the parser names its own errors.
enum UTF8Check {
  /// The first byte that breaks UTF-8, with its line and column.
  static func firstInvalid(_ bytes: [UInt8]) -> (byte: UInt8, position: SourcePosition)? {
    guard let at = bytes.withUnsafeBufferPointer(firstInvalid) else { return nil }
    var locator = SourceLocator(bytes)
    return (bytes[at], locator.position(of: at))
  }

  /// Its offset. Eight ASCII bytes are passed at a time: a plan is mostly ASCII.
  static func firstInvalid(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = b.count
    let raw = UnsafeRawBufferPointer(b)
    while i < n {
      if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i += 8
        continue
      }
      let c = b[i]
      var len = 0
      var minScalar: UInt32 = 0
      if c < 0x80 {
        i += 1
        continue
      } else if c & 0xE0 == 0xC0 {
        len = 2
        minScalar = 0x80
      } else if c & 0xF0 == 0xE0 {
        len = 3
        minScalar = 0x800
      } else if c & 0xF8 == 0xF0 {
        len = 4
        minScalar = 0x10000
      } else {
        return i
      }
      guard i + len <= n else { return i }
      var scalar = UInt32(c) & (0xFF >> (len + 1))
      for j in 1..<len {
        let d = b[i + j]
        guard d & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(d & 0x3F)
      }
      if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      i += len
    }
    return nil
  }
}
