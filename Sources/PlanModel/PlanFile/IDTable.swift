/// Item ids and where each first stands in the file (a byte offset): how a
/// plan finds an id written twice and `check` where to point its warnings.
/// Ids are ASCII by the format's rule, so they are hashed and compared as
/// bytes, in a table of their own: Swift's dictionary hashes every id with a
/// fresh seeded hasher, which made this the slowest single step of loading
/// 20,000 activities. An id that is not ASCII (a broken one, already an
/// error) goes to a dictionary, where `==` means what it means for text.
struct IDTable: Sendable {
  private var keys: [String] = []
  private var offsets: [Int] = []
  /// Open addressing: index into `keys` + 1, 0 for an empty slot.
  private var slots: [Int32]
  private var others: [String: Int] = [:]

  init(capacity: Int = 16) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = Array(repeating: 0, count: size)
    keys.reserveCapacity(capacity)
    offsets.reserveCapacity(capacity)
  }

  /// Records `id` at `offset` when it is new; when it is not, the offset it
  /// was first recorded at (and the table is unchanged).
  mutating func insert(_ id: String, at offset: Int) -> Int? {
    if (keys.count + 1) * 2 > slots.count { grow() }
    switch probe(id) {
    case .other:
      if let first = others[id] { return first }
      others[id] = offset
      return nil
    case .found(let k):
      return offsets[k]
    case .empty(let slot):
      keys.append(id)
      offsets.append(offset)
      slots[slot] = Int32(keys.count)
      return nil
    }
  }

  /// Where `id` first stands, if it is in the table.
  func offset(of id: String) -> Int? {
    switch probe(id) {
    case .other: return others[id]
    case .found(let k): return offsets[k]
    case .empty: return nil
    }
  }

  private enum Probe {
    /// Not ASCII: in `others`, if anywhere.
    case other
    case found(Int)
    /// Not there; this slot would take it.
    case empty(Int)
  }

  private func probe(_ id: String) -> Probe {
    var id = id
    guard let hash = id.withUTF8(IDTable.asciiHash) else { return .other }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: hash) & mask
    while slots[i] != 0 {
      let k = Int(slots[i]) - 1
      if IDTable.sameBytes(keys[k], id) { return .found(k) }
      i = (i + 1) & mask
    }
    return .empty(i)
  }

  var count: Int { keys.count + others.count }

  private mutating func grow() {
    var bigger = Array(repeating: Int32(0), count: slots.count * 2)
    let mask = bigger.count - 1
    for (k, key) in keys.enumerated() {
      var key = key
      var i = Int(truncatingIfNeeded: key.withUTF8(IDTable.asciiHash)!) & mask
      while bigger[i] != 0 { i = (i + 1) & mask }
      bigger[i] = Int32(k + 1)
    }
    slots = bigger
  }

  /// FNV-1a over the bytes, with the high bits folded down for the mask; nil
  /// when a byte is not ASCII.
  private static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var high: UInt8 = 0
    for b in bytes {
      high |= b
      h = (h ^ UInt64(b)) &* 0x100_0000_01b3
    }
    return high < 0x80 ? h ^ (h >> 29) : nil
  }

  private static func sameBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
  }
}
