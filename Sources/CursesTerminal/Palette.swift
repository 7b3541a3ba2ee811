import CNCurses
import PlanUI

/// Maps the views' colours onto what the terminal has: 256 colours, 8, or
/// none (NO_COLOR, a monochrome terminal), where reverse video still marks
/// the selection.
struct Palette {
  let colors: Int
  let pairs: Int
  var enabled: Bool { colors >= 8 && pairs > 1 }

  func index(_ c: Color, attrs: inout attr_t) -> Int16 {
    switch c {
    case .none: return -1
    case .ansi(let n): return Int16(n)
    case .grey:
      if colors >= 256 { return 245 }
      attrs |= arshjul_a_dim()
      return 7
    case .rgb(let r, let g, let b):
      return colors >= 256 ? Self.xterm256(r, g, b) : Self.nearestAnsi(r, g, b)
    }
  }

  /// The nearest colour of xterm's 6×6×6 cube or grey ramp.
  static func xterm256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int16 {
    let levels = [0, 95, 135, 175, 215, 255]
    func nearest(_ v: UInt8) -> Int {
      levels.indices.min { abs(levels[$0] - Int(v)) < abs(levels[$1] - Int(v)) }!
    }
    let (ri, gi, bi) = (nearest(r), nearest(g), nearest(b))
    let cube = (levels[ri], levels[gi], levels[bi])
    let grey = (Int(r) + Int(g) + Int(b)) / 3
    let greyIndex = max(0, min(23, (grey - 8 + 5) / 10))
    let greyValue = 8 + greyIndex * 10
    func dist(_ a: (Int, Int, Int)) -> Int {
      let dr = a.0 - Int(r)
      let dg = a.1 - Int(g)
      let db = a.2 - Int(b)
      return dr * dr + dg * dg + db * db
    }
    if dist((greyValue, greyValue, greyValue)) < dist(cube) { return Int16(232 + greyIndex) }
    return Int16(16 + 36 * ri + 6 * gi + bi)
  }

  static let ansiRGB: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
  ]

  static func nearestAnsi(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int16 {
    Int16(
      ansiRGB.indices.min { i, j in
        func d(_ k: Int) -> Int {
          let c = ansiRGB[k]
          return (c.0 - Int(r)) * (c.0 - Int(r)) + (c.1 - Int(g)) * (c.1 - Int(g)) + (c.2 - Int(b)) * (c.2 - Int(b))
        }
        return d(i) < d(j)
      }!)
  }
}
