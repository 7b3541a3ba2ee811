/// A plan read from disk, with the exact bytes it was read from so a later
/// save can tell whether somebody else changed the file meanwhile.
public struct LoadedPlan: Sendable {
  public var plan: Plan
  public var path: String
  public var bytes: [UInt8]
  public var places: ItemPlaces
  public init(plan: Plan, path: String, bytes: [UInt8], places: ItemPlaces? = nil) {
    self.plan = plan
    self.path = path
    self.bytes = bytes
    self.places = places ?? ItemPlaces(bytes: bytes, offsets: IDTable())
  }
}

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
  public init(kind: Kind, file: String, problems: [Problem]) {
    self.kind = kind
    self.file = file
    self.problems = problems
  }
}

/// The plan file format's bytes ↔ plan; reading and writing files is
/// PlanStore's (this module does no I/O).
public enum PlanFile {
  /// A plan of 20,000 activities is about 8 MB; past this a file is surely
  /// not a plan, and reading it would only waste memory.
  public static let maxBytes = 32 * 1024 * 1024

  public static func decode(_ bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
    try decodePlaced(bytes, file: file).plan
  }

  /// The plan and where its items stand in the bytes.
  public static func decodePlaced(_ bytes: [UInt8], file: String) throws(PlanLoadError) -> (
    plan: Plan, places: ItemPlaces
  ) {
    // The UTF-8 check and the parse are independent: a big file has both
    // done at once. Bad UTF-8 is the error to tell, whatever the parse found.
    let (bad, parsed) = InParts.both(
      together: bytes.count >= 1 << 20, { UTF8Check.firstInvalid(bytes) },
      { () -> Result<JSONTape, JSONSyntaxError> in Result { () throws(JSONSyntaxError) in try JSONParser.tape(bytes) } }
    )
    if let bad {
      throw PlanLoadError(
        kind: .unreadable, file: file,
        problems: [
          Problem("the file is not UTF-8 text (byte 0x\(hexDigits(UInt32(bad.byte), width: 2)))", at: bad.position)
        ])
    }
    let tape: JSONTape
    switch parsed {
    case .success(let t): tape = t
    case .failure(let error):
      throw PlanLoadError(kind: .unreadable, file: file, problems: [Problem(error.message, at: error.position)])
    }
    var decoder = PlanDecoder(tape: tape)
    guard let plan = decoder.decodePlan(tape.root), decoder.found.isEmpty else {
      throw PlanLoadError(kind: .invalid, file: file, problems: decoder.problems)
    }
    return (plan, ItemPlaces(bytes: bytes, offsets: decoder.places))
  }
}

/// FNV-1a, 64 bits, as hex: enough to tell whether a file changed.
public func contentHash(_ bytes: [UInt8]) -> String {
  var h: UInt64 = 0xcbf2_9ce4_8422_2325
  for b in bytes {
    h ^= UInt64(b)
    h = h &* 0x100_0000_01b3
  }
  return (hexDigits(UInt32(h >> 32), width: 8) + hexDigits(UInt32(h & 0xFFFF_FFFF), width: 8)).lowercased()
}

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

extension PlanFile {
  /// Whether the bytes are an arshjul plan (valid or not): JSON whose
  /// `format` says so. An export is never written over such a file.
  public static func looksLikePlan(_ bytes: [UInt8]) -> Bool {
    guard bytes.count <= maxBytes, let tape = try? JSONParser.tape(bytes), tape.kind(tape.root) == .object,
      let format = tape.member(tape.root, "format")?.value, tape.kind(format) == .string
    else { return false }
    return tape.string(format) == Plan.formatName
  }
}

/// The recovery journal's bytes: the plan as it stands on screen and the
/// hash of the file version its edits were made on.
public enum JournalFormat {
  public static let format = "arshjul-journal"

  public struct Entry: Sendable {
    public var plan: Plan
    public var base: String
  }

  /// Written as the plan file is, the plan's items straight from the model
  /// (the UI writes one after each edit: no tree of a whole big plan).
  public static func encode(_ plan: Plan, base: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(plan.fileCapacity + 256)
    let header = JSONNode.object([
      ("format", .string(format)), ("version", .int(1)), ("base", .string(base)), ("plan", JSONNode(.null)),
    ])
    JSONWriter.write(
      header, streams: [:], values: ["plan": { plan.write(indent: $0, into: &$1) }], indent: 0, into: &out)
    out.append(0x0A)
    return out
  }

