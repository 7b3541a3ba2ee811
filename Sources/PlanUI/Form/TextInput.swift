import PlanKit

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
    let shown = characters.map { $0 == "\n" ? "⏎" : $0 }
    var start = 0
    // Move the window right until the cursor fits (room for the cursor cell).
    func widthOf(_ r: Range<Int>) -> Int { shown[r].reduce(0) { $0 + max(1, displayWidth($1)) } }
    while start < cursor && widthOf(start..<cursor) + 1 > width { start += 1 }
    var end = start
    var w = 0
    while end < shown.count && w + max(1, displayWidth(shown[end])) <= width {
      w += max(1, displayWidth(shown[end]))
      end += 1
    }
    return (String(shown[start..<end]), widthOf(start..<cursor))
  }
}
