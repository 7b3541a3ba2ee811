extension Plan {
  /// The planning year to show first: the plan's own `year`, else the
  /// year of its earliest item, else the year `today` falls in.
  public func planningYear(today: Day) -> Int {
    if let year { return year }
    let first = (activities.map(\.start) + milestones.map(\.date)).min()
    let day = first ?? today
    // A year that starts in August holds days of the calendar year after.
    return day.month >= startMonth ? day.year : day.year - 1
  }

  /// The days of planning year `year`: from `startMonth` to the day before
  /// it comes round again.
  public func yearRange(_ year: Int) -> DayRange {
    let from = Day.firstOfMonth(year: year, month: startMonth)
    let to = Day.firstOfMonth(year: year, month: startMonth, adding: 12) - 1
    return DayRange(from: from, to: to)
  }

  /// The planning year containing `day`.
  public func planningYear(containing day: Day) -> Int {
    day.month >= startMonth ? day.year : day.year - 1
  }
}

extension Plan {
  /// The theme a person means: its id, its number (1, 2, 3 …) or its name in any case.
  public func themeID(for text: String) -> String? {
    if theme(text) != nil { return text }
    if let n = Int(text), (1...themes.count).contains(n) { return themes[n - 1].id }
    return themes.first { $0.name.lowercased() == text.lowercased() }?.id
  }

  /// "use one of: a, b, c", for a message about a theme that is not there.
  public var themeChoices: String { "use one of: " + themes.map(\.id).joined(separator: ", ") }
}
