/// Dates as a planner types them: `2022-03-08`, `8/3`, `8/3 2022`, `8 mars`,
/// `8 mars 2022`, `March 8`, `today`/`idag`, `tomorrow`/`imorgon`, and
/// offsets `+2w`, `-3d`, `+1m`, `+1y` from today. A day and month without a
/// year take the year of `reference` (the planning year in the UI).
public enum DateInput {
  public static func parse(_ raw: String, today: Day, reference: Day? = nil) -> Day? {
    let text = raw.trimmed.lowercased()
    if text.isEmpty { return nil }
    if let d = Day(iso: text) { return d }
    switch text {
    case "today", "idag", "i dag": return today
    case "tomorrow", "imorgon", "i morgon": return today + 1
    case "yesterday", "igår", "i går": return today - 1
    default: break
    }
    if let first = text.first, first == "+" || first == "-" {
      return offset(String(text.dropFirst()), sign: first == "+" ? 1 : -1, from: today)
    }
    let year = (reference ?? today).year
    // d/m or d/m yyyy (Swedish order: day first)
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    if let slashed = parts.first, slashed.contains("/") {
      let dm = slashed.split(separator: "/").map { Int($0) }
      guard dm.count == 2 || dm.count == 3, let d = dm[0], let m = dm[1] else { return nil }
      var y = dm.count == 3 ? dm[2] : (parts.count == 2 ? Int(parts[1]) : year)
      if let yy = y, yy < 100 { y = 2000 + yy }
      guard let y, parts.count <= 2 else { return nil }
      return Day(year: y, month: m, day: d)
    }
    // "8 mars [2022]" or "mars 8 [2022]"
    if parts.count == 2 || parts.count == 3 {
      let y = parts.count == 3 ? Int(parts[2]) : year
      guard let y else { return nil }
      let a = parts[0].trimmingTrailingDot
      if let d = Int(a), let m = Names.monthNumber(parts[1]) { return Day(year: y, month: m, day: d) }
      if let m = Names.monthNumber(parts[0]), let d = Int(parts[1].trimmingTrailingDot) {
        return Day(year: y, month: m, day: d)
      }
    }
    return nil
  }

  static func offset(_ text: String, sign: Int, from today: Day) -> Day? {
    guard let unit = text.last else { return nil }
    let number = unit.isNumber ? Int(text) : Int(text.dropLast())
    guard let n = number, n >= 0, n <= 100_000 else { return nil }
    let k = sign * n
    switch unit {
    case "d", "0"..."9": return today + k
    case "w", "v": return today + 7 * k
    case "m":
      let (y, m, d) = today.ymd
      let first = Day.firstOfMonth(year: y, month: m, adding: k)
      return Day(year: first.year, month: first.month, day: min(d, Day.daysIn(month: first.month, year: first.year)))
    case "y", "å":
      let (y, m, d) = today.ymd
      return Day(year: y + k, month: m, day: min(d, Day.daysIn(month: m, year: y + k)))
    default: return nil
    }
  }

  public static let hint = "write 2022-03-08, 8/3, 8 mars, today or +2w"
}
