import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The page's colours in light and dark mode, and each theme's arc colour
/// worked out so that it meets WCAG 2.1's 3:1 for graphics (1.4.11) against
/// its ring in both modes: a theme colour too close to its pale (or dark)
/// ring is moved towards black (or white) until it does. Text on the page
/// is the foreground on the background (over 12:1); numbers on arcs carry a
/// halo of the background, so they read at that contrast too.
enum HTMLPalette {
  struct Mode: Sendable {
    var bg: String
    var fg: String
    var muted: String
    /// Every other month, and the rest.
    var m0: String
    var m1: String
    var line: String
    /// The focus ring's colour.
    var focus: String
    /// Towards which an arc colour moves to stand out from its ring.
    var away: String
  }

  static let light = Mode(
    bg: "#ffffff", fg: "#1f1f1f", muted: "#555555", m0: "#f4f1ea", m1: "#fbfaf6", line: "#8a8578", focus: "#1a5fc7",
    away: "#000000")
  static let dark = Mode(
    bg: "#161616", fg: "#f0f0f0", muted: "#b8b8b8", m0: "#2a2926", m1: "#222120", line: "#77736a", focus: "#8ab4f8",
    away: "#ffffff")

  /// How strongly a ring is tinted with its theme's colour.
  static let bandOpacity = 0.12

  /// The arc colour of a theme in a mode: 3:1 against its ring over either month shade
  /// (3.2 here, so that a browser's rounding of colours cannot take it under).
  static func arc(_ theme: String, _ mode: Mode) -> String {
    let bands = [mode.m0, mode.m1].map { over(theme, opacity: bandOpacity, $0) }
    var step = 0.0
    while step < 1 {
      let c = mix(theme, mode.away, step)
      if bands.allSatisfy({ contrast(c, $0) >= 3.2 }) { return c }
      step += 0.05
    }
    return mode.away
  }

  /// Black or white, whichever reads better on `fill` (at least 4.5:1 for any colour).
  static func text(on fill: String) -> String {
    contrast("#000000", fill) >= contrast("#ffffff", fill) ? "#000000" : "#ffffff"
  }

  typealias RGB = (r: Double, g: Double, b: Double)

  static func rgb(_ hex: String) -> RGB {
    let digits = Array(hex.dropFirst().utf8)
    func byte(_ i: Int) -> Double {
      func value(_ c: UInt8) -> Int {
        switch c {
        case 48...57: return Int(c) - 48
        case 97...102: return Int(c) - 87
        case 65...70: return Int(c) - 55
        default: return 0
        }
      }
      return Double(value(digits[i]) * 16 + value(digits[i + 1]))
    }
    return digits.count == 6 ? (byte(0), byte(2), byte(4)) : (0, 0, 0)
  }

  static func hex(_ c: RGB) -> String {
    "#" + [c.r, c.g, c.b].map { hexDigits(UInt32(max(0, min(255, $0.rounded()))), width: 2).lowercased() }.joined()
  }

  /// `top` at `opacity` over `bottom`.
  static func over(_ top: String, opacity: Double, _ bottom: String) -> String {
    mix(bottom, top, opacity)
  }

  /// `a` moved a share `t` of the way to `b`.
  static func mix(_ a: String, _ b: String, _ t: Double) -> String {
    let (x, y) = (rgb(a), rgb(b))
    return hex((x.r + (y.r - x.r) * t, x.g + (y.g - x.g) * t, x.b + (y.b - x.b) * t))
  }

  /// WCAG's relative luminance.
  static func luminance(_ hex: String) -> Double {
    func channel(_ v: Double) -> Double {
      let s = v / 255
      return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
    let c = rgb(hex)
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
  }

  /// WCAG's contrast ratio, 1 to 21.
  static func contrast(_ a: String, _ b: String) -> Double {
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
  }
}
