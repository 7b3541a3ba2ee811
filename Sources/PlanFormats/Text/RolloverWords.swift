import PlanModel

/// The roll-over's report in words, a line per note, in both languages in
/// one place (`Rollover.Note` is what happened, as data).
public struct RolloverWords: Sendable {
  let sv: Bool
  let w: Wording
  let warnings: WarningWords

  public init(_ language: Language) {
    sv = language == .sv
    w = Wording(language)
    warnings = WarningWords(language)
  }

  public func lines(_ notes: [Rollover.Note]) -> [String] { notes.map(line) }

  public func line(_ note: Rollover.Note) -> String {
    switch note {
    case .breaksNotCarried(let names):
      let list = names.joined(separator: ", ")
      return sv
        ? "uppehållen (\(list)) följer inte med: lägg in nästa års"
        : "the breaks (\(list)) are not carried: add next year's"
    case .leftBehind(let title, let status):
      return (sv ? "lämnas kvar (\(w.status(status))): " : "left behind (\(w.status(status))): ") + title
    case .exceptDropped(let title, let was, let would):
      return (sv ? "utom-datum släppt, inget tillfälle då: " : "skipped date dropped, no occurrence then: ")
        + "\(title) \(w.day(was, year: true)) → \(w.day(would, year: true))"
    case .moved(let title, let from, let to, let newFrom, let newTo):
      return "\(title): \(w.rangeWithYear(from, to)) → \(w.rangeWithYear(newFrom, newTo))"
    case .milestoneMoved(let title, let from, let to):
      return "◆ \(title): \(w.day(from, year: true)) → \(w.day(to, year: true))"
    case .onHolidays(let title, let days):
      return (sv ? "på en helgdag: " : "on a holiday: ") + "\(title): "
        + warnings.list(days.map { "\(warnings.holidayWords($0.name)) \(w.day($0.from, year: true))" })
    case .milestoneOnHoliday(let title, let holiday, let day):
      return (sv ? "på en helgdag: " : "on a holiday: ")
        + "◆ \(title): \(warnings.holidayWords(holiday)) \(w.day(day, year: true))"
    }
  }
}

extension Rollover.Result {
  /// The notes in words, a line each, in the plan's language.
  public var lines: [String] { RolloverWords(plan.language).lines(notes) }
}
