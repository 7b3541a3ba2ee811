import Foundation
import Testing

/// `arshjul layer add|list|remove` (issue 29): layers kept in the plan
/// file, relative to the plan's folder, checked by `check` when busy.
@Suite struct LayerCommandTests {
  let checkTests = LayerCheckTests()

  /// The plan in plans/, the calendar in cal/: the layer is kept as ../cal/region.ics.
  func files() -> (dir: String, plan: String, layer: String) {
    let (dir, plan, layer) = checkTests.files()
    let fm = FileManager.default
    try? fm.createDirectory(atPath: dir + "/plans", withIntermediateDirectories: true)
    try? fm.createDirectory(atPath: dir + "/cal", withIntermediateDirectories: true)
    try? fm.moveItem(atPath: plan, toPath: dir + "/plans/plan.json")
    try? fm.moveItem(atPath: layer, toPath: dir + "/cal/region.ics")
    return (dir, dir + "/plans/plan.json", dir + "/cal/region.ics")
  }

  @Test func aBusyLayerIsKeptRelativeToThePlanAndWarnedOf() throws {
    let (dir, plan, layer) = files()
    defer { removeFolder(dir) }
    let added = arshjul("layer", "add", plan, layer, "--busy")
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout == "Added the layer \"Regionens sammanträden\" (regionens-sammantraden): 1 events, busy\n")
    let text = try String(contentsOfFile: plan, encoding: .utf8)
    #expect(text.contains("\"source\": \"../cal/region.ics\""))
    #expect(text.contains("\"busy\": true"))
    // The plan checks clean as a file, and warns of the clash from its own layer.
    let checked = arshjul("check", plan)
    #expect(checked.status == 0)
    #expect(checked.stderr.contains("\"Kulturting Sörmland\" 20 okt 2022 krockar med Regionfullmäktige"))
    #expect(arshjul("check", plan, "--strict").status == 1)
    let listed = arshjul("layer", "list", plan)
    #expect(
      listed.stdout
        == "regionens-sammantraden\tRegionens sammanträden\tbusy\t../cal/region.ics\t1 events\n")
    // The same file twice is refused; the plan is unchanged.
    let again = arshjul("layer", "add", plan, layer)
    #expect(again.status == 1 && again.stderr.contains("is already the layer \"regionens-sammantraden\""))
    #expect(try String(contentsOfFile: plan, encoding: .utf8) == text)
  }

  @Test func aLayerNotBusyIsShownButNotWarnedOf() {
    let (dir, plan, layer) = files()
    defer { removeFolder(dir) }
    #expect(arshjul("layer", "add", plan, layer, "--name", "Regionen").status == 0)
    let checked = arshjul("check", plan, "--strict")
    #expect(checked.status == 0 && !checked.stderr.contains("krockar"))
    #expect(arshjul("layer", "list", plan).stdout.hasPrefix("regionen\tRegionen\tshown\t"))
  }

  @Test func aLayerWhoseFileIsGoneIsUnavailableNotAnError() throws {
    let (dir, plan, layer) = files()
    defer { removeFolder(dir) }
    #expect(arshjul("layer", "add", plan, layer, "--busy").status == 0)
    try FileManager.default.removeItem(atPath: layer)
    let checked = arshjul("check", plan)
    #expect(checked.status == 0)
    #expect(checked.stderr.contains("note: the layer \"Regionens sammanträden\" is unavailable: cannot read"))
    #expect(arshjul("layer", "list", plan).stdout.contains("\tunavailable: cannot read"))
  }

  @Test func removeTakesTheLayerOutAndNamesTheOthersForATypo() throws {
    let (dir, plan, layer) = files()
    defer { removeFolder(dir) }
    #expect(arshjul("layer", "add", plan, layer).status == 0)
    let typo = arshjul("layer", "remove", plan, "regionen")
    #expect(typo.status == 1)
    #expect(
      typo.stderr == "arshjul layer remove: no layer has the id \"regionen\"; the plan's are regionens-sammantraden\n")
    let removed = arshjul("layer", "remove", plan, "regionens-sammantraden")
    #expect(
      removed.status == 0 && removed.stdout == "Removed the layer \"Regionens sammanträden\" (regionens-sammantraden)\n"
    )
    // No layers left, and nothing else lost.
    #expect(try !String(contentsOfFile: plan, encoding: .utf8).contains("\"layers\""))
    #expect(arshjul("check", plan).stdout.hasSuffix(": ok (3 activities, 0 milestones)\n"))
  }

  @Test func aSourceThatIsNotAFileOrHttpsIsRefused() throws {
    let (dir, plan, _) = files()
    defer { removeFolder(dir) }
    let before = try String(contentsOfFile: plan, encoding: .utf8)
    for bad in ["http://example.org/cal.ics", "webcal://example.org/cal.ics", "ftp://x/y.ics"] {
      let r = arshjul("layer", "add", plan, bad)
      #expect(r.status != 0 && r.stderrLines.count == 1, "\(bad): \(r.stderr)")
    }
    let itself = arshjul("layer", "add", plan, plan)
    #expect(itself.status != 0 && itself.stderr.contains("is the plan itself"))
    let secret = arshjul("layer", "add", plan, "https://anna:S3cret@example.org/cal.ics")
    #expect(secret.status != 0 && !secret.stderr.contains("S3cret"))
    #expect(try String(contentsOfFile: plan, encoding: .utf8) == before)
  }

  @Test func aBrokenLayerInTheFileIsAProblemWithItsPlace() throws {
    let (dir, plan, _) = files()
    defer { removeFolder(dir) }
    var text = try String(contentsOfFile: plan, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"milestones\": []",
      with: """
        "milestones": [], "layers": [{"id": "a", "name": "A", "source": "a.ics"},
         {"id": "a", "name": "B", "source": "b.ics"}, {"id": "c", "name": "C", "source": "http://x/c.ics"}]
        """)
    try text.write(toFile: plan, atomically: true, encoding: .utf8)
    let r = arshjul("check", plan)
    #expect(r.status == 1)
    #expect(r.stderrLines.count == 2, "\(r.stderr)")
    #expect(r.stderr.contains("plan.json:12:2: error: layer id \"a\" is used twice"))
    #expect(r.stderr.contains("error: layer \"c\": \"source\" \"http://x/c.ics\": a feed is read over https only"))
  }

  @Test func agendaAndSummaryTellTheLayersEventsAmongThePlans() {
    let (dir, plan, layer) = files()
    defer { removeFolder(dir) }
    #expect(arshjul("layer", "add", plan, layer).status == 0)
    let agenda = arshjul("agenda", plan, "--layers", "--from", "2022-10-20", "--to", "2022-10-20")
    #expect(
      agenda.stdout.split(separator: "\n").map {
        String($0).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
      } == [
        "v. 39  lö 1 okt–20 dec               Förstudie",
        "v. 42  to 20 okt         09.00–16.00 Kulturting Sörmland",
        "v. 42  to 20 okt         09.00–16.00 ▒ Regionfullmäktige (Regionens sammanträden)",
        "v. 42  to 20 okt         18.00–20.00 Kvällsmöte",
      ], "\(agenda.stdout)")
    // Without --layers the plan's layers stay out; tsv names the layer by id.
    #expect(!arshjul("agenda", plan, "--from", "2022-10-20", "--to", "2022-10-20").stdout.contains("▒"))
    let tsv = arshjul("agenda", plan, "--layers", "--format", "tsv", "--from", "2022-10-20", "--to", "2022-10-20")
    #expect(
      tsv.stdout.contains("2022-10-20\t2022-10-20\t09:00\t16:00\tlayer:regionens-sammantraden\tRegionfullmäktige\n"))
    let summary = arshjul("summary", plan, "--layers", "--from", "2022-10-01", "--to", "2022-10-31")
    #expect(summary.stdout.contains("Regionens sammanträden (lager)\n──────────────────────────────\n  20 okt"))
  }
}
