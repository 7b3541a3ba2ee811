import Foundation

/// The Swedish calendar around a plan: public holidays and the eves kept
/// as holidays (Lag 1989:253, `SwedishHolidays`), klämdagar (a working day
/// between a holiday and a weekend), and the plan's own breaks. Views,
/// exports and warnings ask it what a day is.
public struct PlanCalendar: Sendable {
  public enum Kind: Sendable, Equatable {
    case holiday, eve, squeeze, breakDay
  }

  /// What a day is, as data: a holiday's or eve's name as the law has it
  /// (Swedish, `Wording.holidayName` says it in the plan's language), a
  /// break's name as the plan has it, no name for a klämdag.
  public struct Mark: Sendable, Equatable {
    public var kind: Kind
    public var name: String
  }

  let plan: Plan
  /// Each year's holidays, made once for the whole process (they depend on
  /// nothing but the year): a check of a big plan asks for every occurrence,
  /// a summary for every entry, the Gantt chart for every frame.
  private var years: YearCache { YearCache.shared }

  public init(_ plan: Plan) {
    self.plan = plan
  }

  func holidays(_ year: Int) -> [Day: String] {
    plan.holidayCalendar == .none ? [:] : years.holidays(year)
  }

  /// The public holiday or eve on a day, if any.
  public func holiday(_ d: Day) -> Mark? {
    guard let name = holidays(d.year)[d] else { return nil }
    let isEve = name.split(separator: ";").allSatisfy { SwedishHolidays.eves.contains(String($0).trimmed) }
    return Mark(kind: isEve ? .eve : .holiday, name: name)
  }

  /// Whether a day is off: a weekend or a holiday or eve.
  public func isOff(_ d: Day) -> Bool { d.weekday >= 6 || holiday(d) != nil }

  /// A working day between a holiday and a weekend (or between two days off).
  public func isSqueeze(_ d: Day) -> Bool {
    guard plan.holidayCalendar != .none, d.weekday <= 5, holiday(d) == nil else { return false }
    let before = isOff(d - 1)
    let after = isOff(d + 1)
    let beforeHoliday = holiday(d - 1) != nil
    let afterHoliday = holiday(d + 1) != nil
    return before && after && (beforeHoliday || afterHoliday)
  }

  public func breakOn(_ d: Day) -> Break? { plan.breaks.first { $0.start <= d && d <= $0.end } }

  /// Everything a day is, most important first: holiday or eve, klämdag, break.
  public func marks(_ d: Day) -> [Mark] {
    var out: [Mark] = []
    if let h = holiday(d) { out.append(h) }
    if isSqueeze(d) { out.append(Mark(kind: .squeeze, name: "")) }
    if let b = breakOn(d) { out.append(Mark(kind: .breakDay, name: b.name)) }
    return out
  }
}

final class YearCache: @unchecked Sendable {
  static let shared = YearCache()
  private var byYear: [Int: [Day: String]] = [:]
  private let lock = NSLock()

  func holidays(_ year: Int) -> [Day: String] {
    lock.lock()
    defer { lock.unlock() }
    if let known = byYear[year] { return known }
    let made = SwedishHolidays.holidays(year)
    byYear[year] = made
    return made
  }
}
