import Foundation
import PlanFormats
import PlanModel

/// The package root, found from this file, so tests read the real example plan.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
public let examplePlanPath = packageRoot.appendingPathComponent("plans/kulturtillgangar-2022.json").path

public func examplePlan() throws -> Plan { try loadPlan(examplePlanPath) }

/// A plan file read the tests' own way (Foundation), decoded by PlanModel.
public func loadPlan(_ path: String) throws -> Plan {
  try PlanFile.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
}

/// A fresh folder for one test, removed by the caller's `defer`.
public func temporaryFolder() -> String {
  let path = NSTemporaryDirectory() + "arshjul-test-" + UUID().uuidString
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

public func removeFolder(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

public func write(_ text: String, to path: String) {
  _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

public func contents(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

/// The smallest valid plan, with `activity` spliced into its activities.
public func minimalPlan(activity: String = "", extraTop: String = "") -> String {
  """
  {
    "activities": [\(activity)],
    "format": "arshjul-plan",
    "id": "p1",
    "language": "sv",
    "milestones": [],
    "startMonth": 1,
    "themes": [
      {
        "color": "blue",
        "id": "t",
        "name": "Tema"
      }
    ],
    "timeZone": "Europe/Stockholm",
    "title": "Plan",\(extraTop)
    "version": 1
  }

  """
}

/// The `file:line:col: error:` lines of a plan text as `x.json`, none when it is valid.
public func problemLines(_ text: String) -> [String] {
  do {
    _ = try PlanFile.decode(Array(text.utf8), file: "x.json")
    return []
  } catch {
    return error.lines
  }
}
