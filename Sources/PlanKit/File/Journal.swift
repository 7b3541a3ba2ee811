/// The recovery journal: after every edit the whole plan as it stands on
/// screen goes to `PLAN.arshjul-journal` (atomically), so kill -9, a closed
/// terminal or a crash loses nothing. A clean save or quit removes it.
public enum Journal {
  public static let format = "arshjul-journal"

  public static func path(for plan: String) -> String { AtomicFile.resolve(plan) + ".arshjul-journal" }

  /// `base` is the hash of the plan file the edits were made on.
  public static func write(_ plan: Plan, base: String, for planPath: String) throws(FileError) {
    let node = JSONNode.object([
      ("format", .string(format)), ("version", .int(1)), ("base", .string(base)),
      ("plan", PlanEncoder.encode(plan)),
    ])
    try AtomicFile.write(Array(JSONWriter.write(node).utf8), to: path(for: planPath))
  }

  public struct Entry: Sendable {
    public var plan: Plan
    public var base: String
  }

  /// The journal of a plan, if there is one that can be read.
  public static func read(for planPath: String) -> Entry? {
    guard let bytes = try? FileBytes.read(path(for: planPath), limit: PlanFile.maxBytes),
      let root = try? JSONParser.parse(bytes), case .object(let members) = root.value,
      members.contains(where: { $0.key == "format" && $0.node.value == .string(format) }),
      let planNode = members.first(where: { $0.key == "plan" })?.node
    else { return nil }
    var decoder = PlanDecoder()
    guard let plan = decoder.decodePlan(planNode), decoder.problems.isEmpty else { return nil }
    var base = ""
    if case .string(let b)? = members.first(where: { $0.key == "base" })?.node.value { base = b }
    return Entry(plan: plan, base: base)
  }

  public static func exists(for planPath: String) -> Bool {
    (try? FileBytes.read(path(for: planPath), limit: PlanFile.maxBytes)) != nil
  }

  public static func remove(for planPath: String) {
    _ = unlinkFile(path(for: planPath))
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
