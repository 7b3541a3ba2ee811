import Foundation
import PlanFormats
import PlanModel
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

/// Compares a frame with a reviewed snapshot in Tests/PlanUITests/Snapshots:
/// the text, then (after `--- styles`) every run of styled cells as
/// `row col–col style`, so a lost colour or reverse is a failure too (the way
/// ratatui's tests compare a buffer with its styles). A difference is
/// reported line by line. ARSHJUL_UPDATE_SNAPSHOTS=1 rewrites the file instead.
func expectSnapshot(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let path = packageRoot.appendingPathComponent("Tests/PlanUITests/Snapshots/\(name).txt").path
  let actual = grid.lines + ["--- styles"] + styleRuns(grid)
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
  for line in lineDiff(expected, actual) {
    Issue.record("\(name): \(line)", sourceLocation: sourceLocation)
  }
}

/// The lines only in one of the two, marked - (expected) and + (got), with
/// their line numbers: enough to read a snapshot change in the test log.
func lineDiff(_ expected: [String], _ actual: [String]) -> [String] {
  var out: [String] = []
  for i in 0..<max(expected.count, actual.count) {
    let e = i < expected.count ? expected[i] : nil
    let a = i < actual.count ? actual[i] : nil
    if e == a { continue }
    if let e { out.append("line \(i + 1) - \(e)") }
    if let a { out.append("line \(i + 1) + \(a)") }
  }
  return out
}

/// Runs of cells with the same non-plain style, row by row.
func styleRuns(_ grid: Grid) -> [String] {
  var out: [String] = []
  for y in 0..<grid.height {
    var x = 0
    while x < grid.width {
      let style = grid[x, y].style
      var end = x
      while end + 1 < grid.width && grid[end + 1, y].style == style { end += 1 }
      if style != .plain { out.append("\(y) \(x)-\(end) \(describe(style))") }
      x = end + 1
    }
  }
  return out
}

func describe(_ style: Style) -> String {
  func color(_ c: Color) -> String {
    switch c {
    case .none: ""
    case .ansi(let n): ThemeColor.names[n]
    case .rgb(let r, let g, let b): "#" + [r, g, b].map { hexDigits(UInt32($0), width: 2) }.joined().lowercased()
    case .grey: "grey"
    }
  }
  var parts: [String] = []
  if style.fg != .none { parts.append("fg=" + color(style.fg)) }
  if style.bg != .none { parts.append("bg=" + color(style.bg)) }
  if style.bold { parts.append("bold") }
  if style.dim { parts.append("dim") }
  if style.reverse { parts.append("reverse") }
  if style.underline { parts.append("underline") }
  return parts.joined(separator: " ")
}
