#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The geometry of the year wheel, shared by the terminal wheel and the
/// printable SVG: the planning year runs clockwise from 12 o'clock, one
/// full turn, each day an equal slice (so leap years and any `startMonth`
/// need nothing special).
public struct YearWheel: Sendable {
  public let year: DayRange

  public init(year: DayRange) { self.year = year }

  /// Radians, 0 at 12 o'clock, growing clockwise: where `day` begins.
  public func angle(_ day: Day) -> Double {
    Double(day - year.from) / Double(year.dayCount) * 2 * Double.pi
  }

  /// Where the middle of `day` lies.
  public func midAngle(_ day: Day) -> Double {
    (Double(day - year.from) + 0.5) / Double(year.dayCount) * 2 * Double.pi
  }

  /// The day whose slice holds `angle` (any angle; it is taken round the turn).
  public func day(atAngle angle: Double) -> Day {
    var a = angle.truncatingRemainder(dividingBy: 2 * Double.pi)
    if a < 0 { a += 2 * Double.pi }
    let index = Int((a / (2 * Double.pi) * Double(year.dayCount)).rounded(.down))
    return year.from + min(year.dayCount - 1, max(0, index))
  }

  /// The first day of each month of the planning year, in order.
  public var monthStarts: [Day] {
    (0..<12).map { Day.firstOfMonth(year: year.from.year, month: year.from.month, adding: $0) }
  }

  /// The Mondays of the year (week boundaries).
  public var weekStarts: [Day] {
    let first = year.from + ((8 - year.from.weekday) % 7)
    return stride(from: first.ordinal, through: year.to.ordinal, by: 7).map { Day(ordinal: $0) }
  }

  /// A point at `radius` from the centre in the direction of `angle`, in a
  /// plane whose y grows downwards (screens, SVG).
  public static func point(angle: Double, radius: Double, cx: Double, cy: Double) -> (x: Double, y: Double) {
    (cx + radius * sin(angle), cy - radius * cos(angle))
  }

  /// The angle of a point seen from the centre, the inverse of `point`.
  public static func angle(x: Double, y: Double, cx: Double, cy: Double) -> Double {
    var a = atan2(x - cx, cy - y)
    if a < 0 { a += 2 * Double.pi }
    return a
  }

  /// The radii of `count` rings between `inner` and `outer`, outermost first,
  /// with `gap` between them.
  public static func rings(count: Int, inner: Double, outer: Double, gap: Double) -> [(inner: Double, outer: Double)] {
    guard count > 0 else { return [] }
    let width = (outer - inner - gap * Double(count - 1)) / Double(count)
    return (0..<count).map { i in
      let o = outer - Double(i) * (width + gap)
      return (o - width, o)
    }
  }
}
