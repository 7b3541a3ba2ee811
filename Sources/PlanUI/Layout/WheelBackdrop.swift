import Foundation
import PlanModel

/// What each dot of the wheel shows whatever is selected: the hand at
/// today, the rim, month and week ticks, holidays, month lines, the inner
/// circle, and for a dot in a theme's ring which ring, which day and how far
/// out. It depends on the canvas, the year and today only, so it is worked
/// out once and a frame then only adds what moves (the selected week) and
/// what the plan says (how many activities run each day): deciding it anew
/// was most of a wheel frame (a dot against 65 tick angles, 60,000 dots).
final class WheelBackdrop: @unchecked Sendable {
  static let shared = WheelBackdrop()

  struct Key: Equatable {
    var width: Int
    var height: Int
    var cx: Double
    var cy: Double
    var radius: Double
    /// Each ring's inner and outer radius, in turn.
    var rings: [Double]
    var year: DayRange
    var holidays: HolidayCalendar
    var today: Day
  }

  enum Kind: UInt8 {
    case hand, rim, monthTick, weekTick, holiday
    /// Inside the ticks: a selected week's edge may still go over these.
    case monthLine, innerCircle, ring, nothing
  }

  struct Dot {
    var x: Int32
    var y: Int32
    var kind: Kind
    /// The ring (`.ring`).
    var ring: Int16
    /// The day of the year under the dot (`.ring`).
    var day: Int32
    /// How far out in its ring, 0–1 (`.ring`).
    var t: Double
    var rr: Double
    var angle: Double
    /// Far enough out for the selected week's edges.
    var outsideInner: Bool
  }

  private let lock = NSLock()
  private var key: Key?
  private var dots: [Dot] = []

  /// The dots inside the rim, in the order a frame draws them (`calendar`
  /// is the plan's, whose holidays `key.holidays` names).
  func dots(for key: Key, calendar: PlanCalendar) -> [Dot] {
    lock.lock()
    defer { lock.unlock() }
    if self.key == key { return dots }
    dots = WheelBackdrop.make(key, calendar: calendar)
    self.key = key
    return dots
  }

  /// How wide one dot is, as an angle, at a radius: for lines one dot thick.
  static func near(_ a: Double, _ b: Double, _ rr: Double) -> Bool {
    var d = abs(a - b)
    if d > Double.pi { d = 2 * Double.pi - d }
    return d * rr < 0.5
  }

  private static func make(_ key: Key, calendar: PlanCalendar) -> [Dot] {
    let radius = key.radius
    let rings = stride(from: 0, to: key.rings.count - 1, by: 2).map { (inner: key.rings[$0], outer: key.rings[$0 + 1]) }
    let year = key.year
    let wheel = YearWheel(year: year)
    let dayCount = year.dayCount
    let todayAngle = year.contains(key.today) ? wheel.midAngle(key.today) : nil
    let monthAngles = wheel.monthStarts.map(wheel.angle)
    let weekAngles = wheel.weekStarts.map(wheel.angle)
    var holidayDays = Set<Int>()
    var day = year.from
    while day <= year.to {
      if calendar.holiday(day) != nil { holidayDays.insert(day - year.from) }
      day = day + 1
    }
    let x0 = max(0, Int(key.cx - radius - 1))
    let x1 = min(key.width - 1, Int(key.cx + radius + 1))
    let y0 = max(0, Int(key.cy - radius - 1))
    let y1 = min(key.height - 1, Int(key.cy + radius + 1))
    guard x0 <= x1 && y0 <= y1 else { return [] }
    var out: [Dot] = []
    for py in y0...y1 {
      for px in x0...x1 {
        // The dot's distance from the centre and its angle on the wheel.
        let (fx, fy) = (Double(px) + 0.5, Double(py) + 0.5)
        let rr = hypot(fx - key.cx, fy - key.cy)
        if rr > radius + 0.6 { continue }
        let a = YearWheel.angle(x: fx, y: fy, cx: key.cx, cy: key.cy)
        let dayIndex = min(dayCount - 1, Int(a / (2 * Double.pi) * Double(dayCount)))
        var dot = Dot(
          x: Int32(px), y: Int32(py), kind: .nothing, ring: 0, day: Int32(dayIndex), t: 0, rr: rr, angle: a,
          outsideInner: rr >= radius * 0.34)
        if let t = todayAngle, rr >= radius * 0.34, near(a, t, rr) {
          dot.kind = .hand
        } else if abs(rr - radius) < 0.6 {
          dot.kind = .rim
        } else if rr > radius * 0.9 {
          if monthAngles.contains(where: { near(a, $0, rr) }) {
            dot.kind = .monthTick
          } else if rr > radius * 0.95 && weekAngles.contains(where: { near(a, $0, rr) }) {
            dot.kind = .weekTick
          } else if rr < radius * 0.94, holidayDays.contains(dayIndex) {
            dot.kind = .holiday
          } else {
            continue
          }
        } else if rr >= radius * 0.34, (px + py) % 2 == 0, monthAngles.contains(where: { near(a, $0, rr) }) {
          dot.kind = .monthLine
        } else if abs(rr - radius * 0.34) < 0.5 {
          dot.kind = .innerCircle
        } else if let ring = rings.firstIndex(where: { rr >= $0.inner && rr < $0.outer }) {
          dot.kind = .ring
          dot.ring = Int16(ring)
          dot.t = (rr - rings[ring].inner) / (rings[ring].outer - rings[ring].inner)
        } else if !dot.outsideInner {
          continue  // nothing can be drawn here
        }
        out.append(dot)
      }
    }
    return out
  }
}
