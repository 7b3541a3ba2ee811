/// Another calendar shown beside the plan (issue 29): the region's
/// meetings, a school's breaks, another project's plan. The plan keeps only
/// where it comes from; its events are read when the plan is looked at and
/// never become the plan's own.
public struct PlanLayer: Sendable, Equatable {
  public var id: String
  public var name: String
  /// A path to an arshjul plan (`.json`) or an iCalendar file (`.ics`),
  /// relative to the plan's folder, or an `https://` address of a feed
  /// (`http://` only on this machine).
  public var source: String
  /// Whether its events keep the planners busy: then an activity on one
  /// of them is warned of.
  public var busy: Bool
  public var extra: [String: JSONNode]

  public init(id: String, name: String, source: String, busy: Bool = false, extra: [String: JSONNode] = [:]) {
    self.id = id
    self.name = name
    self.source = source
    self.busy = busy
    self.extra = extra
  }

  /// A feed over the network rather than a file.
  public var isFeed: Bool { PlanLayer.isFeed(source) }

  public static func isFeed(_ source: String) -> Bool {
    let lower = source.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
  }

  /// Why a source cannot be a layer's, or nil: a file path or an https
  /// address (a feed's password never goes into the plan, which goes into
  /// git; plain http would let anyone on the way change the calendar).
  public static func sourceProblem(_ s: String) -> String? {
    let lower = s.lowercased()
    if lower.hasPrefix("https://") || (lower.hasPrefix("http://") && CalendarURL.isThisMachine(s)) {
      return CalendarURL.hasUserInfo(s) ? "a layer's address must not hold a user name or password" : nil
    }
    if lower.hasPrefix("webcal://") || lower.hasPrefix("http://") {
      return "a feed is read over https only (plain http only from this machine); write https:// instead"
    }
    if let colon = s.firstIndex(of: ":"), s[..<colon].allSatisfy({ $0.isLetter }),
      s.distance(from: s.startIndex, to: colon) > 1
    {
      return "a layer's source is a file path or an https:// address"
    }
    return nil
  }
}
