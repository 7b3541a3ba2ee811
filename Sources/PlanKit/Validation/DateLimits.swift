/// The years a plan's dates and its own year may be in: the one place the
/// importer, `new --year` and the plan file's check read them from.
public enum DateLimits {
  public static let years = 1900...2200
  /// "1900–2200", for messages.
  public static var yearsText: String { "\(years.lowerBound)–\(years.upperBound)" }
}
