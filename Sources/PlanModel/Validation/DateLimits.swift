/// The years a plan's dates and its own year may be in: the one place the
/// importer, `new --year` and the plan file's check read them from.
public enum DateLimits {
  public static let years = 1900...2200
  /// The years any date in a plan file may be in: dates far outside any
  /// plan would only let arithmetic run off the calendar.
  public static let dates = 1000...9000
  /// "1900–2200", for messages.
  public static var yearsText: String { "\(years.lowerBound)–\(years.upperBound)" }
}
