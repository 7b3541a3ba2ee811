import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// The plan format's limits and forbidden code points (issue 11).
@Suite struct PlanLimitsTests {

  func activity(title: String) -> String {
    #"{"id": "a", "title": "\#(title)", "theme": "t", "start": "2022-05-05", "end": "2022-05-05"}"#
  }

  @Test func aNoncharacterInATitleIsRefusedWithItsPlace() {
    for bad in ["\\uFFFE", "\\uFFFF", "\\uFDD0", "\u{1FFFE}"] {
      let found = problemLines(minimalPlan(activity: activity(title: "Fika " + bad)))
      #expect(found.count == 1)
      #expect(found.first?.hasPrefix("x.json:2:39: error: activity \"a\": \"title\" holds U+") == true, "\(found)")
    }
  }

  @Test func aTitleLongerThanTheLimitIsRefused() {
    let long = String(repeating: "å", count: TextLimits.line + 1)
    #expect(
      problemLines(minimalPlan(activity: activity(title: long))) == [
        "x.json:2:39: error: activity \"a\": \"title\" is 501 characters long; at most 500 are allowed"
      ])
    #expect(problemLines(minimalPlan(activity: activity(title: String(long.dropLast())))) == [])
  }

  @Test func aBrokenThemeIsReportedOnceNotForEachOfItsActivities() {
    let acts = (1...14).map {
      #"{"id": "a\#($0)", "title": "A", "theme": "t", "start": "2022-05-05", "end": "2022-05-05"}"#
    }.joined(separator: ", ")
    let plan = minimalPlan(activity: acts).replacingOccurrences(of: "\"name\": \"Tema\"", with: "\"name\": \"\"")
    let found = problemLines(plan)
    #expect(found == ["x.json:12:15: error: theme \"t\": \"name\" is empty"])
  }

  @Test func aMinifiedPlanGivesTheSamePlacesOnItsOneLine() throws {
    let pretty = minimalPlan(
      activity: activity(title: "Fika") + ", "
        + activity(title: "Fika").replacingOccurrences(of: "2022-05-05\", \"end", with: "2022-05-32\", \"end"))
    let node = try JSONParser.parse(Array(pretty.utf8))
    let minified = JSONWriter.write(node).replacingOccurrences(of: "\n", with: "").replacingOccurrences(
      of: "  ", with: "")
    let found = problemLines(minified)
    #expect(found.count == 2, "\(found)")
    #expect(found.allSatisfy { $0.hasPrefix("x.json:1:") })
    // The column is the character count up to the value on that one line.
    let offset = minified.range(of: "\"2022-05-32\"")!.lowerBound
    let expected = minified.distance(from: minified.startIndex, to: offset) + 1
    #expect(found.contains { $0.hasPrefix("x.json:1:\(expected): error:") }, "\(found)")
  }
}
