import PlanModel

/// The UID an item carries in every calendar: export, import and sync must
/// agree on it, or a calendar shows an edited event twice.
public enum EventUID {
  /// What ends the UID of an item this plan made: `<item id>-<plan id>@arshjul`.
  static let domain = "@arshjul"

  /// The UID of an item this plan made.
  public static func own(_ itemID: String, _ plan: Plan) -> String { itemID + "-" + plan.id + domain }

  /// The UID another calendar gave an imported activity, which it keeps so
  /// that calendar updates the event instead of showing it twice. A
  /// made-up import key (an event that had no UID) is not one.
  public static func foreign(_ a: Activity) -> String? {
    guard let uid = a.uid, !uid.hasPrefix(ICalendarImport.keyPrefix) else { return nil }
    return uid
  }

  public static func of(_ a: Activity, _ plan: Plan) -> String { foreign(a) ?? own(a.id, plan) }
  public static func of(_ m: Milestone, _ plan: Plan) -> String { own(m.id, plan) }

  /// The item id when the UID is this plan's own, else nil.
  static func ownID(_ uid: String, _ plan: Plan) -> String? {
    let suffix = "-" + plan.id + domain
    guard uid.hasSuffix(suffix) else { return nil }
    return String(uid.dropLast(suffix.count))
  }
}
