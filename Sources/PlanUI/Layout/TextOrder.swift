/// Swift's own order of text (`<`, by canonical equivalence), worked out
/// faster for the text a plan mostly holds. Text whose characters all lie
/// below U+0300 (ASCII, and Latin letters with their accents: å ä ö é ü)
/// is in normal form C already, and there Swift's order is the order of the
/// UTF-8 bytes; other text is compared as Swift does. Same answers, so
/// sorting by it orders exactly as `<` would.
public struct TextOrder {
  /// Whether each text is of the simple kind, worked out once per list.
  private let simple: [Bool]
  /// Each simple text's first eight bytes as one number (big-endian, zeros
  /// after a shorter text): where two differ, they order the texts.
  private let prefixes: [UInt64]

  public init(_ texts: some Collection<String>) {
    let list = Array(texts)
    self.init(count: list.count) { list[$0] }
  }

  /// The texts by their place: a caller reads each where it is (a title in
  /// an activity) instead of handing over a sequence that copies what holds it.
  public init(count: Int, _ text: (Int) -> String) {
    var simple: [Bool] = []
    var prefixes: [UInt64] = []
    simple.reserveCapacity(count)
    prefixes.reserveCapacity(count)
    for i in 0..<count {
      var t = text(i)
      t.withUTF8 { bytes in
        simple.append(TextOrder.isSimple(bytes))
        var key: UInt64 = 0
        for k in 0..<8 { key = key << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
        prefixes.append(key)
      }
    }
    self.simple = simple
    self.prefixes = prefixes
  }

  /// `texts[i] < texts[j]` when their first bytes already tell it, without
  /// looking at the texts (a sort of 20,000 titles mostly stops here); nil
  /// when the whole texts must be compared (`precedes`, `same`).
  public func quickOrder(_ i: Int, _ j: Int) -> Bool? {
    guard simple[i], simple[j], prefixes[i] != prefixes[j] else { return nil }
    return prefixes[i] < prefixes[j]
  }

  /// Every UTF-8 byte below 0xCC: no scalar from U+0300 (the combining
  /// marks) up.
  public static func isSimple(_ s: String) -> Bool {
    var s = s
    return s.withUTF8(isSimple)
  }

  static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { !bytes.contains { $0 >= 0xCC } }

  /// `texts[i] < texts[j]`, for texts in the order given to `init`.
  public func precedes(_ a: String, _ i: Int, _ b: String, _ j: Int) -> Bool {
    guard simple[i] && simple[j] else { return a < b }
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.lexicographicallyPrecedes(y) } }
  }

  /// Whether the two texts are the same text (as `==`).
  public func same(_ a: String, _ i: Int, _ b: String, _ j: Int) -> Bool {
    guard simple[i] && simple[j] else { return a == b }
    return a.utf8.elementsEqual(b.utf8)
  }
}
