import PlanModel

/// The agenda of the web page: month by month, each activity once a month
/// with its days ("8, 15, 22 feb"), its number on the wheel, week, theme and
/// status. It is also the wheel's legend: an arc is named by and links to
/// the row of its first occurrence (`w-ID`), so a screen reader hears the
/// row's words on the arc. Each month is its own block that the browser
/// lays out only when it scrolls into view; its rows come as text the
/// script makes into rows after the load (`HTMLScript`), so a plan of
/// 20,000 activities opens without building 40,000 rows first, while the
/// page without its script has the plain table.
enum HTMLAgenda {
  static func write(_ layout: WheelLayout, _ plan: Plan, _ w: Wording, into h: PieceOutput) {
    let words = PageWords(plan.language)
    func line(_ s: String) { h.appendLine(s) }
    var themeClass: [String: Int] = [:]
    for (i, ring) in layout.rings.enumerated() { themeClass[ring.theme.id] = i }
    var numbers: [String: Int] = [:]
    for ring in layout.rings { for e in ring.entries { numbers[layout.activity(e).id] = e.number } }
    var letters: [String: String] = [:]
    for mark in layout.marks { letters[mark.milestone.id] = mark.letter }
    line("<section class=\"agenda\" aria-labelledby=\"agenda-heading\">")
    line("<h2 id=\"agenda-heading\">\(words.agendaHeading)</h2>")
    let headers = words.columns
    let head = "<table><thead><tr>" + headers.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
    var named: Set<String> = []
    /// One month's rows: an item's occurrences together, in the order of its first.
    var month: [(item: AgendaItem, days: [(Day, Day)])] = []
    var at: [String: Int] = [:]
    func flush() {
      guard let first = month.first else { return }
      let name = Names.month(first.item.start.month, plan.language)
      line("<div class=\"month\">")
      line("<h3>\(HTML.escape(name.prefix(1).uppercased() + name.dropFirst() + " \(first.item.start.year)"))</h3>")
      // A browser that runs the script reads <noscript> as one string
      // (nothing to build at load); the script makes rows of it a slice at
      // a time. Without the script it is the table itself.
      line("<noscript>")
      line(head)
      for (item, days) in month {
        let t = themeClass[item.theme] ?? 0
        let theme = plan.theme(item.theme)
        var number = ""
        var what = HTML.escape(item.title)
        var status = ""
        switch item.kind {
        case .milestone(let m):
          number = "◆ " + (letters[m.id] ?? "")
          status = w.milestoneState(m.done)
        case .activity(let a):
          number = numbers[a.id].map(String.init) ?? ""
          // The rule once, in the row that names the arc; later months only list the days.
          if !named.contains(a.id), let r = w.rule(a) { what += " <span class=\"muted\">(\(HTML.escape(r)))</span>" }
          status = w.status(a.status)
        }
        let when = dates(days, w) + (item.time.map { " " + w.time($0) } ?? "")
        let weeks =
          days.count == 1
          ? w.weeks(days[0].0, days[0].1)
          : w.weeks(days[0].0, days[0].0) + days.dropFirst().map { ", \($0.0.isoWeek.week)" }.joined()
        let id = named.insert(item.id).inserted ? " id=\"w-\(HTML.escape(item.id))\"" : ""
        // HTML lets a cell and a row end where the next begins: no </td>, </tr>.
        line(
          "<tr class=\"t\(t)\"\(id)><td>\(number)<td>\(HTML.escape(when))<td>\(HTML.escape(weeks))<td>\(what)<td>\(HTML.escape(theme?.name ?? item.theme))<td>\(HTML.escape(status))"
        )
      }
      line("</tbody></table>")
      line("</noscript>")
      line("</div>")
      month = []
      at = [:]
    }
    // A line at a time (a big plan's year has 60,000 occurrences).
    plan.forEachAgendaItem(in: layout.range, themes: Set(layout.themes.map(\.id))) { item in
      if let first = month.first, first.item.start.month != item.start.month || first.item.start.year != item.start.year
      {
        flush()
      }
      if let i = at[item.id] {
        month[i].days.append((item.start, item.end))
      } else {
        at[item.id] = month.count
        month.append((item, [(item.start, item.end)]))
      }
    }
    flush()
    line("</section>")
  }

  /// "8, 15, 22 feb" for single days of one month, else each range: "14–18 mars, 21–25 mars".
  static func dates(_ days: [(Day, Day)], _ w: Wording) -> String {
    if days.count > 1, days.allSatisfy({ $0.0 == $0.1 && $0.0.month == days[0].0.month }) {
      return days.map { String($0.0.dayOfMonth) }.joined(separator: ", ") + " "
        + Names.shortMonth(days[0].0.month, w.language)
    }
    return days.map { w.range($0.0, $0.1) }.joined(separator: ", ")
  }
}
