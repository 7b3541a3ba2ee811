import PlanModel

/// The words of every warning, in both languages, in one place: a
/// warning is made as data (`PlanWarning.Reason`) and worded here when it
/// is shown, so rewording one changes nothing that reads them.
public struct WarningWords: Sendable {
  let sv: Bool
  let w: Wording

  public init(_ language: Language) {
    sv = language == .sv
    w = Wording(language)
  }

  public func message(_ reason: PlanWarning.Reason) -> String {
    switch reason {
    case .milestoneOnHoliday(let title, let holiday, let day):
      return
        "\(quoted(title)) \(sv ? "infaller på en helgdag" : "falls on a holiday"): \(holidayWords(holiday)) \(w.day(day, year: true))"
    case .onHolidays(let title, let days):
      return "\(quoted(title)) \(sv ? "infaller på en helgdag" : "falls on a holiday"): "
        + list(days.map { "\(holidayWords($0.name)) \(w.day($0.from, year: true))" })
        + (sv ? " (\"holidayOK\": true om det är meningen)" : " (\"holidayOK\": true if that is meant)")
    case .inBreaks(let title, let breaks):
      return "\(quoted(title)) \(sv ? "infaller under ett uppehåll" : "falls in a break"): "
        + list(breaks.map { "\($0.name) (\(w.range($0.from, $0.to)))" })
    case .bookedTwice(let person, let first, let second, let day, let more):
      return
        "\(person) \(sv ? "är dubbelbokad" : "is booked twice"): \(quoted(first)) \(sv ? "och" : "and") \(quoted(second)) \(sv ? "samtidigt" : "at the same time") \(w.day(day, year: true))"
        + times(more)
    case .pastDeadline(let title, let from, let to, let deadline, let day):
      return
        "\(quoted(title)) (\(w.range(from, to))) \(sv ? "pågår efter deadline" : "runs past the deadline") \(quoted(deadline)) \(w.day(day, year: true))"
    case .layerClash(let title, let day, let event, let layer, let more):
      return
        "\(quoted(title)) \(w.day(day, year: true)) \(sv ? "krockar med" : "clashes with") \(event) (\(layer))"
        + times(more)
    }
  }

  /// A holiday's name inside a sentence: "midsommarafton".
  func holidayWords(_ swedish: String) -> String { w.holidayName(swedish).lowercased() }

  /// " och 2 gång(er) till" after the first time, or nothing.
  func times(_ more: Int) -> String {
    more > 0 ? (sv ? " och \(more) gång(er) till" : " and \(more) more time(s)") : ""
  }

  /// The first four, and how many more.
  func list(_ items: [String]) -> String {
    let shown = items.prefix(4).joined(separator: ", ")
    return items.count > 4 ? shown + (sv ? " och \(items.count - 4) till" : " and \(items.count - 4) more") : shown
  }
}

extension PlanWarning {
  /// The warning in words, in its plan's language.
  public var message: String { WarningWords(language).message(reason) }
}
