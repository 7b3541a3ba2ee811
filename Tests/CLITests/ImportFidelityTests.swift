import Foundation
import Testing

/// What other programs' calendars hold that arshjul's own do not (issue 26):
/// one broken event never takes the file with it, nothing is lost without a
/// word, and no value crashes the process.
@Suite struct ImportFidelityTests {
  func calendar(_ events: String...) -> String {
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
      + events.map { "BEGIN:VEVENT\r\n" + $0.replacingOccurrences(of: "\n", with: "\r\n") + "\r\nEND:VEVENT\r\n" }
      .joined() + "END:VCALENDAR\r\n"
  }

  let good = "UID:ok@x\nSUMMARY:Bra\nDTSTART;VALUE=DATE:20220301"

  func plan(_ dir: String) -> String {
    let path = dir + "/p.json"
    #expect(arshjul("new", path, "--title", "T", "--year", "2022").status == 0)
    return path
  }

  func write(_ text: String, _ path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  }

  @Test(arguments: [
    "UID:bad@x\nSUMMARY:Enorm\nDTSTART:20220301T100000Z\nDURATION:P999999999999999999W",
    "UID:bad@x\nSUMMARY:Forntid\nDTSTART;VALUE=DATE:09991231",
    "UID:bad@x\nSUMMARY:Trettonde månaden\nDTSTART;VALUE=DATE:20221301",
    "UID:bad@x\nSUMMARY:Ingen start",
    "UID:bad@x\nSUMMARY:Tecken NONCHARACTER\nDTSTART;VALUE=DATE:20220302",
  ])
  func aBrokenEventIsListedAndTheRestComesIn(_ bad: String) throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = plan(dir)
    // U+FDD0, which a Swift literal may not hold.
    let bad = bad.replacingOccurrences(of: "NONCHARACTER", with: String(Character(Unicode.Scalar(0xFDD0)!)))
    write(calendar(good, bad), dir + "/in.ics")
    let r = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("1 new, 0 changed, 0 unchanged, 1 skipped"), "\(r.stdout)")
    #expect(r.stdout.contains("  skipped: ") && r.stdout.contains("in.ics:"), "\(r.stdout)")
    #expect(String(decoding: contents(p), as: UTF8.self).contains("\"title\": \"Bra\""))
    // --strict: any skip imports nothing.
    let before = contents(p)
    write(calendar(good.replacingOccurrences(of: "ok@x", with: "ok2@x"), bad), dir + "/in2.ics")
    let strict = arshjul("import", p, dir + "/in2.ics", "--theme", "1", "--strict")
    #expect(strict.status == 1 && contents(p) == before, "\(strict.stderr)")
  }

  @Test func aFileNoneOfWhoseEventsCanComeInIsAnError() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = plan(dir)
    let before = contents(p)
    write(calendar("UID:bad@x\nSUMMARY:X\nDTSTART:20220301T100000Z\nDURATION:P999999999999999999W"), dir + "/in.ics")
    let r = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(r.status == 1 && r.stderr.contains("in.ics:") && contents(p) == before, "\(r.stderr)")
  }

  @Test func anOverrideWithoutItsSeriesIsAnEventOfItsOwnDate() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = plan(dir)
    write(
      calendar(
        "UID:serie@x\nRECURRENCE-ID;VALUE=DATE:20220308\nSUMMARY:Flyttat tillfälle\nDTSTART;VALUE=DATE:20220310"),
      dir + "/in.ics")
    let r = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(r.status == 0 && r.stdout.hasPrefix("1 new"), "\(r.stdout) \(r.stderr)")
    #expect(r.stdout.contains("changes one occurrence"))
    #expect(String(decoding: contents(p), as: UTF8.self).contains("\"start\": \"2022-03-10\""))
    let again = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(again.stdout.hasPrefix("0 new, 0 changed, 1 unchanged"), "\(again.stdout)")
  }

  @Test func twoEventsWithOneUIDAreTwoItems() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = plan(dir)
    write(
      calendar(
        "UID:same@x\nSUMMARY:Första\nDTSTART;VALUE=DATE:20220301",
        "UID:same@x\nSUMMARY:Andra\nDTSTART;VALUE=DATE:20220401"),
      dir + "/in.ics")
    let r = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(r.status == 0 && r.stdout.hasPrefix("2 new, 0 changed"), "\(r.stdout) \(r.stderr)")
    #expect(r.stdout.contains("a second event with the UID"))
    let again = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(again.stdout.hasPrefix("0 new, 0 changed, 2 unchanged"), "\(again.stdout)")
  }

  @Test func anUnknownThemeIsSaidToBeUnknown() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = plan(dir)
    write(calendar(good), dir + "/in.ics")
    let r = arshjul("import", p, dir + "/in.ics", "--theme", "nosuch")
    #expect(r.status == 1 && r.stderr.contains("--theme \"nosuch\" is not a theme of the plan"), "\(r.stderr)")
  }

  @Test func aLineFoldedInsideAUTF8CharacterIsJoinedFirst() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = plan(dir)
    // "å" is C3 A5: the fold (CRLF and a space) falls between its two octets.
    var bytes = Array(calendar("UID:fold@x\nSUMMARY:Höstmöte på Ås\nDTSTART;VALUE=DATE:20220301").utf8)
    let at = bytes.firstIndex(of: 0xA5)!
    bytes.insert(contentsOf: [0x0D, 0x0A, 0x20], at: at)
    _ = FileManager.default.createFile(atPath: dir + "/in.ics", contents: Data(bytes))
    let r = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(r.status == 0 && r.stdout.contains("new: Höstmöte på Ås"), "\(r.stdout) \(r.stderr)")
  }

  @Test func lineSeparatorsInAValueSurviveExportAndImport() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = copyExample(to: dir)
    // U+2028 and U+2029 are characters of a note, not line breaks (U+0085
    // is a control character, which a plan does not hold at all).
    let odd = "ett\u{2028}två\u{2029}tre"
    let text = String(decoding: contents(p), as: UTF8.self).replacingOccurrences(
      of: "\"notes\": \"Inställd; ersätts av kulturkvällen i Katrineholm.\"",
      with:
        "\"notes\": \"\(odd.unicodeScalars.map { $0.value > 127 ? String(format: "\\u%04x", $0.value) : String($0) }.joined())\""
    )
    try Data(text.utf8).write(to: URL(fileURLWithPath: p))
    #expect(arshjul("check", p).status == 0)
    #expect(arshjul("export", "ics", p, "-o", dir + "/own.ics").status == 0)
    let r = arshjul("import", p, dir + "/own.ics")
    #expect(r.status == 0 && r.stdout.hasPrefix("0 new, 0 changed"), "\(r.stdout) \(r.stderr)")
    #expect(try loadPlan(p).activities.first { $0.id == "sommartraff-trosa" }?.notes == odd)
  }

  @Test func bareEventsAreReadAsIfWrapped() {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = plan(dir)
    write("BEGIN:VEVENT\r\nUID:bare@x\r\nSUMMARY:Lös\r\nDTSTART;VALUE=DATE:20220301\r\nEND:VEVENT\r\n", dir + "/in.ics")
    let r = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(
      r.status == 0 && r.stdout.hasPrefix("1 new") && r.stdout.contains("no BEGIN:VCALENDAR"), "\(r.stdout) \(r.stderr)"
    )
  }

  @Test(arguments: [
    (
      "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:t@x\r\nSUMMARY:Att göra\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
      "only tasks (VTODO)"
    ),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\n", "vCard"),
  ])
  func filesThatAreNotCalendarsOfEventsAreNamed(_ text: String, _ said: String) {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let p = plan(dir)
    write(text, dir + "/in.ics")
    let r = arshjul("import", p, dir + "/in.ics", "--theme", "1")
    #expect(r.status == 1 && r.stderrLines.count == 1 && r.stderr.contains(said), "\(r.stderr)")
  }
}
