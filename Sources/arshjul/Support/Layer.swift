import PlanKit
import PlanStore

/// Another calendar looked at beside a plan (issue 29's layers, one-off with
/// `--layer`): its events as activities in the plan's zone and year, read by
/// the importer (the same zones, repeats and overrides; rules the plan
/// cannot say expanded), or another arshjul plan's activities and milestones.
/// Read-only: nothing is written.
struct Layer {
  var name: String
  var events: [Activity]
  /// What the importer could not take, one line each.
  var notes: [String]

  struct Failure: Error {
    var message: String
  }

  static func read(_ source: String, for plan: Plan, year: Int) throws(Failure) -> Layer {
    let file = source.split(separator: "/").last.map(String.init) ?? source
    if source.lowercased().hasSuffix(".json") {
      do {
        let other = try PlanFile.load(source).plan
        let milestones = other.milestones.map {
          Activity(id: $0.id, title: $0.title, theme: $0.theme, start: $0.date)
        }
        return Layer(name: other.title, events: other.activities + milestones, notes: [])
      } catch {
        throw Failure(message: error.lines.joined(separator: "; "))
      }
    }
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(source, limit: 32 << 20) } catch { throw Failure(message: error.message) }
    var scratch = Plan(
      id: "layer", title: file, language: plan.language, timeZone: plan.timeZone,
      startMonth: plan.startMonth, year: year,
      themes: plan.themes)
    do {
      let report = try ICalendarImport.apply(
        bytes, file: source, to: &scratch, theme: plan.themes.first?.id, expand: true)
      let name = ICalendarImport.calendarName(bytes) ?? file
      return Layer(name: name, events: scratch.activities, notes: report.skipped)
    } catch {
      throw Failure(message: error.lines.joined(separator: "; "))
    }
  }
}
