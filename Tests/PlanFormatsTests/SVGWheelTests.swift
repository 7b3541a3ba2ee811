import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Collects what an XML parser sees, to prove the SVG is well-formed.
final class XMLCheck: NSObject, XMLParserDelegate {
  var elements: [String: Int] = [:]
  var texts: [String] = []
  private var current = ""
  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements[name, default: 0] += 1
    current = ""
  }
  // The parser may hand over one text in pieces: gather them to the element's end.
  func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
    if !t.isEmpty { texts.append(t) }
    current = ""
  }
}

@Suite struct SVGWheelTests {
  func render(_ plan: Plan, _ o: SVGOptions) -> (String, XMLCheck, Bool) {
    let svg = SVGWheel.render(plan, o)
    let parser = XMLParser(data: Data(svg.utf8))
    let check = XMLCheck()
    parser.delegate = check
    let ok = parser.parse()
    return (svg, check, ok)
  }

  @Test func theExamplePlanIsWellFormedAndComplete() throws {
    let plan = try examplePlan()
    let (svg, xml, ok) = render(plan, SVGOptions(year: 2022, paper: .a3, today: Day(iso: "2022-03-28")!))
    #expect(ok)
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("width=\"420mm\" height=\"297mm\" viewBox=\"0 0 420 297\""))
    // Twelve month names, every activity numbered, every milestone lettered.
    for m in ["JANUARI", "FEBRUARI", "MARS", "DECEMBER"] { #expect(xml.texts.contains(m)) }
    #expect(xml.elements["g", default: 0] >= plan.activities.count)
    for i in 1...plan.activities.count { #expect(svg.contains("<g id=\"a\(i)\">")) }
    #expect(xml.texts.contains("◆ H"))
    #expect(xml.texts.contains("idag 28 mars"))
    #expect(!svg.contains("href=\"http"))  // nothing external
    #expect(!svg.contains("<image"))
  }

  @Test func knownDatesSitWhereTheyShould() throws {
    // A one-day activity on 1 January starts exactly at 12 o'clock; one on
    // 2 July (half the year) ends at six.
    var plan = Plan(id: "p", title: "Geometri", themes: [Theme(id: "t", name: "Tema", color: .named("blue"))])
    plan.activities = [
      Activity(id: "nyar", title: "Nyår", theme: "t", start: Day(iso: "2022-01-01")!),
      Activity(id: "halv", title: "Halvår", theme: "t", start: Day(iso: "2022-07-02")!, end: Day(iso: "2022-12-31")!),
    ]
    let (svg, _, ok) = render(plan, SVGOptions(year: 2022, paper: .a3))
    #expect(ok)
    // The wheel's centre on A3 is at (148.5, 148.5); the first ring's outer radius is below the rim.
    let nyar = svg.components(separatedBy: "<g id=\"a1\">")[1]
    let path = nyar.components(separatedBy: "d=\"M")[1].components(separatedBy: " ")
    #expect(path[0] == "148.5")  // x of the start: straight above the centre
    // 2 July, day 182 of 365, begins just short of six o'clock, on the outer edge (r = 114).
    let halv = svg.components(separatedBy: "<g id=\"a2\">")[1].components(separatedBy: "d=\"M")[1]
      .components(separatedBy: " ")
    let angle = 182.0 / 365 * 2 * Double.pi
    #expect(abs(Double(halv[0])! - (148.5 + 114 * sin(angle))) < 0.01)
    #expect(abs(Double(halv[1])! - (148.5 - 114 * cos(angle))) < 0.01)
  }

  @Test func escapedTextAndSmallerPaper() throws {
    var plan = try examplePlan()
    plan.title = "Plan <\"A&B\"> 'x'"
    let (svg, xml, ok) = render(plan, SVGOptions(year: 2022, paper: .a4, themes: ["motesplatser"]))
    #expect(ok)
    #expect(svg.contains("Plan &lt;&quot;A&amp;B&quot;&gt; &#39;x&#39;"))
    #expect(svg.contains("width=\"297mm\" height=\"210mm\""))
    #expect(xml.texts.contains("Mötesplatser") && !xml.texts.contains("Samverkan"))
  }

  @Test func sameInputSameBytes() throws {
    let plan = try examplePlan()
    #expect(SVGWheel.render(plan, SVGOptions(year: 2022)) == SVGWheel.render(plan, SVGOptions(year: 2022)))
  }

  @Test func golden() throws {
    let svg = SVGWheel.render(try examplePlan(), SVGOptions(year: 2022, paper: .a3, today: Day(iso: "2022-03-28")!))
    let golden = String(
      decoding: contents(
        packageRoot.appendingPathComponent("Tests/PlanFormatsTests/Golden/kulturtillgangar-a3.svg").path),
      as: UTF8.self)
    #expect(svg == golden)
  }

  @Test func numbersAreHundredthsWithoutTrailingZeros() {
    let cases: [(Double, String)] = [
      (0, "0"), (-0.001, "0"), (0.004, "0"), (0.006, "0.01"), (-0.05, "-0.05"), (1.5, "1.5"), (12.25, "12.25"),
      (-3.1, "-3.1"), (100.999, "101"), (-100, "-100"), (7.07, "7.07"), (1234.5678, "1234.57"), (-0.999, "-1"),
    ]
    for (v, text) in cases { #expect(SVGWriter.num(v) == text, "\(v)") }
    #expect(
      SVGWriter.escape("Möte <A&B> \"x\" 'y' – å\u{202E}") == "Möte &lt;A&amp;B&gt; &quot;x&quot; &#39;y&#39; – å")
  }
}
