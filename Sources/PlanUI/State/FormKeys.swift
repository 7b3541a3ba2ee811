import PlanFormats
import PlanModel

/// Keys in a form: fields, choices, typing, accept (checked against the plan) and cancel.
func formKey(_ s: inout AppState, _ key: Key) -> [Effect] {
  guard var form = s.form else { return [] }
  let field = form.focusedField
  let isChoice = if case .choice? = form.values[field] { true } else { false }
  switch KeyMap.formAction(for: key) {
  case .cancel?:
    s.form = nil
    return []
  case .accept?:
    return submit(&s, &form)
  case .nextField?:
    form.focus = nextRelevant(form, from: form.focus, by: 1)
  case .previousField?:
    form.focus = nextRelevant(form, from: form.focus, by: -1)
  case .chooseNext? where isChoice, .choosePrevious? where isChoice:
    if case .choice(let options, let i)? = form.values[field] {
      let step = KeyMap.formAction(for: key) == .chooseNext ? 1 : options.count - 1
      form.values[field] = .choice(options, (i + step) % options.count)
    }
  case .newLine?:
    if field == .notes, case .text(var input)? = form.values[field] {
      input.insert("\n")
      form.values[field] = .text(input)
      form.errors[field] = nil
    }
  default:
    // Everything else is typing: ← → + - and space edit a text field.
    if case .text(var input)? = form.values[field] {
      _ = input.handle(key)
      form.values[field] = .text(input)
      form.errors[field] = nil
    }
  }
  s.form = form
  return []
}

func nextRelevant(_ form: Form, from i: Int, by step: Int) -> Int {
  var j = i
  for _ in 0..<form.fields.count {
    j = (j + step + form.fields.count) % form.fields.count
    if form.isRelevant(form.fields[j]) { return j }
  }
  return i
}

func submit(_ s: inout AppState, _ form: inout Form) -> [Effect] {
  guard let item = form.build(s) else {
    if let first = form.fields.firstIndex(where: { form.errors[$0] != nil }) { form.focus = first }
    s.form = form
    return []
  }
  var plan = s.plan
  var changed: [Int]?
  let problem: String?
  let themeIDs = Set(plan.themes.map(\.id))
  let id: String
  let day: Day
  let theme: String
  switch item {
  case .activity(let a):
    if let i = s.index.activityIndex[a.id] {
      plan.activities[i] = a
      changed = [i]
    } else {
      plan.activities.append(a)
    }
    problem = a.problems(themes: themeIDs).first?.message("activity", id: a.id)
    (id, day, theme) = (a.id, a.start, a.theme)
  case .milestone(let m):
    if let i = plan.milestones.firstIndex(where: { $0.id == m.id }) {
      plan.milestones[i] = m
    } else {
      plan.milestones.append(m)
    }
    problem = m.problems(themes: themeIDs).first?.message("milestone", id: m.id)
    (id, day, theme) = (m.id, m.date, m.theme)
  }
  // The plan file's own rules, for what the form's fields cannot see alone.
  if let problem {
    form.generalError = problem
    s.form = form
    return []
  }
  s.form = nil
  let effects = commit(&s, plan, changing: changed)
  s.focusID = id
  s.focusTheme = theme
  s.hiddenThemes.remove(theme)
  setCursor(&s, day)
  return effects
}
