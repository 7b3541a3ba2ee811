import PlanFormats
import PlanModel

/// A form for one activity or milestone: every field of the file format,
/// as text the planner types or choices they step through.
public struct Form: Sendable, Equatable {
  public static func == (a: Form, b: Form) -> Bool {
    a.kind == b.kind && a.editing == b.editing && a.fields == b.fields && a.values == b.values && a.focus == b.focus
      && a.errors == b.errors && a.generalError == b.generalError && a.openedWith?.start == b.openedWith?.start
      && a.openedWith?.end == b.openedWith?.end
  }

  public enum Kind: Sendable, Equatable {
    case activity
    case milestone
  }

  public enum Field: String, Sendable, CaseIterable {
    case title, theme, start, end, time, every, interval, on, until, count, except, owner, location, notes, status
    case date, done

    /// The plan's field it edits (its words are the field's).
    var field: ItemField {
      switch self {
      case .title: .title
      case .theme: .theme
      case .start: .start
      case .end: .end
      case .time: .time
      case .every: .every
      case .interval: .interval
      case .on: .on
      case .until: .until
      case .count: .count
      case .except: .except
      case .owner: .owner
      case .location: .location
      case .notes: .notes
      case .status: .status
      case .date: .date
      case .done: .done
      }
    }
  }

  public enum Value: Sendable, Equatable {
    case text(TextInput)
    /// Options shown, and which is chosen.
    case choice([Option], Int)
  }

  /// One option of a choice: what the planner reads, and the value it stands for.
  public struct Option: Sendable, Equatable {
    public let label: String
    public let value: String
  }

  public var kind: Kind
  /// The id of the item being edited; nil for a new one.
  public var editing: String?
  public var fields: [Field]
  public var values: [Field: Value]
  public var focus: Int = 0
  public var errors: [Field: String] = [:]
  /// A problem of the whole item (e.g. from the plan's own rules).
  public var generalError: String?
  /// The dates the form opened with: an end the planner did not touch
  /// follows a start they moved (a one-day activity stays one day).
  public var openedWith: (start: String, end: String)?

  public var focusedField: Field { fields[focus] }

  public func text(_ f: Field) -> String {
    if case .text(let t) = values[f] { return t.text }
    return ""
  }

  /// The value of the chosen option ("" when the field is not a choice).
  public func chosen(_ f: Field) -> String {
    if case .choice(let options, let i) = values[f], options.indices.contains(i) { return options[i].value }
    return ""
  }
}

extension Form {
  /// A form for a new activity on `day` in `theme`.
  static func newActivity(_ s: AppState, day: Day, theme: String?) -> Form {
    let t = s.text
    let themes = s.plan.themes
    let themeIndex = themes.firstIndex { $0.id == theme } ?? 0
    return Form(
      kind: .activity, editing: nil, fields: activityFields,
      values: [
        .title: .text(TextInput()), .theme: .choice(t.themeOptions(themes), themeIndex),
        .start: .text(TextInput(day.iso)),
        .end: .text(TextInput(day.iso)), .time: .text(TextInput()), .every: .choice(t.repeatOptions, 0),
        .interval: .text(TextInput("1")), .on: .choice(t.monthlyOptions, 0), .until: .text(TextInput()),
        .count: .text(TextInput()), .except: .text(TextInput()), .owner: .text(TextInput()),
        .location: .text(TextInput()), .notes: .text(TextInput()), .status: .choice(t.statusOptions, 0),
      ], openedWith: (day.iso, day.iso))
  }

  static let activityFields: [Field] = [
    .title, .theme, .start, .end, .time, .every, .interval, .on, .until, .count, .except, .owner, .location, .notes,
    .status,
  ]
  static let milestoneFields: [Field] = [.title, .date, .theme, .done, .notes]

  static func edit(_ a: Activity, _ s: AppState) -> Form {
    var f = newActivity(s, day: a.start, theme: a.theme)
    f.editing = a.id
    f.values[.title] = .text(TextInput(a.title))
    f.values[.end] = .text(TextInput(a.end.iso))
    f.openedWith = (a.start.iso, a.end.iso)
    f.values[.time] = .text(TextInput(a.time.map { "\($0.start)-\($0.end)" } ?? ""))
    if let r = a.repeatRule {
      f.select(.every, r.every.rawValue)
      f.values[.interval] = .text(TextInput(String(r.interval)))
      f.select(.on, r.monthlyOn.rawValue)
      switch r.end {
      case .never: break
      case .until(let u): f.values[.until] = .text(TextInput(u.iso))
      case .count(let c): f.values[.count] = .text(TextInput(String(c)))
      }
      f.values[.except] = .text(TextInput(r.except.map(\.iso).joined(separator: ", ")))
    }
    f.values[.owner] = .text(TextInput(a.owner ?? ""))
    f.values[.location] = .text(TextInput(a.location ?? ""))
    f.values[.notes] = .text(TextInput(a.notes ?? ""))
    f.select(.status, a.status.rawValue)
    for k in f.values.keys {
      if case .text(var t) = f.values[k]! { t.cursor = t.characters.count; f.values[k] = .text(t) }
    }
    return f
  }

  static func newMilestone(_ s: AppState, day: Day, theme: String?) -> Form {
    let themes = s.plan.themes
    return Form(
      kind: .milestone, editing: nil, fields: milestoneFields,
      values: [
        .title: .text(TextInput()), .date: .text(TextInput(day.iso)),
        .theme: .choice(s.text.themeOptions(themes), themes.firstIndex { $0.id == theme } ?? 0),
        .done: .choice(s.text.yesNo, 0), .notes: .text(TextInput()),
      ])
  }

  static func edit(_ m: Milestone, _ s: AppState) -> Form {
    var f = newMilestone(s, day: m.date, theme: m.theme)
    f.editing = m.id
    f.values[.title] = .text(TextInput(m.title))
    f.select(.done, m.done ? "true" : "false")
    f.values[.notes] = .text(TextInput(m.notes ?? ""))
    return f
  }

  /// Which fields matter now: the repeat details only when it repeats,
  /// "monthly on" only for a monthly repeat.
  public func isRelevant(_ f: Field) -> Bool {
    let every = Repeat.Frequency(rawValue: chosen(.every))
    switch f {
    case .interval, .until, .count, .except: return every != nil
    case .on: return every == .month
    default: return true
    }
  }

  /// Chooses the option standing for `value` in a choice field.
  mutating func select(_ f: Field, _ value: String) {
    guard case .choice(let options, _)? = values[f], let i = options.firstIndex(where: { $0.value == value }) else {
      return
    }
    values[f] = .choice(options, i)
  }
}
