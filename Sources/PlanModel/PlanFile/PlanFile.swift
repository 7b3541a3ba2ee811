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
    var decoder = PlanDecoder(document: tape)
    guard let plan = decoder.decodePlan(tape.root), decoder.found.isEmpty else {
      throw PlanLoadError(kind: .invalid, file: file, problems: decoder.problems)
    }
    return (plan, ItemPlaces(bytes: bytes, offsets: decoder.places))
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
