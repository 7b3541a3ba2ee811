import PlanFormats
import PlanModel

/// Words in both languages.
public struct Words: Sendable, Equatable {
  public let sv: String
  public let en: String
  public init(_ sv: String, _ en: String) {
    self.sv = sv
    self.en = en
  }
  public func callAsFunction(_ language: Language) -> String { language == .sv ? sv : en }
}

/// The footer's short form of a line: its first `keys` keys, then a word.
public struct Hint: Sendable, Equatable {
  public let keys: Int
  public let joiner: String
  public let words: Words
}

/// One line of the help: keys and what each does, in which views, whether
/// it changes the plan (refused when read-only), and its footer hint.
public struct KeyLine<A: Sendable & Equatable>: Sendable {
  public let bindings: [(key: Key, action: A)]
  public let help: Words
  public let hint: Hint?
  /// nil: in every view.
  public let views: Set<ViewKind>?
  public let editsPlan: Bool

  init(
    _ bindings: [(Key, A)], _ sv: String, _ en: String, hint: (Int, String, String, String)? = nil,
    views: Set<ViewKind>? = nil, edits: Bool = false
  ) {
    self.bindings = bindings.map { (key: $0.0, action: $0.1) }
    help = Words(sv, en)
    self.hint = hint.map { Hint(keys: $0.0, joiner: $0.1, words: Words($0.2, $0.3)) }
    self.views = views
    editsPlan = edits
  }

  /// Every key once, in order: "← → h".
  public var keysLabel: String {
    var seen: [String] = []
    for b in bindings where !seen.contains(b.key.label) { seen.append(b.key.label) }
    return seen.joined(separator: " ")
  }

  public func hintText(_ language: Language) -> String? {
    guard let hint else { return nil }
    var labels: [String] = []
    for b in bindings where !labels.contains(b.key.label) { labels.append(b.key.label) }
    return labels.prefix(hint.keys).joined(separator: hint.joiner) + " " + hint.words(language)
  }
}

/// Every key of the terminal UI, in one place: dispatch, the help overlay,
/// the footer hints, the read-only guard, dialogs and README's key table
/// are all made from these lists. A new key is one line here.
public enum KeyMap {
  public static let main: [KeyLine<Action>] = [
    KeyLine(
      [
        (.tab, .nextView), (.backTab, .previousView), (.char("w"), .showWheel), (.char("g"), .showGantt),
        (.char("l"), .showList),
      ],
      "nästa vy · hjul · Gantt · lista", "next view · wheel · Gantt · list", hint: (1, "", "vy", "view")),
    KeyLine(
      [(.left, .earlier), (.right, .later), (.char("h"), .earlier)],
      "flytta i tiden (dag eller vecka; i hjulet en vecka)", "move in time (day or week; a week on the wheel)",
      hint: (2, "", "tid", "time")),
    KeyLine(
      [
        (.shiftLeft, .monthEarlier), (.shiftRight, .monthLater), (.char("H"), .monthEarlier),
        (.char("L"), .monthLater),
      ],
      "flytta en månad", "move a month"),
    KeyLine(
      [(.up, .rowUp), (.down, .rowDown), (.char("k"), .rowUp), (.char("j"), .rowDown)],
      "byt rad (aktivitet, tema; i hjulet ring)", "change row (activity, theme; ring on the wheel)",
      hint: (2, "", "rad", "row")),
    KeyLine(
      [(.shiftUp, .previousInWeek), (.shiftDown, .nextInWeek)],
      "i hjulet: nästa i veckan på ringen", "on the wheel: next item of the ring in the week", views: [.wheel]),
    KeyLine([(.pageUp, .pageUp), (.pageDown, .pageDown)], "bläddra en sida", "scroll a page"),
    KeyLine(
      [(.char("["), .previousYear), (.char("]"), .nextYear)], "föregående / nästa planeringsår",
      "previous / next planning year"),
    KeyLine([(.char("t"), .today)], "idag", "today"),
    KeyLine(
      [(.char("+"), .zoomIn), (.char("="), .zoomIn), (.char("-"), .zoomOut)],
      "zooma: år, kvartal, månad (flera planer: alla år)", "zoom: year, quarter, month (several plans: every year)"),
    // The layers' key shares the wheel's line, so the help still fits 100×30.
    KeyLine(
      [(.char("b"), .plainWheel), (.char("v"), .toggleLayers)],
      "hjulet med vanliga tecken (utan braille) · visa / dölj lagren",
      "the wheel in plain characters (no braille) · show / hide the layers"),
    KeyLine(
      (1...9).map { (Key.char(Character(String($0))), Action.toggleTheme($0)) }, "visa / dölj tema 1, 2, 3 …",
      "show / hide theme 1, 2, 3 …"),
    KeyLine(
      [(.char("a"), .addActivity), (.char("m"), .addMilestone)], "ny aktivitet · ny milstolpe (vald dag och tema)",
      "new activity · new milestone (selected day and theme)", hint: (1, "", "ny", "new"), edits: true),
    KeyLine(
      [(.enter, .open)], "öppna (ändra) det valda", "open (edit) the selected item", hint: (1, "", "ändra", "edit")),
    KeyLine(
      [(.char("d"), .delete)], "ta bort det valda (frågar först)", "delete the selected item (asks first)",
      hint: (1, "", "ta bort", "delete"), edits: true),
    KeyLine(
      [
        (.char("<"), .move(days: -1)), (.char(">"), .move(days: 1)), (.char("{"), .move(days: -7)),
        (.char("}"), .move(days: 7)),
      ],
      "flytta det valda en dag · en vecka", "move the selected item a day · a week", edits: true),
    KeyLine(
      [(.char("u"), .undo), (.ctrl("r"), .redo)], "ångra · gör om", "undo · redo", hint: (1, "", "ångra", "undo"),
      edits: true),
    KeyLine(
      [(.char("s"), .save), (.ctrl("s"), .save)], "spara", "save", hint: (1, "", "spara", "save"), edits: true),
    // Esc shares the search's line: one line less, so the help (with y) still fits 100×30.
    KeyLine(
      [(.char("/"), .search), (.char("n"), .nextMatch), (.escape, .clearSearch)],
      "sök · nästa träff · stäng, rensa sökningen", "search · next match · close, clear the search",
      hint: (1, "", "sök", "search")),
    KeyLine(
      [(.char("c"), .showConflicts)], "listan över konflikter efter en sammanslagning",
      "the list of conflicts after a merge"),
    KeyLine(
      [(.char("N"), .nextYearPlan)], "nästa års plan, i en ny fil bredvid", "next year's plan, in a new file beside it"),
    KeyLine(
      [(.char("y"), .sync)], "synka med kalendern (sparar först)", "sync with the calendar (saves first)",
      edits: true),
    KeyLine([(.char("?"), .help)], "den här hjälpen", "this help", hint: (1, "", "hjälp", "help")),
    KeyLine(
      [(.char("q"), .quit), (.ctrl("c"), .quit)], "avsluta (frågar om något är osparat)",
      "quit (asks when something is unsaved)", hint: (1, "", "avsluta", "quit")),
  ]

