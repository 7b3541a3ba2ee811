import Testing

@testable import PlanModel

/// One reading of what a planner types, for the command line and the form.
@Suite struct TypedValuesTests {
  @Test(arguments: [
    ("08:30-09:30", "08:30", "09:30"), ("8:30-9:30", "08:30", "09:30"), ("8.30–9.30", "08:30", "09:30"),
    ("0830-0930", "08:30", "09:30"), ("9-10", "09:00", "10:00"), (" 18:00 - 20:15 ", "18:00", "20:15"),
  ])
  func clockSpans(_ raw: String, _ start: String, _ end: String) throws {
    let span = try #require(ClockSpan.typed(raw))
    #expect(span.start.description == start)
    #expect(span.end.description == end)
  }

  @Test(arguments: ["9:30-8:00", "25:00-26:00", "08:30", "8:3-9:00", "ab-cd", "8:30-9:30-10:00", ""])
  func notClockSpans(_ raw: String) {
    #expect(ClockSpan.typed(raw) == nil)
  }

  @Test func dateListsSplitOnCommaOrSemicolon() {
    let today = Day(iso: "2022-03-01")!
    #expect(
      DateInput.list("2022-07-07, 4/8; 1 september", today: today)
        == .success([Day(iso: "2022-07-07")!, Day(iso: "2022-08-04")!, Day(iso: "2022-09-01")!]))
    #expect(DateInput.list("", today: today) == .success([]))
    #expect(DateInput.list("7/7, 31/2", today: today) == .failure(DateInput.BadDate(text: "31/2")))
  }

  @Test func statusWordsInEitherLanguage() {
    #expect(Status.typed("klar") == .done)
    #expect(Status.typed("Cancelled") == .cancelled)
    #expect(Status.typed("inställd") == .cancelled)
    #expect(Status.typed("pågår") == .ongoing)
    #expect(Status.typed("maybe") == nil)
    for s in Status.allCases { #expect(Status.typed(s.word(.sv)) == s && Status.typed(s.word(.en)) == s) }
  }
}
