import Foundation
import PlanModel
import TestSupport
import Testing

@testable import PlanStore

/// A feed's copy in the cache (issue 29): under XDG_CACHE_HOME (else
/// ~/.cache), for its owner only, what the next conditional GET sends kept
/// beside it, and a link planted in its place replaced, never written through.
@Suite struct FeedCacheTests {
  let url = "https://region.example.se/kalender/sammantraden.ics"

  @Test func theFolderIsWhereXDGSays() {
    #expect(FeedCache.folder(environment: ["XDG_CACHE_HOME": "/x/c", "HOME": "/h"]) == "/x/c/arshjul/feeds")
    #expect(FeedCache.folder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/arshjul/feeds")
    #expect(FeedCache.folder(environment: [:]) == nil)
  }

  @Test func aCopyAndItsStateComeBackAsKept() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let folder = dir + "/cache/arshjul/feeds"
    #expect(FeedCache.read(url, in: folder).body == nil)
    let entry = FeedCache.Entry(etag: "\"v1\"", lastModified: "Tue, 01 Nov 2022 10:00:00 GMT", fetched: 1_700_000_000)
    try FeedCache.write(url, entry: entry, body: Array("BEGIN:VCALENDAR\r\n".utf8), in: folder)
    let back = FeedCache.read(url, in: folder)
    #expect(back.entry == entry && back.body == Array("BEGIN:VCALENDAR\r\n".utf8))
    // A failure later keeps the copy and says since when.
    var failed = entry
    failed.failedSince = 1_700_000_600
    failed.failure = "cannot reach region.example.se;\nsecond line"
    try FeedCache.write(url, entry: failed, body: nil, in: folder)
    let after = FeedCache.read(url, in: folder)
    #expect(after.body == back.body && after.entry.failedSince == 1_700_000_600)
    #expect(after.entry.failure == "cannot reach region.example.se; second line")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
    for f in files {
      let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + f)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(f)")
    }
  }

  @Test func aLinkPlantedWhereTheCopyGoesIsReplacedNotFollowed() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let folder = dir + "/feeds"
    try FeedCache.write(url, entry: .init(), body: [1], in: folder)
    let copy = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".ics") })
    let victim = dir + "/victim.txt"
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
    try FileManager.default.removeItem(atPath: folder + "/" + copy)
    try FileManager.default.createSymbolicLink(atPath: folder + "/" + copy, withDestinationPath: victim)
    try FeedCache.write(url, entry: .init(), body: Array("new".utf8), in: folder)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
    #expect(FeedCache.read(url, in: folder).body == Array("new".utf8))
  }

  @Test func plainHttpIsAFeedOnlyOnThisMachine() {
    #expect(PlanLayer.sourceProblem("http://127.0.0.1:8080/feed.ics") == nil)
    #expect(PlanLayer.sourceProblem("http://localhost/feed.ics") == nil)
    #expect(PlanLayer.sourceProblem("http://[::1]:9/x.ics") == nil)
    #expect(PlanLayer.sourceProblem("http://region.example.se/feed.ics") != nil)
    #expect(PlanLayer.sourceProblem("http://127.0.0.1.evil.example/feed.ics") != nil)
    #expect(PlanLayer.sourceProblem("https://anna:pw@region.example.se/x.ics") != nil)
    #expect(PlanLayer.sourceProblem("../kalendrar/region.ics") == nil)
  }
}
