import Foundation
import PlanFormats
import PlanModel
import TestSupport
import Testing

@testable import PlanStore

/// Files made while they are written (`Producer`): the pieces land whole
/// and in order, and a piece that cannot be written stops the producer and
/// leaves the old file as it was.
@Suite struct StreamedWriteTests {
  @Test func aProducedFileIsItsPiecesInOrder() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/out.ics"
    try AtomicFile.write(to: path) { put in
      for piece in ["BEGIN", "–mitten–", "END\n"] { _ = Array(piece.utf8).withUnsafeBytes(put) }
    }
    #expect(contents(path) == Array("BEGIN–mitten–END\n".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.ics"])
  }

  @Test func aFailedPieceStopsTheProducerAndKeepsTheOldFile() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/out.ics"
    write("gammal\n", to: path)
    var offered = 0
    var refused = 0
    do {
      try AtomicFile.write(to: path, fault: .write(errno: ENOSPC)) { put in
        for _ in 0..<3 {
          offered += 1
          if !Array("bit".utf8).withUnsafeBytes(put) {
            refused += 1
            return
          }
        }
      }
      Issue.record("a failed write succeeded")
    } catch {
      #expect(error.message.contains("write failed: No space left on device; the file on disk is unchanged"))
    }
    #expect((offered, refused) == (1, 1))
    #expect(contents(path) == Array("gammal\n".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.ics"])
  }

  @Test func anEditOfABigPlanIsWrittenAsTheWholeFileWouldBe() throws {
    let dir = temporaryFolder()
    defer { removeFolder(dir) }
    let path = dir + "/plan.json"
    // Many pieces' worth: the edit is written from the plan a piece at a time.
    let plan = try planWithManyActivities(2000)
    #expect(plan.fileBytes().count > PieceOutput.pieceSize * 4)
    _ = try PlanFile.save(plan, to: path)
    let added = Activity(id: "ny", title: "Höstmöte på Åsa gård", theme: "t", start: Day(iso: "2022-10-03")!)
    try PlanFile.update(path) { (p: inout Plan) throws(PlanEditError) in p.activities.append(added) }
    var expected = plan
    expected.activities.append(added)
    #expect(contents(path) == expected.fileBytes())
    #expect(try PlanFile.load(path).plan.activities.count == 2001)
  }
}
