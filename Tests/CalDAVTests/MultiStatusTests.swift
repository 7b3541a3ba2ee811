import Testing

@testable import CalDAV

/// The multistatus answers servers really send differ in prefixes, default
/// namespaces, CDATA and entities; each must read the same.
@Suite struct MultiStatusTests {
  typealias Entry = MultiStatus.Entry

  @Test func radicaleStyleWithPrefixes() {
    let xml = """
      <?xml version='1.0' encoding='utf-8'?>
      <multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><response><href>/anna/pw/</href>\
      <propstat><prop><resourcetype><C:calendar /><collection /></resourcetype><getetag>"abc"</getetag></prop>\
      <status>HTTP/1.1 200 OK</status></propstat></response><response><href>/anna/pw/a%20b.ics</href>\
      <propstat><prop><getetag>"1&amp;2"</getetag><resourcetype /></prop><status>HTTP/1.1 200 OK</status></propstat>\
      </response></multistatus>
      """
    let entries = MultiStatus.parse(Array(xml.utf8))
    #expect(
      entries == [
        Entry(href: "/anna/pw/", etag: "\"abc\"", status: 200, isCollection: true, isCalendar: true),
        Entry(href: "/anna/pw/a b.ics", etag: "\"1&2\"", status: 200),
      ])
  }

  @Test func otherPrefixesCDATAAndCharacterReferences() {
    let xml = """
      <D:multistatus xmlns:D="DAV:"><!-- a comment --><D:response>
        <D:href><![CDATA[/cal/å.ics]]></D:href>
        <D:propstat><D:prop><D:getetag>&#34;x&#x41;&#34;</D:getetag></D:prop>
        <D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
        <D:propstat><D:prop/><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
      </D:response><D:sync-token>http://x/sync/42</D:sync-token></D:multistatus>
      """
    let (entries, token) = MultiStatus.read(Array(xml.utf8))
    #expect(entries == [Entry(href: "/cal/å.ics", etag: "\"xA\"", status: 200)])
    #expect(token == "http://x/sync/42")
  }

  @Test func aPrefixBoundToAnotherNamespaceIsNotDAV() {
    let xml = """
      <d:multistatus xmlns:d="DAV:" xmlns:x="urn:other"><d:response><d:href>/a</d:href>\
      <x:getetag>"no"</x:getetag><d:propstat><d:prop xmlns:d="urn:other"><d:getetag>"no"</d:getetag></d:prop>\
      </d:propstat></d:response></d:multistatus>
      """
    #expect(MultiStatus.parse(Array(xml.utf8)) == [Entry(href: "/a")])
  }

  @Test func aBrokenAnswerKeepsWhatCameBeforeTheFault() {
    let xml = """
      <multistatus xmlns="DAV:"><response><href>/a</href><getetag>"1"</getetag></response>\
      <response><href>/b</href><getetag>"2"</getetag></respons></multistatus>
      """
    #expect(MultiStatus.parse(Array(xml.utf8)) == [Entry(href: "/a", etag: "\"1\"")])
    #expect(XMLReader.read(Array("<a><b></a>".utf8)) { _ in } == false)
    #expect(XMLReader.read(Array("<a x='&bogus;'/>".utf8)) { _ in } == false)
    #expect(XMLReader.read(Array("<a>unclosed".utf8)) { _ in } == false)
    #expect(XMLReader.read(Array("\u{FEFF}<a>&lt;&gt;&apos;</a>".utf8)) { _ in } == true)
  }

  @Test func aMultigetAnswerCarriesEachEventAndWhatIsGone() {
    // As Radicale, Xandikos and SabreDAV answer calendar-multiget: the
    // event escaped in calendar-data (or in CDATA), a 404 for one deleted meanwhile.
    let xml = """
      <d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">\
      <d:response><d:href>/cal/a.ics</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag>\
      <c:calendar-data>BEGIN:VCALENDAR&#13;\nSUMMARY:Fika &amp; prat&#13;\nEND:VCALENDAR&#13;\n</c:calendar-data>\
      </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>\
      <d:response><d:href>/cal/b.ics</d:href><d:propstat><d:prop><d:getetag>"2"</d:getetag>\
      <c:calendar-data><![CDATA[BEGIN:VCALENDAR\nEND:VCALENDAR\n]]></c:calendar-data></d:prop>\
      <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>\
      <d:response><d:href>/cal/gone.ics</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>\
      </d:multistatus>
      """
    let entries = MultiStatus.parse(Array(xml.utf8))
    #expect(entries.count == 3)
    #expect(entries[0].calendarData == "BEGIN:VCALENDAR\r\nSUMMARY:Fika & prat\r\nEND:VCALENDAR\r\n")
    #expect(entries[1].calendarData == "BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    #expect(entries[2].calendarData == nil && entries[2].status == 404)
  }
}
