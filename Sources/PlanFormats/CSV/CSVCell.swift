import PlanModel

/// A cell that a spreadsheet would run as a formula — one that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return — is written behind a `'`,
/// as OWASP advises against CSV injection; Excel and LibreOffice then show it
/// as text. Cells that already start with quotes before such a character get
/// one more, so reading takes exactly one off and the round trip is exact.
enum CSVCell {
  static func written(_ text: String) -> String {
    isFormula(text.drop { $0 == "'" }) ? "'" + text : text
  }

  static func read(_ cell: String) -> String {
    cell.first == "'" && isFormula(cell.drop { $0 == "'" }) ? String(cell.dropFirst()) : cell
  }

  private static func isFormula(_ text: Substring) -> Bool {
    guard let first = text.unicodeScalars.first else { return false }
    return first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
  }
}
