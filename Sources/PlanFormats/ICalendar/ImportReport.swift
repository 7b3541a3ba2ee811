import PlanModel

/// What an import did (or, with --dry-run, would do).
public struct ImportReport: Sendable {
  public init() {}
  public var added: [String] = []
  public var updated: [String] = []
  public var unchanged = 0
  /// Events not brought in, each with its UID, title and why.
  public var skipped: [String] = []
  /// Items of an earlier import from the same source that the file no longer has (kept).
  public var gone: [String] = []
  /// Anything else worth a line (components skipped, times rounded).
  public var notes: [String] = []

  public var changed: Bool { !added.isEmpty || !updated.isEmpty }
}

/// What in an input file cannot be imported, and where: data; the words
/// `FILE:LINE: error: …` (an error) or `FILE:LINE: …` (a skipped event in
/// the report) are made from it in one place.
public struct ImportProblem: Sendable, Equatable {
  /// "kalender.ics:12", or the file's name alone.
  public var place: String
  public var message: String

  public init(file: String, line: Int? = nil, _ message: String) {
    place = visibleName(file) + (line.map { ":\($0)" } ?? "")
    self.message = message
  }

  /// As editors and CI read an error.
  public var errorLine: String { "\(place): error: \(message)" }
  /// As the report lists what was skipped.
  public var skipLine: String { "\(place): \(message)" }
}

/// An input that cannot be imported; nothing is written.
public struct ImportError: Error, Sendable {
  public var problems: [ImportProblem]
  public init(_ problems: [ImportProblem]) { self.problems = problems }
  /// `FILE:LINE: error: …`, one a problem.
  public var lines: [String] { problems.map(\.errorLine) }
}
