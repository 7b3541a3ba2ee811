/// A field of a plan's items (and of its themes and layers), by its key in
/// the plan file; a part of a repeat or a time is `repeat.until`,
/// `time.start`. One vocabulary for the form, the spreadsheet's columns,
/// `diff`, merge conflicts and the details view: their words are
/// `ItemField.label` and `ItemField.name` (FieldNames.swift).
public enum ItemField: String, CaseIterable, Sendable {
  case title, theme, start, end, date, time
  case timeStart = "time.start"
  case timeEnd = "time.end"
  case owner, location, notes, status, done
  case repeats = "repeat"
  case every = "repeat.every"
  case interval = "repeat.interval"
  case on = "repeat.on"
  case until = "repeat.until"
  case count = "repeat.count"
  case except = "repeat.except"
  /// A theme's and a layer's.
  case name, color, source, busy
  /// Columns of the spreadsheet form that are not fields of the file.
  case id, rule, type

  /// The key in the plan file (a path for a part: `repeat.until`).
  public var key: String { rawValue }
}
