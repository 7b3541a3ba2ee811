import PlanModel
import PlanStore
import PlanUI

/// Issue 29's target for a project across its years: three plans of
/// `size` activities open together (read, made one, first frame) within 3×
/// the time one of them takes. The three are the synthetic plan in its
/// year and moved one and two years on (`Rollover`, as `new --from` makes
/// next year's plan, keeping every item: three plans of the same size).
enum PlanSetCost {
  static func report(size: Int, dir: String, today: Day, runs: Int) {
    var plan = SyntheticPlan.make(size)
    plan.year = 2022
    var paths: [String] = []
    for (i, year) in [2022, 2023, 2024].enumerated() {
      let p =
        i == 0
        ? plan : Rollover.roll(plan, from: 2022, Rollover.Options(year: year, all: true, newID: "bench-\(year)")).plan
      let path = dir + "/set-\(year).json"
      _ = try! PlanFile.save(p, to: path)
      paths.append(path)
    }
    // Paired: each round opens one plan, then the three, so a busy moment
    // of the machine falls on both.
    var ones: [Double] = []
    var threes: [Double] = []
    for _ in 0..<runs {
      ones.append(
        measure(1) {
          let loaded = try! PlanFile.load(paths[0])
          let s = AppState(plan: loaded.plan, fileName: paths[0], today: today, width: 200, height: 60)
          _ = Screen.render(s)
        })
      threes.append(
        measure(1) {
          let plans = PlanFile.loadAll(paths).map { try! $0.get().plan }
          let set = PlanSet(plans, today: today)
          let s = AppState(plan: set.combined, fileName: "set", today: today, width: 200, height: 60)
          _ = Screen.render(s)
        })
    }
    let one = median(ones)
    let three = median(threes)
    let plans = paths.map { try! PlanFile.load($0).plan }
    let loadThree = measure(runs) { _ = PlanFile.loadAll(paths) }
    let combine = measure(runs) { _ = PlanSet(plans, today: today) }
    let set = PlanSet(plans, today: today)
    let state = measure(runs) {
      _ = AppState(plan: set.combined, fileName: "set", today: today, width: 200, height: 60)
    }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    print("")
    print("| open and first frame, 200×60 (medians of \(runs) paired rounds) | ms |")
    print("|---|---:|")
    print("| one plan of \(size) activities | \(f(one)) |")
    print("| three such plans (2022–2024) as one | \(f(three)) (\(String(format: "%.2f", three / one))×) |")
    print("| … of which reading the three | \(f(loadThree)) |")
    print("| … making them one (PlanSet) | \(f(combine)) |")
    print("| … the year's index (AppState) | \(f(state)) |")
  }
}
