/// Swedish public holidays (allmänna helgdagar) and the eves most
/// workplaces keep free, for marking days off in the Gantt chart.
public enum SwedishHolidays {
  /// Easter Sunday (the anonymous Gregorian algorithm).
  public static func easter(_ y: Int) -> Day {
    let a = y % 19
    let b = y / 100
    let c = y % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return Day(year: y, month: month, day: day)!
  }

  /// The holidays of a year with their Swedish names.
  public static func holidays(_ y: Int) -> [Day: String] {
    guard (1900...9998).contains(y) else { return [:] }
    let e = easter(y)
    func d(_ m: Int, _ dd: Int) -> Day { Day(year: y, month: m, day: dd)! }
    // Midsummer Day: the Saturday 20–26 June; All Saints' Day: the Saturday 31 Oct–6 Nov.
    let midsummer = (0..<7).map { d(6, 20) + $0 }.first { $0.weekday == 6 }!
    let allSaints = (0..<7).map { d(10, 31) + $0 }.first { $0.weekday == 6 }!
    return [
      d(1, 1): "Nyårsdagen", d(1, 6): "Trettondedag jul", e - 2: "Långfredagen", e: "Påskdagen",
      e + 1: "Annandag påsk", d(5, 1): "Första maj", e + 39: "Kristi himmelsfärdsdag", e + 49: "Pingstdagen",
      d(6, 6): "Sveriges nationaldag", midsummer - 1: "Midsommarafton", midsummer: "Midsommardagen",
      allSaints: "Alla helgons dag", d(12, 24): "Julafton", d(12, 25): "Juldagen", d(12, 26): "Annandag jul",
      d(12, 31): "Nyårsafton",
    ]
  }
}
