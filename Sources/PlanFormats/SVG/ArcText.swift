import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text set along a circle one character at a time (librsvg draws no
/// textPath), reading clockwise, or anticlockwise in the lower half so that
/// it is never upside down.
enum ArcText {
  /// About how wide a character is in a sans-serif font, in ems.
  static func advance(_ c: Character) -> Double {
    // Compared as one scalar (a Character switch compares strings; a
    // wheel measures every letter of every title).
    let scalars = c.unicodeScalars
    guard scalars.count == 1, let s = scalars.first else { return c.isUppercase ? 0.68 : 0.55 }
    switch s {
    case "i", "l", "j", "í", "ï", "|", "!", ".", ",", ":", ";", "'", "I": return 0.3
    case " ": return 0.32
    case "f", "t", "r": return 0.4
    case "m", "w", "M", "W", "—": return 0.86
    case "0"..."9": return 0.56
    case "A"..."Z": return 0.68
    case _ where s.isASCII: return 0.55
    default: return c.isUppercase ? 0.68 : 0.55
    }
  }

  static func width(_ s: String, _ size: Double) -> Double { s.reduce(0) { $0 + advance($1) } * size }

  static func draw(
    _ s: String, around mid: Double, radius: Double, size: Double, fill: String, bold: Bool, layout: WheelLayout,
    into svg: inout SVGWriter
  ) {
    let num = SVGWriter.num
    let text = sanitized(s)
    let lower = cos(mid) < 0
    var position = -width(text, size) / 2
    svg.open(
      "g",
      [("font-size", num(size)), ("fill", fill), ("font-weight", bold ? "bold" : "normal"), ("text-anchor", "middle")])
    for c in text {
      let step = advance(c) * size
      let along = position + step / 2
      position += step
      if c == " " { continue }
      let angle = mid + (lower ? -along : along) / radius
      let (x, y) = layout.point(angle, radius)
      let rotation = angle * 180 / Double.pi + (lower ? 180 : 0)
      svg.element(
        "text", [("transform", "translate(\(num(x)) \(num(y))) rotate(\(num(rotation)))"), ("dy", "0.35em")],
        text: String(c))
    }
    svg.close("g")
  }
}
