import Foundation

/// Turns a plan file's tape into a `Plan`, collecting every problem at once
/// (a planner fixing a file by hand wants the whole list, not one per run).
/// It reads the parser's tape directly: keys are compared on their bytes,
/// a string is made only for what the plan keeps, places stay byte offsets
/// until a problem needs its line and column.
///
/// Generic over what it reads (`JSONDocument`): a file's tape
/// (`FileDecoder`), or a tree made in memory (`TreeDecoder`), by the same rules.
package struct PlanDecoder<Document: JSONDocument> {
  let document: Document
  /// Problems with the byte offset they are about, and the offset of the
  /// place a message names by its line ("first at line 12"); `problems`
  /// turns all of them into lines and columns in one pass over the file.
  var found: [(problem: FileProblem, offset: Int, lineOf: Int?)] = []
  /// Where each activity and milestone starts (byte offset by id), for
  /// warnings with file:line:col without reading the file again.
  var places = IDTable()
  /// Lines and columns of the file, made on the first conflict read (a
  /// conflict keeps its place as line and column).
  var conflictLocator: SourceLocator?
  init(document: Document) { self.document = document }

  /// With `lineOf`, the message ends "(first at line N)", N that offset's line.
  mutating func problem(
    _ reason: FileProblem.Reason, of what: String? = nil, at offset: Int, firstAt lineOf: Int? = nil
  ) {
    found.append((FileProblem(what: what, reason: reason), offset, lineOf))
  }

  /// Every problem found, in file order, as an editor walks them (with no
  /// place when there is no file: a tree's).
  var problems: [Problem] {
    guard !document.bytes.isEmpty else { return found.map { Problem($0.problem.message) } }
    var locator = SourceLocator(document.bytes)
    let offsets = Set(found.flatMap { [$0.offset] + ($0.lineOf.map { [$0] } ?? []) }).sorted()
    let at = Dictionary(uniqueKeysWithValues: offsets.map { ($0, locator.position(of: $0)) })
    return found.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map {
      let p = $0.element
      let message = p.lineOf.map { p.problem.message + " (first at line \(at[$0]!.line))" } ?? p.problem.message
      return Problem(message, at: at[p.offset]!)
    }
  }

  /// The members of one JSON object being read, remembering which were known.
  struct Fields {
    let object: Int
    let offset: Int
    /// What the object is, for messages ("activity \"frukosttraff\""); made only when needed.
    var kind: String
    var id: String?
    /// Members asked for, by their place in the object (past 64 in `knownBeyond`).
    var known: UInt64 = 0
    var knownBeyond: [Int] = []
    /// Each member's key code (high half) and value token (low half), read
    /// once: an activity asks for some twenty keys, most of them absent,
    /// and each ask is then a scan of a few words, not of the tape.
    var members: [UInt64] = []
    /// Bit `code % 64` of each member's key code: most keys asked for are
    /// absent, and most absent keys are told by one bit, without a scan.
    var present: UInt64 = 0

    /// A member object's name within its owner's (activity "x": "time").
    var part: StaticString?

    var what: String {
      let owner = id.map { "\(kind) \(quoted($0))" } ?? kind
      return part.map { "\(owner): \"\($0)\"" } ?? owner
    }
  }

  /// The first member named `key`, with its place among the members (as `JSONTape.member`).
  @inline(__always) func lookup(_ f: Fields, _ key: StaticString) -> (ordinal: Int, value: Int)? {
    let code = UInt64(UInt32(bitPattern: JSONTape.keyCode(key)))
    guard f.present & (1 << (code & 63)) != 0 else { return nil }
    for ordinal in f.members.indices where f.members[ordinal] >> 32 == code {
      let value = Int(f.members[ordinal] & 0xFFFF_FFFF)
      if document.keyIs(value - 1, key) { return (ordinal, value) }
    }
    return nil
  }

  func member(_ f: Fields, _ key: StaticString) -> Int? { lookup(f, key)?.value }

  @inline(__always) mutating func field(_ f: inout Fields, _ key: StaticString) -> Int? {
    guard let (ordinal, value) = lookup(f, key) else { return nil }
    if ordinal < 64 { f.known |= 1 << UInt64(ordinal) } else { f.knownBeyond.append(ordinal) }
    return value
  }

  /// The members nobody asked for, kept as they were to be written back.
  func extra(_ f: Fields) -> [String: JSONNode] {
    guard f.members.count > f.known.nonzeroBitCount + f.knownBeyond.count else { return [:] }
    var out: [String: JSONNode] = [:]
    var ordinal = 0
    document.forEachMember(f.object) { k, v in
      let asked = ordinal < 64 ? f.known & (1 << UInt64(ordinal)) != 0 : f.knownBeyond.contains(ordinal)
      if !asked { out[document.string(k)] = document.node(v) }
      ordinal += 1
    }
    return out
  }

  func kindName(_ i: Int) -> String { document.kind(i).kindName }

  mutating func object(_ i: Int, what: String) -> Fields? {
    object(i, Fields(object: i, offset: document.offset(i), kind: what))
  }

  /// Member object `part` of `owner` (an activity's "time"), named after
  /// its owner only when a message needs the name.
  mutating func object(_ i: Int, part: StaticString, of owner: Fields) -> Fields? {
    object(i, Fields(object: i, offset: document.offset(i), kind: owner.kind, id: owner.id, part: part))
  }

  private mutating func object(_ i: Int, _ named: Fields) -> Fields? {
    guard document.kind(i) == .object else {
      problem(.notAnObject(found: document.kind(i)), of: named.what, at: document.offset(i))
      return nil
    }
    var f = named
    // The document in a local, not `self`: so the closure holds no copy of
    // the decoder and is inlined in each specialization.
    let document = document
    var members: [UInt64] = []
    members.reserveCapacity(16)
    var present: UInt64 = 0
    document.forEachMember(i) { k, v in
      let code = UInt64(UInt32(bitPattern: document.keyCode(k)))
      members.append(code << 32 | UInt64(v))
      present |= 1 << (code & 63)
    }
    f.members = members
    f.present = present
    return f
  }

  /// The token of a string member, checked to be a string.
  mutating func stringToken(_ f: inout Fields, _ key: StaticString, required: Bool) -> Int? {
    guard let n = field(&f, key) else {
      if required { problem(.missing(key: "\(key)"), of: f.what, at: f.offset) }
      return nil
    }
    guard document.kind(n) == .string else {
      problem(.mustBe(.string, key: "\(key)", found: document.kind(n)), of: f.what, at: document.offset(n))
      return nil
    }
    return n
  }

  mutating func string(_ f: inout Fields, _ key: StaticString, required: Bool) -> (String, Int)? {
    guard let t = stringToken(&f, key, required: required) else { return nil }
    return (document.string(t), document.offset(t))
  }

  /// A one-line text (title, name, owner): no control characters.
  mutating func text(_ f: inout Fields, _ key: StaticString, required: Bool, multiline: Bool = false) -> String? {
    guard let t = stringToken(&f, key, required: required) else { return nil }
    let s = document.string(t)
    if let p = ValueRules.text(s, required: required, multiline: multiline, plain: document.isPlainText(t)) {
      problem(.value(p, key: "\(key)"), of: f.what, at: document.offset(t))
      return nil
    }
    return s
  }

  mutating func identifier(_ f: inout Fields, _ key: StaticString) -> String? {
    guard let (s, pos) = string(&f, key, required: true) else { return nil }
    guard Identifier.isValid(s) else {
      problem(.value(.badID(s), key: "id"), of: f.what, at: pos)
      return nil
    }
    return s
  }

  mutating func day(_ f: inout Fields, _ key: StaticString, required: Bool) -> Day? {
    guard let t = stringToken(&f, key, required: required) else { return nil }
    if let plain = document.plainBytes(t), let d = Day(isoUTF8: plain), DateLimits.dates.contains(d.year) { return d }
    let s = document.string(t)
    let pos = document.offset(t)
    guard let d = Day(iso: s) else {
      problem(.notADate(key: "\(key)", text: s), of: f.what, at: pos)
      return nil
    }
    guard DateLimits.dates.contains(d.year) else {
      problem(.value(.outsideYears(s), key: "\(key)"), of: f.what, at: pos)
      return nil
    }
    return d
  }

  mutating func int(_ f: inout Fields, _ key: StaticString, required: Bool) -> (Int, Int)? {
    guard let n = field(&f, key) else {
      if required { problem(.missing(key: "\(key)"), of: f.what, at: f.offset) }
      return nil
    }
    guard document.kind(n) == .number, let v = Int(document.numberText(n)) else {
      problem(.mustBe(.wholeNumber, key: "\(key)", found: document.kind(n)), of: f.what, at: document.offset(n))
      return nil
    }
    return (v, document.offset(n))
  }

  mutating func bool(_ f: inout Fields, _ key: StaticString) -> Bool? {
    guard let n = field(&f, key) else { return nil }
    switch document.kind(n) {
    case .true: return true
    case .false: return false
    default:
      problem(.mustBe(.bool, key: "\(key)", found: document.kind(n)), of: f.what, at: document.offset(n))
      return nil
    }
  }

  mutating func array(_ f: inout Fields, _ key: StaticString) -> [Int] {
    guard let n = field(&f, key) else { return [] }
    guard document.kind(n) == .array else {
      problem(.mustBe(.array, key: "\(key)", found: document.kind(n)), of: f.what, at: document.offset(n))
      return []
    }
    return document.elements(n)
  }
}
