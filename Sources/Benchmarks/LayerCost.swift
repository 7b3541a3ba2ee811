import PlanFormats
import PlanModel
import PlanUI

/// What a layer of 5,000 events costs the example plan in the terminal UI
/// (issue 29's target: at most 20 ms more for the first frame, nothing more
/// for a keystroke): the same plan and screen without a layer, with one of
/// 50 events and with one of 5,000. What the layer's size adds is the
/// difference between the last two: drawing one more ring costs the same
/// whatever it holds.
enum LayerCost {
  static func report(examplePath: String, today: Day, runs: Int) {
    guard let plan = try? PlanFile.load(examplePath).plan else {
      print("layer cost: cannot read \(examplePath)")
      return
    }
    let events = SyntheticPlan.make(5000).activities
    let big = LayerEvents(id: "region", name: "Regionen", busy: true, events: events)
    let small = LayerEvents(id: "region", name: "Regionen", busy: true, events: Array(events.prefix(50)))
    func opened(_ layer: LayerEvents?) -> AppState {
      var s = AppState(plan: plan, fileName: examplePath, today: today, width: 200, height: 60)
      if let layer { _ = update(&s, .layersRead([layer])) }
      return s
    }
    var rows: [(String, [Double])] = []
    let variants: [LayerEvents?] = [nil, small, big]
    rows.append(
      (
        "first frame: state, layers in, frame (ms)",
        variants.map { l in measure(runs * 3) { _ = Screen.render(opened(l)) } }
      ))
    for (view, key) in [("gantt", Key.char("g")), ("wheel", Key.char("w")), ("list", Key.char("l"))] {
      var cost: [Double] = []
      for layer in variants {
        var s = opened(layer)
        _ = update(&s, .key(key))
        var k = 0
        let keys: [Key] = [.right, .down, .left, .up]
        cost.append(
          measure(runs * 5) {
            _ = update(&s, .key(keys[k % 4]))
            _ = Screen.render(s)
            k += 1
          })
      }
      rows.append(("keystroke + frame, \(view) (ms)", cost))
    }
    print("")
    print(
      "| the example plan, 200×60 | no layer | a layer of 50 events | of 5,000 | 5,000 vs none | 5,000 vs 50 |")
    print("|---|---:|---:|---:|---:|---:|")
    func f(_ v: Double) -> String { String(format: "%.2f", v) }
    for (name, c) in rows {
      print(
        "| \(name) | \(f(c[0])) | \(f(c[1])) | \(f(c[2])) | \(String(format: "%+.2f", c[2] - c[0])) | \(String(format: "%+.2f", c[2] - c[1])) |"
      )
    }
  }
}
