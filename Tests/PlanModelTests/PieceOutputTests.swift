import Foundation
import TestSupport
import Testing

@testable import PlanFormats
@testable import PlanModel

/// Big outputs are handed on in pieces as they are made (`PieceOutput`):
/// the pieces make the same bytes as the whole, none is held much past a
/// piece's size, and a refused piece stops the output.
@Suite struct PieceOutputTests {
  /// The pieces `write` hands on, and the whole kept the other way.
  func pieces(_ write: (PieceOutput) -> Void) -> [[UInt8]] {
    var pieces: [[UInt8]] = []
    let out = PieceOutput {
      pieces.append(Array($0))
      return true
    }
    write(out)
    return pieces
  }

  @Test func piecesMakeTheWholeAndStaySmall() {
    let lines = (0..<20_000).map { "rad \($0) – åäö\n" }
    let kept = PieceOutput.kept { out in lines.forEach(out.append) }
    let handed = pieces { out in
      lines.forEach(out.append)
      out.finish()
    }
    #expect(handed.count > 3)
    #expect(Array(handed.joined()) == kept.bytes)
    #expect(handed.allSatisfy { $0.count < PieceOutput.pieceSize + 64 })
  }

  @Test func aRefusedPieceStopsTheOutput() {
    var calls = 0
    let out = PieceOutput { _ in
      calls += 1
      return false
    }
    for i in 0..<50_000 { out.append("rad \(i)\n") }
    out.append(bytes: Array(repeating: 0x41, count: PieceOutput.pieceSize * 2))
    out.finish()
    #expect(calls == 1)
    #expect(out.stopped)
  }

  @Test func aBigCalendarStreamedIsTheCalendarMadeWhole() throws {
    // More events than one batch, and each batch made in parts.
    let plan = try planWithManyActivities(ICalendar.batch * 2 + 500)
    let options = ICalendarOptions(stamp: 0)
    let whole = ICalendar.exportBytes(plan, options: options)
    let handed = pieces { ICalendar.write(plan, options: options, into: $0) }
    #expect(handed.count >= 4)  // the head, a part or more a batch, the tail
    #expect(Array(handed.joined()) == whole)
    // The events in the export's order (date, then id) across the batches.
    let text = String(decoding: whole, as: UTF8.self)
    let events = text[text.range(of: "BEGIN:VEVENT")!.lowerBound...]
    let starts = events.split(separator: "\r\n").filter { $0.hasPrefix("DTSTART") }.map {
      $0.split(separator: ":")[1].prefix(8)
    }
    #expect(starts.count == plan.activities.count)
    #expect(starts == starts.sorted())
  }

  @Test func wheelPageAndSummaryStreamedAreTheWholeOnes() throws {
    let plan = try planWithManyActivities(3000)
    let svg = SVGOptions(year: 2022)
    #expect(
      String(decoding: Array(pieces { SVGWheel.write(plan, svg, into: $0) }.joined()), as: UTF8.self)
        == SVGWheel.render(plan, svg))
    let html = HTMLOptions(year: 2022)
    #expect(
      String(decoding: Array(pieces { HTMLPage.write(plan, html, into: $0) }.joined()), as: UTF8.self)
        == HTMLPage.render(plan, html))
    let summary = SummaryOptions(range: plan.yearRange(2022), language: .sv, today: Day(iso: "2022-03-28")!)
    #expect(
      String(decoding: Array(pieces { Summary.write(plan, summary, into: $0) }.joined()), as: UTF8.self)
        == Summary.render(plan, summary))
    #expect(Array(pieces { plan.writeFile(into: $0) }.joined()) == plan.fileBytes())
  }
}
