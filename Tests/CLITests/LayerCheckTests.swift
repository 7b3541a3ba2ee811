import Foundation
import Testing

/// `check --layer` (issue 29, the one-off look): another calendar's events
/// as busy time, read by the importer, and a warning where an activity
/// clashes with one — also when the event is written in another zone.
@Suite struct LayerCheckTests {
  let plan = """
    {"format": "arshjul-plan", "version": 1, "id": "p", "title": "P", "language": "sv", "startMonth": 1,
     "timeZone": "Europe/Stockholm", "year": 2022,
     "themes": [{"id": "t", "name": "Tema", "color": "blue"}],
     "activities": [
       {"id": "kulturting", "title": "Kulturting Sörmland", "theme": "t", "start": "2022-10-20",
        "time": {"start": "09:00", "end": "16:00"}},
       {"id": "kvall", "title": "Kvällsmöte", "theme": "t", "start": "2022-10-20",
        "time": {"start": "18:00", "end": "20:00"}},
       {"id": "forstudie", "title": "Förstudie", "theme": "t", "start": "2022-10-01", "end": "2022-12-20"}
     ],
     "milestones": []}
    """

  /// The council at 07:00–14:00 UTC: 09:00–16:00 in Stockholm in October.
  let region = """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//Region//EN\r
    X-WR-CALNAME:Regionens sammanträden\r
    BEGIN:VEVENT\r
    UID:rf@region\r
    SUMMARY:Regionfullmäktige\r
    DTSTART:20221020T070000Z\r
    DTEND:20221020T140000Z\r
    END:VEVENT\r
    END:VCALENDAR\r

    """

  func files() -> (dir: String, plan: String, layer: String) {
    let dir = temporaryFolder()
    _ = FileManager.default.createFile(atPath: dir + "/plan.json", contents: Data(plan.utf8))
    _ = FileManager.default.createFile(atPath: dir + "/region.ics", contents: Data(region.utf8))
    return (dir, dir + "/plan.json", dir + "/region.ics")
  }

  @Test func aClashWithAnEventInAnotherZoneIsAWarning() {
    let (dir, plan, layer) = files()
    defer { removeFolder(dir) }
    let r = arshjul("check", plan, "--layer", layer)
    #expect(r.status == 0)
    #expect(
      r.stderr.contains(
        "warning: \"Kulturting Sörmland\" 20 okt 2022 krockar med Regionfullmäktige (Regionens sammanträden)"))
    // The evening meeting is after the council; the study runs around it.
    #expect(!r.stderr.contains("Kvällsmöte") && !r.stderr.contains("Förstudie"))
    #expect(arshjul("check", plan, "--layer", layer, "--strict").status == 1)
  }

  @Test func anotherPlanIsALayerToo() {
    let (dir, plan, _) = files()
    defer { removeFolder(dir) }
    let other = dir + "/region.json"
    #expect(arshjul("new", other, "--title", "Regionens plan", "--year", "2022").status == 0)
    #expect(
      arshjul("add", other, "--title", "Länsstyrelsens dag", "--start", "2022-10-20", "--theme", "1").status == 0)
    let r = arshjul("check", plan, "--layer", other)
    #expect(r.stderr.contains("\"Kulturting Sörmland\" 20 okt 2022 krockar med Länsstyrelsens dag (Regionens plan)"))
  }

  @Test func aLayerThatCannotBeReadIsOneLine() {
    let (dir, plan, _) = files()
    defer { removeFolder(dir) }
    let r = arshjul("check", plan, "--layer", dir + "/nosuch.ics")
    #expect(r.status == 1)
    #expect(r.stderrLines.count == 1 && r.stderrLines[0].contains("nosuch.ics: error: cannot read"))
  }
}
