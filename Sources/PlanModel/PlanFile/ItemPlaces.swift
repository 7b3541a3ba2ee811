/// Where each item of a file read stands, kept from reading it.
public struct ItemPlaces: Sendable {
  let bytes: [UInt8]
  let offsets: IDTable

  /// The items of any plan-shaped JSON (valid or not, read again after a
  /// change), found by their `id` without decoding them.
  public static func scan(_ bytes: [UInt8]) -> ItemPlaces {
    guard let tape = try? JSONParser.tape(bytes), tape.kind(tape.root) == .object else {
      return ItemPlaces(bytes: bytes, offsets: IDTable())
    }
    var offsets = IDTable()
    for key: StaticString in ["activities", "milestones"] {
      guard let list = tape.member(tape.root, key)?.value, tape.kind(list) == .array else { continue }
      for item in tape.elements(list) where tape.kind(item) == .object {
        if let id = tape.member(item, "id")?.value, tape.kind(id) == .string {
          _ = offsets.insert(tape.string(id), at: tape.offset(item))
        }
      }
    }
    return ItemPlaces(bytes: bytes, offsets: offsets)
  }

  /// Line and column of each of these items, in their order (nil for one
  /// not in the file), found in one pass over the file.
  public func positions(ofEach ids: [String]) -> [SourcePosition?] {
    var out: [SourcePosition?] = Array(repeating: nil, count: ids.count)
    var wanted: [(offset: Int, slot: Int)] = []
    wanted.reserveCapacity(ids.count)
    for (slot, id) in ids.enumerated() {
      if let offset = offsets.offset(of: id) { wanted.append((offset, slot)) }
    }
    wanted.sort { $0.offset < $1.offset }
    var locator = SourceLocator(bytes)
    for w in wanted { out[w.slot] = locator.position(of: w.offset) }
    return out
  }
}
