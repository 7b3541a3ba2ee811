import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

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
    out.append("milestones \(html.components(separatedBy: "class=\"mark").count - 1)")
    return out
  }

  @Test func theOutlineOfTheExamplePlan() throws {
    let lines = outline(page(try examplePlan()))
    let path = packageRoot.appendingPathComponent("Tests/PlanFormatsTests/Golden/html-outline.txt").path
    if ProcessInfo.processInfo.environment["ARSHJUL_UPDATE_SNAPSHOTS"] == "1" {
      try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines == expected)
  }

  @Test func everyArcIsAKeyboardLinkNamedByItsAgendaRow() throws {
    let html = page(try examplePlan())
    let arcs = html.components(separatedBy: "<path class=\"arc").dropFirst()
    #expect(arcs.count == 28)
    for arc in arcs {
      // The script makes it a link to and named by its row (w-ID).
      let id = try #require(arc.firstMatch(of: /data-w="([^"]+)"/)?.1)
      // The row it names is there once, with the number the arc shows.
      #expect(html.components(separatedBy: "id=\"w-\(id)\"").count == 2, "\(id)")
    }
    // An image may hold nothing focusable: the wheel is a group, and so is each ring's drawing.
    #expect(
      html.contains(
        "<div class=\"wheel-box\" role=\"group\" aria-label=\"Sörmländska kulturtillgångar 2022 – 1 januari–31 december 2022\""
      ))
    #expect(html.components(separatedBy: "<svg viewBox=\"0 0 800 800\" class=\"ring ").count - 1 == 3)
    #expect(html.components(separatedBy: "\" role=\"group\" aria-label=\"").count - 1 == 1 + 3 + 1)
  }

  @Test func eachMonthsRowsAreTheTableWithoutTheScriptAndTextWithIt() throws {
    // <noscript> is the table itself when scripts do not run, and one
    // string the script makes rows of when they do: every month's table is
    // inside one, whole, and nothing in a title can end it early.
    var plan = try examplePlan()
    plan.activities[0].title = "</noscript><b>x</b>"
    let html = page(plan)
    let agenda = String(html[html.range(of: "<section class=\"agenda\"")!.lowerBound...])
    let months = agenda.components(separatedBy: "<div class=\"month\">").dropFirst()
    #expect(months.count == 11)  // a month without activities has none
    for month in months {
      let lines = month.split(separator: "\n").map(String.init)
      #expect(lines[1] == "<noscript>" && lines[2].hasPrefix("<table><thead>") && lines[3].hasPrefix("<tr "))
      let end = try #require(lines.firstIndex(of: "</noscript>"))
      #expect(lines[end - 1] == "</tbody></table>" && lines[end + 1] == "</div>")
      #expect(lines[3..<(end - 1)].allSatisfy { $0.hasPrefix("<tr ") })
      #expect(month.components(separatedBy: "</noscript").count == 2)
    }
    #expect(html.contains("&lt;/noscript&gt;&lt;b&gt;x&lt;/b&gt;"))
  }

  @Test func thePageSaysTheArcsTextOnce() throws {
    // The words of an activity stand in its agenda rows: no label, tooltip
    // or title element repeats them for a screen reader in the wheel (a
    // title drawn along an arc where it fits is aria-hidden), and the rule
    // is said once.
    let html = page(try examplePlan())
    let svg = String(
      html[html.range(of: "<div class=\"wheel-box\"")!.lowerBound..<html.range(of: "<p id=\"tip\"")!.upperBound])
    #expect(!svg.contains("data-tip") && !svg.contains("<title>Digital"))
    for arc in svg.components(separatedBy: "<path class=\"arc").dropFirst() {
      #expect(!arc.prefix { $0 != ">" }.contains("aria-label="))
    }
    let drawn = svg.components(separatedBy: "<textPath").count - 1
    #expect(drawn > 0 && svg.components(separatedBy: "aria-hidden=\"true\"><textPath").count - 1 == drawn)
    #expect(html.components(separatedBy: "andra tisdagen varje månad").count == 2)
  }

  @Test(arguments: ThemeColor.names + ["#ffff00", "#000000", "#ffffff", "#777777", "#f4f1ea", "#161616"])
  func everyThemeColourMakesArcsThatStandOutFromTheirRing(_ color: String) throws {
    let theme = Theme(id: "t", name: "T", color: try #require(ThemeColor(color))).hexColor
    for mode in [HTMLPalette.light, HTMLPalette.dark] {
      let arc = HTMLPalette.arc(theme, mode)
      for month in [mode.m0, mode.m1] {
        let ring = HTMLPalette.over(theme, opacity: HTMLPalette.bandOpacity, month)
        #expect(HTMLPalette.contrast(arc, ring) >= 3, "\(color) \(mode.bg)")
      }
      #expect(HTMLPalette.contrast(HTMLPalette.text(on: arc), arc) >= 4.5)
    }
  }

  @Test func planTextIsEscapedEverywhere() throws {
    var plan = try examplePlan()
    plan.title = "</title><script>alert(1)</script>"
    plan.activities[0].title = "\" onmouseover=\"x"
    let html = page(plan)
    #expect(!html.contains("<script>alert"))
    #expect(!html.contains("\" onmouseover=\"x"))
    #expect(html.contains("&lt;/title&gt;&lt;script&gt;"))
    #expect(html.components(separatedBy: "<script>").count == 3)  // ours only: the early line and the script
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
