/// Month and weekday names carried in the code: many machines have no
/// sv_SE locale, and the plan's language, not the system's, decides.
public enum Names {
  static let svMonths = [
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december",
  ]
  static let enMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
  static let svWeekdays = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
  static let enWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

  /// Full month name, 1…12.
  public static func month(_ m: Int, _ lang: Language) -> String {
    lang == .sv ? svMonths[m - 1] : enMonths[m - 1]
  }

  /// Short month name as each language writes it: "feb", "mars", "maj"; "Feb", "Mar".
  public static func shortMonth(_ m: Int, _ lang: Language) -> String {
    switch lang {
    case .sv:
      let full = svMonths[m - 1]
      return full.count <= 4 ? full : String(full.prefix(3))
    case .en: return String(enMonths[m - 1].prefix(3))
    }
  }

  /// Weekday name, ISO 1 (Monday) … 7.
  public static func weekday(_ w: Int, _ lang: Language) -> String {
    lang == .sv ? svWeekdays[w - 1] : enWeekdays[w - 1]
  }

  public static func shortWeekday(_ w: Int, _ lang: Language) -> String {
    String(weekday(w, lang).prefix(2))
  }

  /// The month a word names, in either language, from three letters on.
  public static func monthNumber(_ word: String) -> Int? {
    let w = word.lowercased().trimmingTrailingDot
    guard w.count >= 3 else { return nil }
    for (i, name) in svMonths.enumerated() where name.hasPrefix(w) { return i + 1 }
    for (i, name) in enMonths.enumerated() where name.lowercased().hasPrefix(w) { return i + 1 }
    return nil
  }
}

extension String {
  var trimmingTrailingDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
