/// A value behind one pointer, compared by value: a field most activities
/// leave empty then costs a pointer in each, not its full size. It is never
/// changed in place; setting the field makes a new box.
final class Boxed<Value: Sendable & Equatable>: Sendable, Equatable {
  let value: Value

  init(_ value: Value) { self.value = value }

  static func == (a: Boxed, b: Boxed) -> Bool { a === b || a.value == b.value }
}
