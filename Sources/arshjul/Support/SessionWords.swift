import PlanModel

/// What the edit sessions say in the status line, in the plan's language:
/// a failed save or journal, next year's plan, a plan opened for reading.
struct SessionWords {
  let sv: Bool

  init(_ language: Language) { sv = language == .sv }

  /// Where the edits are after a failed save.
  func editsKept(inJournal: Bool) -> String {
    inJournal
      ? (sv ? "ändringarna finns kvar i journalen" : "the edits are kept in the journal")
      : (sv ? "ändringarna finns bara i minnet" : "the edits are only in memory")
  }

  func journalFailed(_ why: String) -> String {
    (sv
      ? "Ändringarna finns bara i minnet – journalen kunde inte skrivas: "
      : "The edits are only in memory – the journal could not be written: ") + why
  }

  func nextYearExists(_ name: String) -> String {
    sv ? "\(name) finns redan; den skrivs inte över" : "\(name) exists already; not overwriting it"
  }

  func nextYearFailed(_ why: String) -> String {
    sv ? "nästa års plan kunde inte göras: \(why)" : "next year's plan could not be made: \(why)"
  }

  func nextYearMade(_ name: String, onHolidays holidays: Int) -> String {
    sv
      ? "Nästa års plan: \(name) (\(holidays) på helgdag – arshjul check \(name) visar dem)"
      : "Next year's plan: \(name) (\(holidays) on a holiday – arshjul check \(name) lists them)"
  }

  var plansNotReread: String { sv ? "planerna kunde inte läsas om" : "the plans could not be read again" }

  var rollOverAlone: String {
    sv
      ? "Öppna det sista årets plan ensam för att göra nästa års (arshjul PLAN)"
      : "Open the last year's plan alone to make next year's (arshjul PLAN)"
  }

  var syncAlone: String {
    sv
      ? "synka en plan i taget: arshjul sync PLAN, eller öppna den ensam"
      : "sync one plan at a time: arshjul sync PLAN, or open it alone"
  }

  func writeProtected(_ name: String) -> String {
    sv
      ? "\(name) är skrivskyddad – öppnad för läsning (chmod u+w, eller --force)"
      : "\(name) is write-protected – opened read-only (chmod u+w, or --force)"
  }

  func unsavedFromLastTime(_ name: String) -> String {
    sv
      ? "\(name) har osparade ändringar från förra gången – öppna den ensam för att ta tillbaka dem"
      : "\(name) has unsaved edits from last time – open it alone to restore them"
  }
}
