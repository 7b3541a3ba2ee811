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
    var decoder = PlanDecoder(document: tape)
    guard let plan = decoder.decodePlan(planNode), decoder.found.isEmpty else { return nil }
    var base = ""
    if let b = tape.member(tape.root, "base")?.value, tape.kind(b) == .string { base = tape.string(b) }
    return Entry(plan: plan, base: base)
  }
}
