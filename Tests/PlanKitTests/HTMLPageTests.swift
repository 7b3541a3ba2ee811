import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// The web page's structure (issue 18); the browser checks are Tests/e2e/html.sh.
@Suite struct HTMLPageTests {
  func page(_ plan: Plan, _ options: HTMLOptions? = nil) -> String {
    HTMLPage.render(plan, options ?? HTMLOptions(year: 2022))
  }

  /// The page's outline: landmarks, headings and how many of each kind of element.
  func outline(_ html: String) -> [String] {
    var out: [String] = []
    for line in html.split(separator: "\n") {
      let t = line.trimmingCharacters(in: .whitespaces)
      for tag in ["<html", "<header", "<main", "<section", "<h1", "<h2", "<h3", "<table", "<svg", "<footer", "<script"]
      where t.hasPrefix(tag) {
        let text = t.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        out.append(tag.dropFirst() + (text.isEmpty ? "" : " " + text.prefix(40)))
      }
    }
    out.append("arcs \(html.components(separatedBy: "class=\"arc").count - 1)")
    out.append("milestones \(html.components(separatedBy: "class=\"mark\"").count - 1)")
    return out
  }

  @Test func theOutlineOfTheExamplePlan() throws {
    let lines = outline(page(try examplePlan()))
    let path = packageRoot.appendingPathComponent("Tests/PlanKitTests/Golden/html-outline.txt").path
    if ProcessInfo.processInfo.environment["ARSHJUL_UPDATE_SNAPSHOTS"] == "1" {
      try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines == expected)
  }

  @Test func everyArcIsAKeyboardLinkWithALabel() throws {
    let html = page(try examplePlan())
    let arcs = html.components(separatedBy: "<a class=\"arc").dropFirst()
    #expect(arcs.count == 28)
    #expect(arcs.allSatisfy { $0.contains("aria-label=\"") && $0.contains("href=\"#item-") })
  }

  @Test func planTextIsEscapedEverywhere() throws {
    var plan = try examplePlan()
    plan.title = "</title><script>alert(1)</script>"
    plan.activities[0].title = "\" onmouseover=\"x"
    let html = page(plan)
    #expect(!html.contains("<script>alert"))
    #expect(!html.contains("\" onmouseover=\"x"))
    #expect(html.contains("&lt;/title&gt;&lt;script&gt;"))
    #expect(html.components(separatedBy: "<script>").count == 2)  // ours only
  }

  @Test func theSamePlanGivesTheSameBytes() throws {
    let plan = try examplePlan()
    #expect(page(plan) == page(plan))
  }

  @Test func onlyWebAddressesAreLinked() {
    #expect(HTMLOptions.isLinkable("https://example.org/a.ics"))
    #expect(HTMLOptions.isLinkable("webcal://example.org/a.ics"))
    #expect(!HTMLOptions.isLinkable("javascript:alert(1)"))
    #expect(!HTMLOptions.isLinkable("https://x\" onclick=\"y"))
  }
}
