import PlanModel

/// What arshjul writes into an event beyond the standard properties, in
/// one place for the writer and the importer: the milestone's mark in
/// SUMMARY, "Milstolpe (klar)" at the head of its DESCRIPTION, and the
/// owner's line at the end of an activity's. Read back in every language
/// the plan format has, so a plan whose language changed keeps "done" and
/// its owners on re-import.
enum ICalendarConventions {
  static let milestoneMark = "◆ "

  /// "Milstolpe (klar)", "Milestone (not done)".
  static func milestoneHead(done: Bool, _ w: Wording) -> String { "\(w.milestoneWord) (\(w.milestoneState(done)))" }

  /// Whether a DESCRIPTION's first paragraph says done, in any language;
  /// nil when it is not a milestone's head.
  static func done(inHead head: String) -> Bool? {
    for language in Language.allCases {
      let w = Wording(language)
      if head == milestoneHead(done: true, w) { return true }
      if head == milestoneHead(done: false, w) { return false }
    }
    return nil
  }

  /// "Ansvarig: ", "Owner: ".
  static func ownerTag(_ w: Wording) -> String { w.ownerWord + ": " }

  /// The owner's line at the end of a description (in any language), and
  /// the description without it.
  static func owner(in d: String) -> (owner: String, rest: String?)? {
    // The owner's line is the last line, after an empty one (or the whole
    // text); found from the end by byte, not searched for per language.
    let u = d.utf8
    guard let lastBreak = u.lastIndex(of: UInt8(ascii: "\n")) else {
      for language in Language.allCases {
        let tag = ownerTag(Wording(language))
        if d.hasPrefix(tag) { return (String(d.dropFirst(tag.count)), nil) }
      }
      return nil
    }
    guard lastBreak > u.startIndex, u[u.index(before: lastBreak)] == UInt8(ascii: "\n") else { return nil }
    let line = d[u.index(after: lastBreak)...]
    for language in Language.allCases {
      let tag = ownerTag(Wording(language))
      if line.hasPrefix(tag) { return (String(line.dropFirst(tag.count)), String(d[..<u.index(before: lastBreak)])) }
    }
    return nil
  }
}
