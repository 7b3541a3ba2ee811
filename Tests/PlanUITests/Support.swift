import Foundation
import PlanKit
import TestSupport
import Testing

@testable import PlanUI

func theExamplePlan() -> Plan { try! examplePlan() }

/// The example plan on screen, on the day the seed page was last updated.
func exampleState(width: Int = 80, height: Int = 24, today: String = "2022-03-28") -> AppState {
  AppState(
    plan: theExamplePlan(), fileName: "kulturtillgangar-2022.json", today: Day(iso: today)!, width: width,
    height: height)
}

func press(_ s: inout AppState, _ keys: Key...) {
  for k in keys { _ = update(&s, .key(k)) }
}

func type(_ s: inout AppState, _ text: String) {
  for c in text { _ = update(&s, .key(.char(c))) }
}

/// Compares a frame with a reviewed snapshot in Tests/PlanUITests/Snapshots,
/// line by line. ARSHJUL_UPDATE_SNAPSHOTS=1 rewrites the file instead.
func expectSnapshot(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let path = packageRoot.appendingPathComponent("Tests/PlanUITests/Snapshots/\(name).txt").path
  let actual = grid.lines
  if ProcessInfo.processInfo.environment["ARSHJUL_UPDATE_SNAPSHOTS"] == "1" {
    try! (actual.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return
  }
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(name); run with ARSHJUL_UPDATE_SNAPSHOTS=1 and review it", sourceLocation: sourceLocation)
    return
  }
  let expected = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  #expect(actual.count == expected.count, sourceLocation: sourceLocation)
  for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
    Issue.record("\(name) line \(i):\n  got:      \(a)\n  expected: \(e)", sourceLocation: sourceLocation)
  }
}
