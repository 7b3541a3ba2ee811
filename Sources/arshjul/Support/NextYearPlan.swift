import PlanModel
import PlanStore

/// Next year's plan made from this year's and written to its own file: the
/// one way `arshjul new --from` and the UI's N do it.
enum NextYearPlan {
  enum Failure: Error {
    case invalid([Problem])
    case file(FileError)
  }

  static func write(
    _ old: Plan, from oldYear: Int, _ options: Rollover.Options, title: String? = nil, to path: String
  ) throws(Failure) -> Rollover.Result {
    var result = Rollover.roll(old, from: oldYear, options)
    if let title { result.plan.title = title }
    let bytes: [UInt8]
    do { bytes = try result.plan.validated() } catch { throw .invalid(error.problems) }
    do { try AtomicFile.write(bytes, to: path) } catch { throw .file(error) }
    return result
  }
}