  /// The journal in these bytes, or nil when they are not a readable journal.
  public static func decode(_ bytes: [UInt8]) -> Entry? {
    guard UTF8Check.firstInvalid(bytes) == nil, let tape = try? JSONParser.tape(bytes),
      tape.kind(tape.root) == .object, let f = tape.member(tape.root, "format")?.value,
      tape.kind(f) == .string, tape.string(f) == format,
      let planNode = tape.member(tape.root, "plan")?.value
    else { return nil }
    var decoder = PlanDecoder(tape: tape)
    guard let plan = decoder.decodePlan(planNode), decoder.found.isEmpty else { return nil }
    var base = ""
    if let b = tape.member(tape.root, "base")?.value, tape.kind(b) == .string { base = tape.string(b) }
    return Entry(plan: plan, base: base)
  }
}

/// The problems that keep a plan from being written.
public struct PlanProblems: Error, Sendable {
  public var problems: [Problem]
}

extension Plan {
  /// Every rule of the file format, checked on the plan as it would be
  /// written, so no edit can save a plan that `arshjul check` refuses.
  /// Returns the file's bytes, checked.
  @discardableResult
  public func validated() throws(PlanProblems) -> [UInt8] {
    let checked = PlanDecoder.decode(written: fileBytes())
    guard checked.plan != nil else { throw PlanProblems(problems: checked.problems) }
    return checked.bytes
  }

  /// The same for an edit of `base`, a plan read from a file (so valid):
  /// when only activities and milestones changed, only the changed ones are
  /// checked (each as it would be written) with the ids of all; anything
  /// else, or any problem, goes through the whole check, for its messages.
  /// A one-activity `add` to a 20,000-activity plan checks one activity.
  public func validated(changedFrom base: Plan) throws(PlanProblems) -> [UInt8] {
    try checkedEdit(of: base) ?? fileBytes()
  }

  /// The check of `validated(changedFrom:)` without making the file when
  /// the changed items pass on their own: nil then, and the file is written
  /// straight from the plan (`writeFile`), never held whole; otherwise the
  /// whole check's bytes.
  public func checkedEdit(of base: Plan) throws(PlanProblems) -> [UInt8]? {
    guard conflicts.isEmpty, outline == base.outline, changedItemsAreValid(base) else { return try validated() }
    return nil
  }

  /// The plan without its activities and milestones.
  var outline: Plan {
    var p = self
    p.activities = []
    p.milestones = []
    return p
  }

  func changedItemsAreValid(_ base: Plan) -> Bool {
    // The items not where they were in `base`, or different: usually the
    // one an edit touched, found without hashing the whole plan.
    var changedActivities: [Int] = []
    for (i, a) in activities.enumerated() where i >= base.activities.count || base.activities[i] != a {
      changedActivities.append(i)
    }
    var changedMilestones: [Int] = []
    for (i, m) in milestones.enumerated() where i >= base.milestones.count || base.milestones[i] != m {
      changedMilestones.append(i)
    }
    if changedActivities.count + changedMilestones.count > 64 {
      // Many moved (a removal shifts the rest): look them up by id instead.
      let old = Dictionary(base.activities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      changedActivities = changedActivities.filter { old[activities[$0].id] != activities[$0] }
      let oldMilestones = Dictionary(base.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      changedMilestones = changedMilestones.filter { oldMilestones[milestones[$0].id] != milestones[$0] }
    }
    // Ids stay unique: base's were, so only a changed item's id can repeat one.
    let changedIDs = changedActivities.map { activities[$0].id } + changedMilestones.map { milestones[$0].id }
    if !changedIDs.isEmpty {
      if Set(changedIDs).count < changedIDs.count { return false }
      let wanted = Set(changedIDs)
      var seen = 0
      for id in activities.lazy.map(\.id) + milestones.lazy.map(\.id) where wanted.contains(id) { seen += 1 }
      if seen != changedIDs.count { return false }
    }
    let themeIDs = Set(themes.map(\.id))
    for i in changedActivities where !activities[i].problems(themes: themeIDs).isEmpty { return false }
    for i in changedMilestones where !milestones[i].problems(themes: themeIDs).isEmpty { return false }
    return true
  }

  /// The problems of this plan (empty when valid).
  public var problems: [Problem] {
    do {
      try validated()
      return []
    } catch {
      return error.problems
    }
  }
}
