/// A tiny SVG writer: elements with attributes in the order given, numbers
/// with two decimals, text escaped, so the same plan always gives the same
/// bytes.
struct SVGWriter {
  private(set) var text = ""
  private var depth = 0

  static func num(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    var s = String(format2: r)
    while s.hasSuffix("0") { s.removeLast() }
    return s
  }

  /// Text for XML and HTML alike (text, attributes): controls and invisible
  /// format characters out, `& < > " '` as references. The web page uses it too.
  static func escape(_ s: String) -> String {
    // Most values (numbers, path data) need nothing: look at the bytes first.
    let special: (UInt8) -> Bool = {
      $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 >= 0x7F
    }
    if !s.utf8.contains(where: special) { return s }
    var out = ""
    for scalar in sanitized(s).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private func attributes(_ attrs: [(String, String)]) -> String {
    attrs.map { " \($0.0)=\"\(SVGWriter.escape($0.1))\"" }.joined()
  }

  mutating func line(_ s: String) {
    text += String(repeating: "  ", count: depth) + s + "\n"
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

extension String {
  /// Two decimals without Foundation's String(format:).
  init(format2 v: Double) {
    let negative = v < 0
    let cents = Int((abs(v) * 100).rounded())
    let whole = cents / 100
    let frac = cents % 100
    self = (negative && cents != 0 ? "-" : "") + "\(whole)." + (frac < 10 ? "0" : "") + "\(frac)"
  }
}