  public static let form: [KeyLine<FormAction>] = [
    KeyLine(
      [(.tab, .nextField), (.backTab, .previousField), (.down, .nextField), (.up, .previousField)],
      "nästa / förra fält",
      "next / previous field", hint: (2, "/", "fält", "field")),
    KeyLine(
      [
        (.left, .choosePrevious), (.right, .chooseNext), (.char(" "), .chooseNext), (.char("+"), .chooseNext),
        (.char("-"), .choosePrevious),
      ],
      "välj i ett val", "choose in a choice", hint: (2, "", "välj", "choose")),
    KeyLine([(.enter, .accept)], "spara formuläret", "accept the form", hint: (1, "", "spara", "save")),
    KeyLine([(.escape, .cancel), (.ctrl("c"), .cancel)], "avbryt", "cancel", hint: (1, "", "avbryt", "cancel")),
    KeyLine(
      [(.ctrl("j"), .newLine)], "ny rad i anteckningar", "new line in the notes", hint: (1, "", "ny rad", "new line")),
  ]

  /// The list of merge conflicts.
  public static let conflicts: [KeyLine<ConflictAction>] = [
    KeyLine(
      [(.up, .previous), (.down, .next), (.char("k"), .previous), (.char("j"), .next)], "förra / nästa konflikt",
      "previous / next conflict", hint: (2, "", "välj", "choose")),
    KeyLine(
      [(.char("o"), .takeOurs)], "behåll vårt värde", "keep our value", hint: (1, "", "vårt", "ours"), edits: true),
    KeyLine(
      [(.char("t"), .takeTheirs)], "ta deras värde", "take their value", hint: (1, "", "deras", "theirs"),
      edits: true),
    KeyLine(
      [(.char("e"), .edit), (.enter, .edit)], "ändra posten själv", "edit the item yourself",
      hint: (1, "", "ändra", "edit"), edits: true),
    KeyLine(
      [(.escape, .close), (.char("q"), .close)], "stäng listan (c öppnar den igen)",
      "close the list (c opens it again)",
      hint: (1, "", "stäng", "close")),
  ]

