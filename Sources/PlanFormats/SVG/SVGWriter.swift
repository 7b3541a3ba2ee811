import PlanModel

/// A tiny SVG writer: elements with attributes in the order given, numbers
/// with two decimals, text escaped, so the same plan always gives the same
/// bytes.
struct SVGWriter {
  /// Where the text goes: handed on as it is made, or kept (see `PieceOutput`).
  let out: PieceOutput
  private var depth = 0

  init(into out: PieceOutput) { self.out = out }

  /// Rounded to hundredths, without trailing zeros ("12", "12.5", "-0.05"):
  /// made from whole cents (a big wheel writes a quarter of a million numbers).
  static func num(_ v: Double) -> String {
    let cents = Int((v * 100).rounded())
    let whole = abs(cents) / 100
    let frac = abs(cents) % 100
    let sign = cents < 0 ? "-" : ""
    if frac == 0 { return sign + String(whole) }
    if frac % 10 == 0 { return sign + String(whole) + "." + String(frac / 10) }
    return sign + String(whole) + (frac < 10 ? ".0" : ".") + String(frac)
  }

  /// Text for XML and HTML alike (text, attributes): controls and invisible
  /// format characters out, `& < > " '` as references. The web page uses it too.
  static func escape(_ s: String) -> String {
    // Most values (numbers, path data) need nothing: look at the bytes first.
    let special: (UInt8) -> Bool = {
      $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 >= 0x7F
    }
    if !s.utf8.contains(where: special) { return s }
    // Swedish text has bytes past 0x7F: clean it, then replace the five
    // ASCII characters byte by byte (no scalar walk).
    let clean = sanitized(s)
    let markup: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
    guard clean.utf8.contains(where: markup) else { return clean }
    var out: [UInt8] = []
    out.reserveCapacity(clean.utf8.count + 16)
    for b in clean.utf8 {
      switch b {
      case 0x26: out.append(contentsOf: "&amp;".utf8)
      case 0x3C: out.append(contentsOf: "&lt;".utf8)
      case 0x3E: out.append(contentsOf: "&gt;".utf8)
      case 0x22: out.append(contentsOf: "&quot;".utf8)
      case 0x27: out.append(contentsOf: "&#39;".utf8)
      default: out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private func attributes(_ attrs: [(String, String)]) -> String {
    attrs.map { " \($0.0)=\"\(SVGWriter.escape($0.1))\"" }.joined()
  }

  mutating func line(_ s: String) {
    if depth > 0 { out.append(String(repeating: "  ", count: depth)) }
    out.appendLine(s)
  }

  mutating func open(_ name: String, _ attrs: [(String, String)] = []) {
    line("<\(name)\(attributes(attrs))>")
    depth += 1
  }

  mutating func close(_ name: String) {
    depth -= 1
    line("</\(name)>")
  }

  mutating func empty(_ name: String, _ attrs: [(String, String)]) {
    line("<\(name)\(attributes(attrs))/>")
  }

  mutating func element(_ name: String, _ attrs: [(String, String)], text content: String) {
    line("<\(name)\(attributes(attrs))>\(SVGWriter.escape(content))</\(name)>")
  }
}
