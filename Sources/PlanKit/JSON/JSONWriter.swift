/// Writes JSON the one way a plan file is written: two-space indent, keys
/// sorted, one value per line, a final newline. The same tree always gives
/// the same bytes, so a plan diffs cleanly in git.
public enum JSONWriter {
  public static func write(_ node: JSONNode) -> String {
    var out = ""
    out.reserveCapacity(4096)
    emit(node.value, indent: 0, into: &out)
    out.append("\n")
    return out
  }

  private static func emit(_ value: JSONValue, indent: Int, into out: inout String) {
    switch value {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .number(let n): out.append(n)
    case .string(let s): quote(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out.append("[]")
        return
      }
      out.append("[\n")
      for (i, item) in items.enumerated() {
        pad(indent + 1, into: &out)
        emit(item.value, indent: indent + 1, into: &out)
        out.append(i == items.count - 1 ? "\n" : ",\n")
      }
      pad(indent, into: &out)
      out.append("]")
    case .object(let members):
      if members.isEmpty {
        out.append("{}")
        return
      }
      out.append("{\n")
      let sorted = members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
      for (i, m) in sorted.enumerated() {
        pad(indent + 1, into: &out)
        quote(m.key, into: &out)
        out.append(": ")
        emit(m.node.value, indent: indent + 1, into: &out)
        out.append(i == sorted.count - 1 ? "\n" : ",\n")
      }
      pad(indent, into: &out)
      out.append("}")
    }
  }

  private static func pad(_ n: Int, into out: inout String) {
    for _ in 0..<n { out.append("  ") }
  }

  public static func quote(_ s: String, into out: inout String) {
    out.append("\"")
    // Nothing to escape (the usual case): append it whole.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
      out.append(s)
      out.append("\"")
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\t": out.append("\\t")
      case "\r": out.append("\\r")
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out.append("\\u" + hexDigits(scalar.value, width: 4))
      default: out.unicodeScalars.append(scalar)
      }
    }
    out.append("\"")
  }
}

public func hexDigits(_ v: UInt32, width: Int) -> String {
  let s = String(v, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, width - s.count)) + s
}
