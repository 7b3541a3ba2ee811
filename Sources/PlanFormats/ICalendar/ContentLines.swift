import PlanModel

/// iCalendar content lines (RFC 5545 §3.1): CRLF endings, folded at 75
/// octets without ever splitting a UTF-8 character, TEXT escaped. Built as
/// bytes, since folding counts octets and a big plan has many lines.
struct ContentLines: ~Copyable {
  private var buffer: ByteBuffer

  init(capacity: Int = 1 << 16) { buffer = ByteBuffer(capacity: capacity) }

  var bytes: [UInt8] { buffer.array }
  var text: String { String(decoding: buffer.array, as: UTF8.self) }

  /// Octets on the current physical line.
  private var column = 0

  mutating func add(_ name: String, _ value: String) {
    write(name)
    write(":")
    write(value)
    endLine()
  }

  /// A TEXT property, escaped while it is written (no string in between).
  mutating func text(_ name: String, _ value: String) {
    begin(name)
    escaped(value)
    end()
  }

  /// `NAME:`; the value follows in pieces, then `end()`.
  mutating func begin(_ name: String) {
    write(name)
    write(":")
  }

  /// A piece of value that needs no escaping (ids, constants).
  mutating func raw(_ s: String) { write(s) }

  mutating func end() { endLine() }

  /// A piece of TEXT value, escaped: backslash, semicolon, comma and newline;
  /// never colon; other control characters dropped.
  mutating func escaped(_ value: String) {
    var c1 = false  // just saw 0xC2: a C1 control may follow
    for b in value.utf8 {
      if c1 {
        c1 = false
        if b >= 0x80 && b <= 0x9F { continue }  // U+0080–U+009F: dropped
        put([0xC2, b])
        continue
      }
      switch b {
      case 0x5C: put([0x5C, 0x5C])
      case 0x3B: put([0x5C, 0x3B])
      case 0x2C: put([0x5C, 0x2C])
      case 0x0A: put([0x5C, 0x6E])
      case 0x09: put([0x20])
      case 0xC2: c1 = true
      case 0..<0x20, 0x7F: continue
      default:
        if b & 0xC0 == 0x80 {
          buffer.append(b)  // inside a character: never folded here
        } else {
          let length = b < 0x80 ? 1 : (b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2))
          if column + length > 75 { foldLine() }
          buffer.append(b)
          column += length
        }
      }
    }
  }

  /// A short unit that must not be split (an escape, a two-byte character).
  private mutating func put(_ unit: [UInt8]) {
    if column + unit.count > 75 { foldLine() }
    buffer.append(unit)
    column += unit.count
  }

  private mutating func foldLine() {
    buffer.append(0x0D, 0x0A, 0x20)
    column = 1  // the leading space of a continuation line counts
  }

  /// A date property written digit by digit: `NAME;PARAMS:YYYYMMDD[THHMM00]`.
  /// Thousands of events each have several, so no strings are made for them.
  mutating func date(_ name: String, params: String, _ day: Day, _ time: TimeOfDay? = nil) {
    write(name)
    write(";")
    write(params)
    write(":")
    let (y, m, d) = day.ymd
    digits(y, 4)
    digits(m, 2)
    digits(d, 2)
    if let time {
      buffer.append(UInt8(ascii: "T"))
      digits(time.hour, 2)
      digits(time.minute, 2)
      digits(0, 2)
      column += 7
    }
    endLine()
  }

  private mutating func digits(_ v: Int, _ width: Int) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = v
    for _ in 0..<width {
      buffer.append(UInt8(48 + (rest / divisor) % 10))
      rest %= divisor
      divisor /= 10
    }
    column += width
  }

  /// Appends as it goes, folding before any character that would pass 75
  /// octets, so a character is never split and no line is built twice.
  private mutating func write(_ s: String) {
    // It fits on the line whole (the usual case): no need to look at characters.
    let count = s.utf8.count
    if column + count <= 75 {
      buffer.append(s)
      column += count
      return
    }
    var remaining = 0
    for b in s.utf8 {
      if remaining > 0 {
        buffer.append(b)
        remaining -= 1
        continue
      }
      let length = b < 0x80 ? 1 : (b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2))
      if column + length > 75 {
        buffer.append(0x0D, 0x0A, 0x20)
        column = 1  // the leading space of a continuation line counts
      }
      buffer.append(b)
      column += length
      remaining = length - 1
    }
  }

  private mutating func endLine() {
    buffer.append(0x0D, 0x0A)
    column = 0
  }

  /// TEXT escaping: backslash, semicolon, comma and newline; never colon.
  /// Other control characters cannot be written in TEXT and are dropped.
  static func escape(_ s: String) -> String {
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x7F || $0 == 0xC2 }) {
      return s
    }
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": out += "\\n"
      case "\r": continue
      case "\t": out += " "
      case _ where isControl(scalar): continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// A growable run of bytes without Array's checks on every append: an
/// export of a big plan appends millions of them.
struct ByteBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(64, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  private mutating func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    var c = capacity * 2
    while c < count + extra { c *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
    bigger.update(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = c
  }

  mutating func append(_ b: UInt8) {
    if count == capacity { reserve(1) }
    base[count] = b
    count += 1
  }

  mutating func append(_ a: UInt8, _ b: UInt8) {
    reserve(2)
    base[count] = a
    base[count + 1] = b
    count += 2
  }

  mutating func append(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
    reserve(3)
    base[count] = a
    base[count + 1] = b
    base[count + 2] = c
    count += 3
  }

  mutating func append(_ bytes: [UInt8]) {
    reserve(bytes.count)
    for b in bytes {
      base[count] = b
      count += 1
    }
  }

  mutating func append(_ s: String) {
    var s = s
    s.withUTF8 { p in
      guard let from = p.baseAddress, p.count > 0 else { return }
      reserve(p.count)
      (base + count).update(from: from, count: p.count)
      count += p.count
    }
  }

  var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
