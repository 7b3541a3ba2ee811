extension String {
  /// Without leading and trailing white space; Foundation-free so PlanModel's
  /// text rules do not depend on which files import Foundation.
  public var trimmed: String {
    // Most values have nothing to trim: told by their first and last byte.
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
      return self
    }
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end && scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
    while end > start && scalars[scalars.index(before: end)].properties.isWhitespace {
      end = scalars.index(before: end)
    }
    return String(scalars[start..<end])
  }

  /// Nothing but white space (or nothing): `trimmed.isEmpty` without making the trimmed copy.
  public var isBlank: Bool {
    // Most text starts with a visible ASCII character: no property lookup.
    if let first = utf8.first, first > 0x20 && first < 0x7F { return false }
    return unicodeScalars.allSatisfy(\.properties.isWhitespace)
  }
}
