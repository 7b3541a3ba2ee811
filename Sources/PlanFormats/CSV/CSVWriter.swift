import PlanModel

/// The plan as a spreadsheet: a header in the plan's language, one row per
/// activity and milestone in date order; `;` with a UTF-8 BOM as Swedish
/// Excel opens it, or `,` without for the other convention.
public enum CSVWriter {
  public struct Options: Sendable {
    public var comma: Bool
    public var range: DayRange?
    public var themes: [String]?
    public init(comma: Bool = false, range: DayRange? = nil, themes: [String]? = nil) {
      self.comma = comma
      self.range = range
      self.themes = themes
    }
  }

  static let columns: [CSVColumn] = [
    .title, .theme, .start, .end, .time, .owner, .location, .status, .notes, .id, .repeats, .rule, .type,
  ]

  public static func write(_ plan: Plan, _ options: Options) -> String {
    let sep = options.comma ? "," : ";"
    let lang = plan.language
    let w = Wording(lang)
    func field(_ cell: String) -> String {
      let s = CSVCell.written(cell)
      guard s.contains(where: { $0 == Character(sep) || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    func wanted(_ theme: String) -> Bool { options.themes?.contains(theme) ?? true }
    var rows: [(Day, String, [String])] = []
    for a in plan.activities where wanted(a.theme) {
      if let r = options.range, a.occurrences(in: r).isEmpty { continue }
      let time = a.time.map { "\($0.start)-\($0.end)" } ?? ""
      rows.append(
        (
          a.start, a.id,
          [
            a.title, plan.theme(a.theme)?.name ?? a.theme, a.start.iso, a.end.iso, time, a.owner ?? "",
            a.location ?? "", a.status.word(lang), a.notes ?? "", a.id, w.rule(a) ?? "",
            a.repeatRule.map(CSVRule.write) ?? "", "",
          ]
        ))
    }
    for m in plan.milestones where wanted(m.theme) {
      if let r = options.range, !r.contains(m.date) { continue }
      rows.append(
        (
          m.date, m.id,
          [
            m.title, plan.theme(m.theme)?.name ?? m.theme, m.date.iso, m.date.iso, "", "", "", w.milestoneState(m.done),
            m.notes ?? "", m.id, "", "", CSVColumn.milestoneWord(lang),
          ]
        ))
    }
    rows.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    var out = options.comma ? "" : "\u{FEFF}"
    out += columns.map { $0.name(lang) }.joined(separator: sep) + "\r\n"
    for r in rows { out += r.2.map(field).joined(separator: sep) + "\r\n" }
    return out
  }
}
