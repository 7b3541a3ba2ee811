import PlanModel

/// What a filled-in form makes: the item, or the problems beside its fields.
extension Form {
  enum Item {
    case activity(Activity)
    case milestone(Milestone)
  }

  /// Reads every field; on any problem fills `errors` and returns nil.
  mutating func build(_ s: AppState) -> Item? {
    errors = [:]
    generalError = nil
    let t = s.text
    let reference = s.yearRange.from
    func date(_ f: Field, required: Bool) -> Day? {
      let raw = text(f).trimmed
      if raw.isEmpty {
        if required { errors[f] = t.required }
        return nil
      }
      guard let d = DateInput.parse(raw, today: s.today, reference: reference) else {
        errors[f] = t.dateHint
        return nil
      }
      return d
    }
    func line(_ f: Field) -> String? {
      let v = sanitizedLine(text(f))
      return v.isEmpty ? nil : v
    }
    let title = sanitizedLine(text(.title))
    if title.isEmpty { errors[.title] = t.required }
    let themeID = chosen(.theme)
    let existing = s.plan.itemIDs.subtracting([editing].compactMap { $0 })
    let id = editing ?? Identifier.unique(Identifier.slug(title), taken: existing)
    let notes =
      text(.notes).unicodeScalars.contains { isControl($0) && $0 != "\n" && $0 != "\t" }
      ? sanitized(text(.notes), keepNewlines: true) : text(.notes)
    let cleanNotes = notes.trimmed.isEmpty ? nil : notes

    switch kind {
    case .milestone:
      let day = date(.date, required: true)
      guard errors.isEmpty, let day else { return nil }
      var m = s.plan.milestones.first { $0.id == editing } ?? Milestone(id: id, title: title, date: day, theme: themeID)
      m.title = title
      m.date = day
      m.theme = themeID
      m.done = chosen(.done) == "true"
      m.notes = cleanNotes
      return .milestone(m)
    case .activity:
      let start = date(.start, required: true)
      var end = date(.end, required: false)
      // An end left as it was follows a moved start, keeping the length.
      if let s0 = start, let opened = openedWith, text(.end).trimmed == opened.end,
        text(.start).trimmed != opened.start, let a = Day(iso: opened.start), let b = Day(iso: opened.end)
      {
        end = s0 + (b - a)
      }
      if let s0 = start, let e = end, e < s0 { errors[.end] = t.endBeforeStart; end = nil }
      var time: ClockSpan?
      let rawTime = text(.time).trimmed
      if !rawTime.isEmpty {
        time = ClockSpan.typed(rawTime)
        if time == nil { errors[.time] = t.timeHint }
      }
      var rule: Repeat?
      if let freq = Repeat.Frequency(rawValue: chosen(.every)) {
        let interval = Int(text(.interval).trimmed) ?? 0
        if interval < 1 { errors[.interval] = t.wholeNumber }
        let until = date(.until, required: false)
        let rawCount = text(.count).trimmed
        var count: Int?
        if !rawCount.isEmpty {
          count = Int(rawCount)
          if (count ?? 0) < 1 { errors[.count] = t.wholeNumber }
        }
        if until != nil && count != nil { errors[.count] = t.untilOrCount }
        var except: [Day] = []
        switch DateInput.list(text(.except), today: s.today, reference: reference) {
        case .success(let days): except = days
        case .failure(let bad): errors[.except] = "\"\(bad.text)\": " + t.dateHint
        }
        let on: Repeat.MonthlyOn? = freq == .month ? Repeat.MonthlyOn(rawValue: chosen(.on)) : nil
        let endRule: Repeat.End = until.map { .until($0) } ?? count.map { .count($0) } ?? .never
        rule = Repeat(every: freq, interval: max(1, interval), on: on == .date ? nil : on, end: endRule, except: except)
      }
      guard errors.isEmpty, let start else { return nil }
      var a =
        s.plan.activities.first { $0.id == editing } ?? Activity(id: id, title: title, theme: themeID, start: start)
      // Unknown fields of the item, and of its repeat, stay as they were.
      if rule != nil, let old = a.repeatRule { rule?.extra = old.extra }
      a.title = title
      a.theme = themeID
      a.start = start
      a.end = end ?? start
      if let t = time, let old = a.time {
        a.time = ClockSpan(start: t.start, end: t.end, extra: old.extra)
      } else {
        a.time = time
      }
      a.repeatRule = rule
      a.owner = line(.owner)
      a.location = line(.location)
      a.notes = cleanNotes
      a.status = Status(rawValue: chosen(.status)) ?? .planned
      return .activity(a)
    }
  }
}

/// One line of plain text: control characters and newlines become spaces.
func sanitizedLine(_ s: String) -> String { sanitized(s).trimmed }
