/// Every value a planner types — on the command line or in a form — is
/// read here, once, so `arshjul add --time 8:30-9:30` and the form's Time
/// field accept the same things and refuse them with the same words.
/// (Dates are `DateInput`.)

extension TimeOfDay {
  /// "8:30", "08.30", "0830", "8" and "08:30" all mean what they say.
  public static func typed(_ raw: String) -> TimeOfDay? {
    let s = raw.trimmed
    let parts = s.split(whereSeparator: { $0 == ":" || $0 == "." })
    if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, parts[0].count <= 2 {
      return TimeOfDay(hour: h, minute: m)
    }
    guard parts.count == 1, !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    if s.count <= 2, let h = Int(s) { return TimeOfDay(hour: h, minute: 0) }
    if s.count == 4, let v = Int(s) { return TimeOfDay(hour: v / 100, minute: v % 100) }
    return nil
  }
}

extension ClockSpan {
  /// "08:30-09:30", "8.30–9.30" (an en dash as in Swedish text), "0830-0930";
  /// nil unless it ends after it starts.
  public static func typed(_ raw: String) -> ClockSpan? {
    let parts = raw.split(whereSeparator: { $0 == "-" || $0 == "–" })
    guard parts.count == 2, let a = TimeOfDay.typed(String(parts[0])), let b = TimeOfDay.typed(String(parts[1])),
      b > a
    else { return nil }
    return ClockSpan(start: a, end: b)
  }

  public static let hint = "write it as 08:30-09:30 (or 8.30–9.30), ending after it starts"
}

extension DateInput {
  /// Dates separated by `,` or `;`; the first that is not a date is named.
  public static func list(_ raw: String, today: Day, reference: Day? = nil) -> Result<[Day], BadDate> {
    var out: [Day] = []
    for part in raw.split(whereSeparator: { $0 == "," || $0 == ";" }) {
      let text = String(part).trimmed
      if text.isEmpty { continue }
      guard let d = parse(text, today: today, reference: reference) else { return .failure(BadDate(text: text)) }
      out.append(d)
    }
    return .success(out)
  }

  public struct BadDate: Error, Sendable, Equatable {
    public var text: String
  }
}

extension Status {
  public func word(_ language: Language) -> String {
    switch (self, language) {
    case (.planned, .sv): "planerad"
    case (.planned, .en): "planned"
    case (.ongoing, .sv): "pågår"
    case (.ongoing, .en): "ongoing"
    case (.done, .sv): "klar"
    case (.done, .en): "done"
    case (.cancelled, .sv): "inställd"
    case (.cancelled, .en): "cancelled"
    }
  }

  /// The file's word or the word in either language.
  public static func typed(_ raw: String) -> Status? {
    let s = raw.trimmed.lowercased()
    return allCases.first { $0.rawValue == s || $0.word(.sv) == s || $0.word(.en) == s }
  }

  public static let choices = "planned, ongoing, done or cancelled"
}

extension Repeat.Frequency {
  public func word(_ language: Language) -> String {
    switch (self, language) {
    case (.week, .sv): "varje vecka"
    case (.week, .en): "weekly"
    case (.month, .sv): "varje månad"
    case (.month, .en): "monthly"
    case (.year, .sv): "varje år"
    case (.year, .en): "yearly"
    }
  }
  public static let choices = "week, month or year"
}

extension Repeat.MonthlyOn {
  public func word(_ language: Language) -> String {
    switch (self, language) {
    case (.date, .sv): "samma datum"
    case (.date, .en): "same date"
    case (.weekday, .sv): "samma veckodag (t.ex. 2:a tisdagen)"
    case (.weekday, .en): "same weekday (e.g. 2nd Tuesday)"
    case (.lastWeekday, .sv): "sista veckodagen"
    case (.lastWeekday, .en): "last weekday"
    }
  }
  public static let choices = "date, weekday or last-weekday"
}
