import PlanModel

/// The columns of the spreadsheet form of a plan, named in both languages
/// (the header is written in the plan's, read in either, any order, any case).
enum CSVColumn: String, CaseIterable {
  case title, theme, start, end, time, owner, location, status, notes, id, repeats, rule, type

  /// The field the column holds (its words are the field's).
  var field: ItemField {
    switch self {
    case .title: .title
    case .theme: .theme
    case .start: .start
    case .end: .end
    case .time: .time
    case .owner: .owner
    case .location: .location
    case .status: .status
    case .notes: .notes
    case .id: .id
    case .repeats: .repeats
    case .rule: .rule
    case .type: .type
    }
  }

  func name(_ language: Language) -> String { field.label(language) }

  static func named(_ header: String) -> CSVColumn? {
    let h = header.trimmed.lowercased()
    return allCases.first { $0.name(.sv).lowercased() == h || $0.name(.en).lowercased() == h }
  }

  static func milestoneWord(_ language: Language) -> String { Wording(language).milestoneWord.lowercased() }
}

/// The repeat in a form a spreadsheet keeps and the importer reads back:
/// `every=month;interval=3;on=weekday;until=2022-12-31;except=2022-07-12,2022-08-09`.
enum CSVRule {
  static func write(_ r: Repeat) -> String {
    var parts = ["every=\(r.every.rawValue)"]
    if r.interval != 1 { parts.append("interval=\(r.interval)") }
    if let on = r.on { parts.append("on=\(on.rawValue)") }
    switch r.end {
    case .never: break
    case .until(let d): parts.append("until=\(d.iso)")
    case .count(let n): parts.append("count=\(n)")
    }
    if !r.except.isEmpty { parts.append("except=" + r.except.map(\.iso).joined(separator: ",")) }
    return parts.joined(separator: ";")
  }

  static func read(_ s: String) -> Repeat? {
    var f: [String: String] = [:]
    for part in s.split(separator: ";") {
      let kv = part.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
      guard kv.count == 2 else { return nil }
      f[kv[0].lowercased()] = kv[1]
    }
    guard let every = f["every"].flatMap(Repeat.Frequency.init(rawValue:)) else { return nil }
    var r = Repeat(every: every, interval: f["interval"].flatMap(Int.init) ?? 1)
    if let on = f["on"] {
      guard let o = Repeat.MonthlyOn(rawValue: on) else { return nil }
      r.on = o
    }
    if let u = f["until"] {
      guard let d = Day(iso: u) else { return nil }
      r.end = .until(d)
    } else if let c = f["count"] {
      guard let n = Int(c) else { return nil }
      r.end = .count(n)
    }
    if let e = f["except"] {
      let days = e.split(separator: ",").map { Day(iso: String($0).trimmed) }
      guard days.allSatisfy({ $0 != nil }) else { return nil }
      r.except = days.map { $0! }
    }
    return r
  }
}
