import PlanModel

/// The words for each field, in both languages, in one table: a label
/// (the form's, a column's, the details view's: "Ansvarig") and a name for
/// running text (a diff's, a conflict's: "ansvarig"), which is the label
/// in lower case unless the table says otherwise; a repeat's parts read
/// differently on their own ("upprepas till") than under the form's
/// "Upprepa" ("Till").
extension ItemField {
  private var words: (sv: String, en: String, svName: String?, enName: String?) {
    switch self {
    case .title: ("Titel", "Title", nil, nil)
    case .theme: ("Tema", "Theme", nil, nil)
    case .start: ("Start", "Start", nil, nil)
    case .end: ("Slut", "End", nil, nil)
    case .date: ("Datum", "Date", nil, nil)
    case .time: ("Tid", "Time", nil, nil)
    case .timeStart: ("Starttid", "Start time", nil, nil)
    case .timeEnd: ("Sluttid", "End time", nil, nil)
    case .owner: ("Ansvarig", "Owner", nil, nil)
    case .location: ("Plats", "Location", nil, nil)
    case .notes: ("Anteckning", "Notes", nil, nil)
    case .status: ("Status", "Status", nil, nil)
    case .done: ("Klar", "Done", nil, nil)
    case .repeats: ("Upprepning", "Repeats", nil, "repeat")
    case .every: ("Upprepa", "Repeat", "upprepas", "repeats")
    case .interval: ("Var N:e", "Every N", "intervall", "interval")
    case .on: ("Månadsvis", "Monthly on", "månadsvis på", nil)
    case .until: ("Till", "Until", "upprepas till", "repeats until")
    case .count: ("Antal", "Count", "antal gånger", nil)
    case .except: ("Utom", "Except", nil, nil)
    case .name: ("Namn", "Name", nil, nil)
    case .color: ("Färg", "Colour", nil, nil)
    case .source: ("Källa", "Source", nil, nil)
    case .busy: ("Upptagen", "Busy", nil, nil)
    case .id: ("Id", "Id", nil, nil)
    case .rule: ("Regel", "Rule", nil, nil)
    case .type: ("Typ", "Type", nil, nil)
    }
  }

  /// As a label or heading: "Ansvarig", "Owner".
  public func label(_ language: Language) -> String { language == .sv ? words.sv : words.en }

  /// In running text: "ansvarig", "owner", "upprepas till".
  public func name(_ language: Language) -> String {
    let w = words
    return language == .sv ? (w.svName ?? w.sv.lowercased()) : (w.enName ?? w.en.lowercased())
  }
}
