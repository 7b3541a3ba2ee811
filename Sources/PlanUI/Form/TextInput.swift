import PlanModel

/// One line of editable text with a cursor, counted in characters so that
/// å ä ö, combining marks and emoji move as one.
public struct TextInput: Sendable, Equatable {
  public var characters: [Character]
  public var cursor: Int

  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }

  public mutating func insert(_ c: Character) {
    characters.insert(c, at: cursor)
    cursor += 1
  }

  /// Handles an editing key; false when the key is not one for a text field.
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .char(let c): insert(c)
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .home, .ctrl("a"): cursor = 0
    case .end, .ctrl("e"): cursor = characters.count
    case .backspace:
      if cursor > 0 {
        characters.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete, .ctrl("d"):
      if cursor < characters.count { characters.remove(at: cursor) }
    case .ctrl("u"):
      characters.removeFirst(cursor)
      cursor = 0
    case .ctrl("k"):
      characters.removeLast(characters.count - cursor)
    default: return false
    }
    return true
  }

  /// The part to show in a field `width` columns wide, scrolled so the
  /// cursor is in view, and the cursor's column within it. Newlines show as ⏎.
  public func visible(width: Int) -> (text: String, cursorColumn: Int) {
    // Costs what is on screen: walk left from the cursor until the field is
    // full, then right; never measure the whole text (a 20,000-character
    // note must not make every key slow).
    func cell(_ i: Int) -> Character { characters[i] == "\n" ? "⏎" : characters[i] }
    func cellWidth(_ i: Int) -> Int { max(1, displayWidth(cell(i))) }
    var start = cursor
    var used = 1  // room for the cursor cell
    while start > 0 && used + cellWidth(start - 1) <= width {
      used += cellWidth(start - 1)
      start -= 1
    }
    let cursorColumn = used - 1
    var end = start
    var w = 0
    while end < characters.count && w + cellWidth(end) <= width {
      w += cellWidth(end)
      end += 1
    }
    var text = ""
    for i in start..<end { text.append(cell(i)) }
    return (text, cursorColumn)
  }
}
