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
    for language in Language.allCases {
      let tag = ownerTag(Wording(language))
      if let r = d.range(of: "\n\n" + tag, options: .backwards), !d[r.upperBound...].contains("\n") {
        return (String(d[r.upperBound...]), String(d[..<r.lowerBound]))
      }
      if d.hasPrefix(tag), !d.contains("\n") { return (String(d.dropFirst(tag.count)), nil) }
    }
    return nil
  }
}
