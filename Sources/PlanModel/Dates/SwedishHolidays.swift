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

  /// The holidays of a year with their Swedish names: the public holidays
  /// of Lag 1989:253 (with their history since 1953: Marie bebådelsedag
  /// until 1989, annandag pingst until 2004, nationaldagen since 2005) and
  /// the eves kept as holidays (påskafton, midsommarafton, julafton,
  /// nyårsafton). Sundays, holidays by law, are not listed. Two on one day
  /// share it ("Första maj; Kristi himmelsfärdsdag"). Before 1953 the
  /// older fixed dates are used (midsommar 24 June, alla helgons dag 1
  /// November, Marie bebådelsedag 25 March).
  public static func holidays(_ y: Int) -> [Day: String] {
    guard (1900...9998).contains(y) else { return [:] }
    let e = easter(y)
    func d(_ m: Int, _ dd: Int) -> Day { Day(year: y, month: m, day: dd)! }
    /// The first Saturday (weekday 6) or Sunday (7) on or after a day.
    func first(_ weekday: Int, from day: Day) -> Day { (0..<7).map { day + $0 }.first { $0.weekday == weekday }! }
    let modern = y >= 1953
    let midsummer = modern ? first(6, from: d(6, 20)) : d(6, 24)
    var list: [(Day, String)] = [
      (d(1, 1), "Nyårsdagen"), (d(1, 6), "Trettondedag jul"), (e - 2, "Långfredagen"), (e - 1, "Påskafton"),
      (e, "Påskdagen"), (e + 1, "Annandag påsk"), (e + 39, "Kristi himmelsfärdsdag"), (e + 49, "Pingstdagen"),
      (midsummer - 1, "Midsommarafton"), (midsummer, "Midsommardagen"),
      (modern ? first(6, from: d(10, 31)) : d(11, 1), "Alla helgons dag"), (d(12, 24), "Julafton"),
      (d(12, 25), "Juldagen"), (d(12, 26), "Annandag jul"), (d(12, 31), "Nyårsafton"),
    ]
    if y >= 1939 { list.append((d(5, 1), "Första maj")) }
    if y <= 2004 { list.append((e + 50, "Annandag pingst")) }
    if y >= 2005 { list.append((d(6, 6), "Nationaldagen")) }
    if y <= 1989 {
      // The Sunday 22–28 March, unless that is Palm Sunday or Easter Day:
      // then the Sunday two weeks before Easter.
      let sunday = modern ? first(7, from: d(3, 22)) : d(3, 25)
      list.append((modern && (sunday == e - 7 || sunday == e) ? e - 14 : sunday, "Marie bebådelsedag"))
    }
    var out: [Day: String] = [:]
    for (day, name) in list {
      out[day] = out[day].map { [$0, name].sorted().joined(separator: "; ") } ?? name
    }
    return out
  }

  /// The eves in `holidays` that are not public holidays by law.
  public static let eves: Set<String> = ["Påskafton", "Midsommarafton", "Julafton", "Nyårsafton"]
}
