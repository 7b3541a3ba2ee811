/// What the plan's schema reads: the parser's tape of a file, or a tree
/// made in memory (an edit, a merge, a calendar event's item). Values are
/// numbered; an object's members come as the numbers of a key and a value.
/// So a tree is read by the same rules as a file, without being written
/// out as text and parsed again.
package protocol JSONDocument: Sendable {
  var root: Int { get }
  func kind(_ i: Int) -> JSONTape.Kind
  /// Where value `i` starts in `bytes`, for a problem's line and column.
  func offset(_ i: Int) -> Int
  /// The text the offsets point into; a tree has none (its problems have no place).
  var bytes: [UInt8] { get }
  func elements(_ i: Int) -> [Int]
  func forEachMember(_ i: Int, _ body: (_ key: Int, _ value: Int) -> Void)
  func member(_ i: Int, _ key: StaticString) -> (ordinal: Int, value: Int)?
  /// The code of key `i` (`JSONTape.keyCode` of its UTF-8).
  func keyCode(_ i: Int) -> Int32
  func keyIs(_ i: Int, _ key: StaticString) -> Bool
  func string(_ i: Int) -> String
  /// A string's UTF-8, when it can be read straight from them (dates, times).
  func plainBytes(_ i: Int) -> ArraySlice<UInt8>?
  /// True only when the text certainly holds no control character; false
  /// asks for the full check.
  func isPlainText(_ i: Int) -> Bool
  func numberText(_ i: Int) -> String
  func node(_ i: Int) -> JSONNode
}

extension JSONTape: JSONDocument {}

/// A `JSONNode` tree numbered the way the tape numbers a file: each value
/// once, an object's keys as values of their own.
package struct JSONTree: JSONDocument {
  private var values: [JSONNode] = []
  /// An array's elements; an object's keys and values, one after the other.
  private var children: [Int: [Int]] = [:]

  package init(_ root: JSONNode) {
    add(root)
  }

  @discardableResult
  private mutating func add(_ node: JSONNode) -> Int {
    let i = values.count
    values.append(node)
    switch node.value {
    case .array(let list):
      children[i] = list.map { add($0) }
    case .object(let members):
      var numbers: [Int] = []
      numbers.reserveCapacity(members.count * 2)
      for m in members {
        numbers.append(add(JSONNode(.string(m.key))))
        numbers.append(add(m.node))
      }
      children[i] = numbers
    default:
      break
    }
    return i
  }

  package var root: Int { 0 }
  package var bytes: [UInt8] { [] }
  package func offset(_ i: Int) -> Int { 0 }

  package func kind(_ i: Int) -> JSONTape.Kind {
    switch values[i].value {
    case .null: .null
    case .bool(let b): b ? .true : .false
    case .number: .number
    case .string: .string
    case .array: .array
    case .object: .object
    }
  }

  package func elements(_ i: Int) -> [Int] { children[i] ?? [] }

  package func forEachMember(_ i: Int, _ body: (_ key: Int, _ value: Int) -> Void) {
    guard case .object = values[i].value, let numbers = children[i] else { return }
    for j in stride(from: 0, to: numbers.count, by: 2) { body(numbers[j], numbers[j + 1]) }
  }

  package func member(_ i: Int, _ key: StaticString) -> (ordinal: Int, value: Int)? {
    guard case .object = values[i].value, let numbers = children[i] else { return nil }
    for j in stride(from: 0, to: numbers.count, by: 2) where keyIs(numbers[j], key) {
      return (j / 2, numbers[j + 1])
    }
    return nil
  }

  package func keyCode(_ i: Int) -> Int32 { JSONTape.keyCode(string(i).utf8) }

  package func keyIs(_ i: Int, _ key: StaticString) -> Bool {
    key.withUTF8Buffer { string(i).utf8.elementsEqual($0) }
  }

  package func string(_ i: Int) -> String {
    if case .string(let s) = values[i].value { return s }
    return ""
  }

  package func plainBytes(_ i: Int) -> ArraySlice<UInt8>? {
    guard case .string(let s) = values[i].value else { return nil }
    return ArraySlice(s.utf8)
  }

  /// The tape's judgement on the string's UTF-8 (no DEL, no C1 control, no
  /// lead byte of a noncharacter), and no C0 control either: a tree's text
  /// was never JSON, so nothing escaped it.
  package func isPlainText(_ i: Int) -> Bool {
    guard case .string(let s) = values[i].value else { return false }
    var previous: UInt8 = 0
    for c in s.utf8 {
      if c < 0x20 || c == 0x7F || c == 0xEF || c >= 0xF0 { return false }
      if previous == 0xC2 && c <= 0x9F { return false }
      previous = c
    }
    return true
  }

  package func numberText(_ i: Int) -> String {
    if case .number(let n) = values[i].value { return n }
    return ""
  }

  package func node(_ i: Int) -> JSONNode { values[i] }
}
