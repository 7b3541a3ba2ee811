import PlanFormats
import PlanModel

/// Words of the form in the plan's language.
extension UIText {
  func label(_ f: Form.Field) -> String { f.field.label(language) }

  var repeatOptions: [Form.Option] {
    [Form.Option(label: sv ? "nej" : "no", value: "")]
      + Repeat.Frequency.allCases.map { Form.Option(label: $0.word(language), value: $0.rawValue) }
  }
  var monthlyOptions: [Form.Option] {
    Repeat.MonthlyOn.allCases.map { Form.Option(label: $0.word(language), value: $0.rawValue) }
  }
  var statusOptions: [Form.Option] {
    Status.allCases.map { Form.Option(label: $0.word(language), value: $0.rawValue) }
  }
  var yesNo: [Form.Option] {
    [Form.Option(label: sv ? "nej" : "no", value: "false"), Form.Option(label: sv ? "ja" : "yes", value: "true")]
  }
  func themeOptions(_ themes: [Theme]) -> [Form.Option] { themes.map { Form.Option(label: $0.name, value: $0.id) } }
  func formTitle(_ kind: Form.Kind, new: Bool) -> String {
    switch (kind, new, sv) {
    case (.activity, true, true): "Ny aktivitet"
    case (.activity, false, true): "Ändra aktivitet"
    case (.milestone, true, true): "Ny milstolpe"
    case (.milestone, false, true): "Ändra milstolpe"
    case (.activity, true, false): "New activity"
    case (.activity, false, false): "Edit activity"
    case (.milestone, true, false): "New milestone"
    case (.milestone, false, false): "Edit milestone"
    }
  }
  var formHints: String {
    sv
      ? "Tab/↑↓ fält · ←→ välj · Enter spara · Esc avbryt · Ctrl-J ny rad"
      : "Tab/↑↓ field · ←→ choose · Enter save · Esc cancel · Ctrl-J new line"
  }
  var dateHint: String {
    sv ? "skriv 2022-03-08, 8/3, 8 mars, idag eller +2v" : "write 2022-03-08, 8/3, 8 March, today or +2w"
  }
  var timeHint: String {
    sv ? "skriv 08:30-09:30, eller lämna tomt för heldag" : "write 08:30-09:30, or leave empty for all day"
  }
  var required: String { sv ? "behövs" : "required" }
  var wholeNumber: String { sv ? "skriv ett heltal, 1 eller mer" : "write a whole number, 1 or more" }
  var untilOrCount: String { sv ? "ange till-datum eller antal, inte båda" : "give until or count, not both" }
  var endBeforeStart: String { sv ? "slutar före start" : "ends before it starts" }
}
