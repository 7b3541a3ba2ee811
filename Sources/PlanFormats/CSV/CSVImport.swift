import Foundation
import PlanModel

/// A spreadsheet in: columns found by their header (Swedish or English, any
/// order and case), `;`, `,` or tab, with or without a BOM, quoted fields
/// over several lines. A row with an Id updates that item; one without is
/// matched by its title and start (so the same list imported twice adds
/// nothing twice), else added.
public enum CSVImport {
  public static func apply(
    _ bytes: [UInt8], file: String, to plan: inout Plan, theme: String?, today: Day
  ) throws(ImportError) -> ImportReport {
    var bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ImportError([ImportProblem(file: file, line: 1, "the file is not UTF-8 text; save it as CSV UTF-8")])
    }
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    let separator: Character =
      [";", ",", "\t"].max { a, b in firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count } ?? ";"
    let rows: [(line: Int, fields: [String])]
    do { rows = try records(text, separator: separator) } catch {
      throw ImportError([ImportProblem(file: file, line: error.line, error.message)])
    }
    guard let header = rows.first else {
      throw ImportError([ImportProblem(file: file, line: 1, "the file is empty")])
    }
    var columns: [CSVColumn: Int] = [:]
    for (i, name) in header.fields.enumerated() {
      if let c = CSVColumn.named(name), columns[c] == nil { columns[c] = i }
    }
    guard columns[.title] != nil, columns[.start] != nil else {
      throw ImportError([
        ImportProblem(file: file, line: 1, "the first row must name the columns; Titel (Title) and Start are needed")
      ])
    }
    var report = ImportReport()
    var errors: [ImportProblem] = []
    let reference = plan.yearRange(plan.planningYear(today: today)).from
    for row in rows.dropFirst() {
      func value(_ c: CSVColumn) -> String? {
        guard let i = columns[c], i < row.fields.count else { return nil }
        let v = CSVCell.read(row.fields[i]).trimmed
        return v.isEmpty ? nil : v
      }
      if row.fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
      func problem(_ message: String) -> ImportProblem { ImportProblem(file: file, line: row.line, message) }
      func day(_ c: CSVColumn) -> Day? {
        guard let raw = value(c) else { return nil }
        if let serial = Int(raw), serial > 20000, serial < 80000 {
          errors.append(
            problem(
              "\(c.name(plan.language)) \(quoted(raw)) is an Excel date number; format the column as a date (YYYY-MM-DD) and save again"
            ))
          return nil
        }
        guard let d = DateInput.parse(raw, today: today, reference: reference) else {
          errors.append(problem("\(c.name(plan.language)) \(quoted(raw)) is not a date; \(DateInput.hint)"))
          return nil
        }
        return d
      }
      guard let title = value(.title) else {
        errors.append(problem("the row has no title"))
        continue
      }
      guard let start = day(.start) else {
        if value(.start) == nil { errors.append(problem("\(quoted(title)) has no start")) }
        continue
      }
      let end = day(.end) ?? start
      let isMilestone =
        value(.type).map {
          $0.lowercased() == CSVColumn.milestoneWord(.sv) || $0.lowercased() == CSVColumn.milestoneWord(.en)
        }
        ?? false
      var themeID: String?
      if let t = value(.theme) {
        themeID = plan.themeID(for: t)
        if themeID == nil && theme == nil {
          errors.append(problem("theme \(quoted(t)) is not one of the plan's; \(plan.themeChoices)"))
          continue
        }
      }
      themeID = themeID ?? theme.flatMap { plan.themeID(for: $0) }
      var time: ClockSpan?
      if let t = value(.time) {
        time = ClockSpan.typed(t)
        if time == nil {
          errors.append(problem("Tid/Time \(quoted(t)) is not a clock span; \(ClockSpan.hint)"))
        }
      }
      var rule: Repeat?
      if let r = value(.rule) {
        rule = CSVRule.read(r)
        if rule == nil { errors.append(problem("Regel/Rule \(quoted(r)) is not a repeat arshjul wrote")) }
      }
      let statusWord = value(.status)?.lowercased()
      if isMilestone {
        let done = statusWord == "klar" || statusWord == "done"
        let id = value(.id)
        if let id, let i = plan.milestones.firstIndex(where: { $0.id == id }) {
          var m = plan.milestones[i]
          let before = m
          (m.title, m.date, m.done, m.notes) = (title, start, done, value(.notes))
          if let themeID { m.theme = themeID }
          if m != before { plan.milestones[i] = m; report.updated.append("◆ " + title) } else { report.unchanged += 1 }
          continue
        }
        if let i = plan.milestones.firstIndex(where: { $0.title == title && $0.date == start }) {
          _ = i
          report.unchanged += 1
          continue
        }
        guard let themeID else {
          errors.append(problem("\(quoted(title)) has no theme; give a Tema column or --theme"))
          continue
        }
        let newID = Identifier.unique(id ?? Identifier.slug(title), taken: plan.itemIDs)
        plan.milestones.append(
          Milestone(id: newID, title: title, date: start, theme: themeID, done: done, notes: value(.notes)))
        report.added.append("◆ " + title)
        continue
      }
      var status: Status?
      if let s = statusWord {
        status = Status.typed(s)
        if status == nil { errors.append(problem("status \(quoted(s)) must be \(Status.choices)")) }
      }
      var incoming = Activity(
        id: "", title: title, theme: themeID ?? "", start: start, end: end, time: time, repeatRule: rule,
        owner: value(.owner), location: value(.location), notes: value(.notes), status: status ?? .planned)
      let index =
        value(.id).flatMap { id in plan.activities.firstIndex { $0.id == id } }
        ?? plan.activities.firstIndex { $0.title == title && $0.start == start }
      if let i = index {
        var a = plan.activities[i]
        let before = a
        a.title = incoming.title
        a.start = incoming.start
        a.end = incoming.end
        if a.time?.start != time?.start || a.time?.end != time?.end { a.time = time }
        if !ICalendarImport.sameRule(a.repeatRule, rule) { a.repeatRule = rule }
        a.owner = incoming.owner
        a.location = incoming.location
        a.notes = incoming.notes
        if let status { a.status = status }
        if let themeID { a.theme = themeID }
        if a != before { plan.activities[i] = a; report.updated.append(title) } else { report.unchanged += 1 }
        continue
      }
      guard !incoming.theme.isEmpty else {
        errors.append(problem("\(quoted(title)) has no theme; give a Tema column or --theme (\(plan.themeChoices))"))
        continue
      }
      incoming.id = Identifier.unique(value(.id) ?? Identifier.slug(title), taken: plan.itemIDs)
      plan.activities.append(incoming)
      report.added.append(title)
    }
    if !errors.isEmpty { throw ImportError(errors) }
    return report
  }

  struct SyntaxError: Error {
    var line: Int
    var message: String
  }

  /// RFC 4180 records: quoted fields may hold the separator, "" and line breaks.
  static func records(_ text: String, separator: Character) throws(SyntaxError) -> [(line: Int, fields: [String])] {
    var out: [(Int, [String])] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var line = 1
    var recordLine = 1
    var chars = Array(text)
    if chars.last?.isNewline != true { chars.append("\n") }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" {
            field.append("\"")
            i += 1
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          if c.isNewline { line += 1 }
          field.append(c == "\r\n" ? "\n" : c)
        }
      } else if c == "\"" && field.isEmpty && !afterQuote {
        quoted = true
      } else if c == separator {
        fields.append(field)
        field = ""
        afterQuote = false
      } else if c.isNewline {
        fields.append(field)
        out.append((recordLine, fields))
        fields = []
        field = ""
        afterQuote = false
        line += 1
        recordLine = line
      } else {
        field.append(c)
      }
      i += 1
    }
    if quoted { throw SyntaxError(line: recordLine, message: "a quoted field is not closed; the file is cut short") }
    return out
  }
}