  public static func conflictAction(for key: Key) -> (action: ConflictAction, line: KeyLine<ConflictAction>)? {
    for line in conflicts {
      if let b = line.bindings.first(where: { $0.key == key }) { return (b.action, line) }
    }
    return nil
  }

  public static func conflictHints(_ language: Language) -> String {
    conflicts.compactMap { $0.hintText(language) }.joined(separator: "  ")
  }

  /// The keys that answer each dialog, in the order the dialog lists them.
  public static func dialog(_ overlay: Overlay) -> [KeyLine<DialogAnswer>] {
    switch overlay {
    case .confirmDelete:
      [
        KeyLine([(.char("y"), .yes), (.char("j"), .yes)], "ta bort", "delete"),
        KeyLine([(.char("n"), .no), (.escape, .no)], "behåll", "keep"),
      ]
    case .confirmQuit:
      [
        KeyLine([(.char("s"), .saveAndQuit)], "spara och avsluta", "save and quit"),
        KeyLine(
          [(.char("d"), .discardAndQuit), (.char("x"), .discardAndQuit)], "släng ändringarna och avsluta",
          "discard the changes and quit"),
        KeyLine([(.escape, .no), (.char("n"), .no)], "stanna kvar", "stay"),
      ]
    case .conflict:
      [
        KeyLine(
          [(.char("r"), .reload)], "läs om filen (dina ändringar kan ångras med u)",
          "reload the file (u brings your edits back)"),
        KeyLine([(.char("o"), .overwrite)], "skriv över den med dina ändringar", "overwrite it with your edits"),
        KeyLine(
          [(.char("c"), .copy)], "spara dina ändringar som en kopia bredvid", "save your edits to a copy beside it"),
        KeyLine([(.escape, .no)], "avbryt", "cancel"),
      ]
    case .recover:
      [
        KeyLine([(.char("r"), .restore)], "återställ ändringarna", "restore the edits"),
        KeyLine(
          [(.char("d"), .discard), (.char("x"), .discard)], "släng dem (filen på disken gäller)",
          "discard them (the file on disk stands)"),
      ]
    default: []
    }
  }

  /// Help and details close with these; Ctrl-C still quits.
  public static let closeOverlay: Set<Key> = [.escape, .enter, .char("q"), .char("?")]

  /// The action of a key in the main views, if it has one there.
  public static func action(for key: Key, in view: ViewKind) -> (action: Action, line: KeyLine<Action>)? {
    for line in main where line.views?.contains(view) ?? true {
      if let b = line.bindings.first(where: { $0.key == key }) { return (b.action, line) }
    }
    return nil
  }

  public static func formAction(for key: Key) -> FormAction? {
    for line in form {
      if let b = line.bindings.first(where: { $0.key == key }) { return b.action }
    }
    return nil
  }

  public static func answer(for key: Key, in overlay: Overlay) -> DialogAnswer? {
    for line in dialog(overlay) {
      if let b = line.bindings.first(where: { $0.key == key }) { return b.action }
    }
    return nil
  }

  /// The help overlay's lines: keys, what they do.
  public static func helpLines(_ language: Language) -> [(keys: String, text: String)] {
    let formWords = Words("I formulär", "In a form")
    let formLine = form.compactMap { $0.hintText(language) }.joined(separator: " · ")
    return main.map { ($0.keysLabel, $0.help(language)) } + [(formWords(language), formLine)]
  }

  /// The footer: the hinted lines' short forms.
  public static func hints(_ language: Language) -> String {
    main.compactMap { $0.hintText(language) }.joined(separator: "  ")
  }

  /// A dialog's answer lines: "y j  ta bort".
  public static func dialogLines(_ overlay: Overlay, _ language: Language) -> [String] {
    dialog(overlay).map { $0.keysLabel + "  " + $0.help(language) }
  }

  /// README's key table (Markdown).
  public static func markdown(_ language: Language) -> String {
    let words = UIText(language)
    var out = "| \(words.keyColumn) | \(words.doesColumn) |\n|---|---|\n"
    func cell(_ s: String) -> String {
      s.split(separator: " ").map { "`\($0 == "|" ? "\\|" : String($0))`" }.joined(separator: " ")
    }
    for line in main { out += "| \(cell(line.keysLabel)) | \(line.help(language)) |\n" }
    out += "\n" + words.inAForm + " "
    out += form.map { "\(cell($0.keysLabel)) \($0.help(language))" }.joined(separator: " · ") + ".\n"
    return out
  }
}
