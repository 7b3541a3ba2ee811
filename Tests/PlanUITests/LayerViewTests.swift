import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

/// Layers in the terminal UI (issue 29): they arrive from the edge as a
/// message, show as a ring round the wheel, lanes under the Gantt chart and
/// lines in the panel and the status line, and `v` hides and shows them.
@Suite struct LayerViewTests {
  static let council = Activity(
    id: "rf", title: "Regionfullmäktige", theme: "", start: Day(iso: "2022-10-20")!,
    time: ClockSpan(start: TimeOfDay("09:00")!, end: TimeOfDay("16:00")!))
  static let hostlov = Activity(
    id: "hl", title: "Höstlov", theme: "", start: Day(iso: "2022-10-31")!, end: Day(iso: "2022-11-04")!)
  let layers = [
    LayerEvents(id: "region", name: "Regionens sammanträden", busy: true, events: [council]),
    LayerEvents(id: "lov", name: "Skollov Eskilstuna", busy: false, events: [hostlov]),
  ]

  func state(today: String = "2022-10-31") -> AppState {
    var s = exampleState(width: 120, height: 35, today: today)
    _ = update(&s, .layersRead(layers))
    return s
  }

  @Test func theGanttChartHasALaneForEachLayerUnderTheThemes() {
    let s = state()
    let lines = Screen.render(s).lines
    let rule = lines.firstIndex { $0.hasPrefix("─ Lager ─") }
    #expect(rule == 30, "\(lines)")
    #expect(lines[31].hasPrefix("▒ Regionens sammanträden") && lines[31].contains("▒"))
    #expect(lines[32].hasPrefix("▒ Skollov Eskilstuna"))
  }

  @Test func theWheelHasARingPerLayerTheLegendNamesItAndThePanelTellsTheWeek() {
    var s = state()
    press(&s, .char("w"))
    let text = Screen.render(s).lines.joined(separator: "\n")
    #expect(text.contains("▒▒ Regionens sammanträden") && text.contains("▒▒ Skollov Eskilstuna"))
    #expect(text.contains("31 okt–4 nov Höstlov (Skollov Eskilstuna)"))
    // Hidden with v, and said so; shown again.
    press(&s, .char("v"))
    let hidden = Screen.render(s).lines.joined(separator: "\n")
    #expect(!hidden.contains("Skollov") && hidden.contains("Lagren dolda (v visar dem)"))
    press(&s, .char("v"))
    #expect(Screen.render(s).lines.joined(separator: "\n").contains("▒▒ Skollov Eskilstuna"))
  }

  @Test func anActivityOnABusyLayersEventIsWarnedOfInTheStatusLine() throws {
    var s = state(today: "2022-10-20")
    let kulturting = try #require(s.plan.activities.first { $0.id == "kulturting" })
    s.focusID = kulturting.id
    normalize(&s)
    let status = Screen.render(s).lines[33]
    #expect(
      status.contains("⚠ krockar med Regionfullmäktige (Regionens sammanträden) · Kulturting Sörmland"), "\(status)")
    // A layer that is not busy is shown, not warned of.
    s.layers[0].busy = false
    #expect(!Screen.render(s).lines[33].contains("krockar"))
  }

  @Test func theDaysLayerEventsAreNamedWhenNoItemIsSelected() {
    var s = state(today: "2022-11-02")
    s.focusID = nil
    let status = Screen.describeFocus(s)
    #expect(status.contains("Höstlov (Skollov Eskilstuna)"), "\(status)")
  }

  @Test func aLayerThatCannotBeReadIsSaidOnceAndMarked() {
    var s = exampleState(width: 120, height: 35)
    _ = update(
      &s,
      .layersRead([LayerEvents(id: "x", name: "Regionen", busy: true, events: [], unavailable: "cannot read x.ics")]))
    #expect(s.notice == "Lagret \"Regionen\" går inte att läsa: cannot read x.ics")
    #expect(Screen.render(s).lines.contains { $0.hasPrefix("▒ Regionen ⚠") })
  }

  @Test func withoutLayersVSaysHowToAddOne() {
    var s = exampleState(width: 120, height: 35)
    press(&s, .char("v"))
    #expect(s.notice?.contains("arshjul layer add") == true)
    #expect(!Screen.render(s).lines.contains { $0.contains("─ Lager ─") })
  }

  @Test func theListHasTheLayersEventsAmongThePlansMarkedAndReadOnly() throws {
    var s = state()
    s.layers[1].source = "../kalendrar/lov.ics"
    press(&s, .char("l"))
    let rows = ListLayout.of(s).items
    let hostlov = try #require(rows.firstIndex { if case .layer(1, 0, _, _) = $0 { true } else { false } })
    // In date order among the plan's rows.
    #expect(rows[hostlov].start == Day(iso: "2022-10-31")!)
    #expect(rows[..<hostlov].allSatisfy { $0.start <= rows[hostlov].start })
    #expect(rows[(hostlov + 1)...].allSatisfy { $0.start >= rows[hostlov].start })
    // Walked to with the arrows, told in the status line.
    while ListLayout.of(s).selectedRow(s).map({ $0 < hostlov }) ?? false { press(&s, .down) }
    while ListLayout.of(s).selectedRow(s).map({ $0 > hostlov }) ?? false { press(&s, .up) }
    let lines = Screen.render(s).lines
    #expect(lines.contains { $0.contains("Skollov Eskilstuna") && $0.contains("▒ Höstlov") && $0.contains(" lager") })
    #expect(
      lines[33].contains("▒ Höstlov · 31 okt–4 nov 2022 · v. 44 · lager Skollov Eskilstuna (../kalendrar/lov.ics)"))
    // Editing keys say where it belongs and change nothing.
    let before = s.plan
    for key in [Key.enter, .char("d"), .char(">")] {
      #expect(update(&s, .key(key)).isEmpty)
      #expect(
        s.notice
          == "\"Höstlov\" hör till lagret Skollov Eskilstuna (../kalendrar/lov.ics) och ändras där, inte i planen")
      #expect(s.plan == before && s.overlay == .none && s.form == nil)
    }
    // The search finds layer events too; v takes them out of the list.
    press(&s, .char("/"))
    type(&s, "höstlov")
    press(&s, .enter)
    #expect(ListLayout.of(s).items.count == 1)
    press(&s, .escape, .char("v"))
    #expect(!ListLayout.of(s).items.contains { if case .layer = $0 { true } else { false } })
  }

  @Test func movingAnActivityOntoABusyLayersEventSaysSoAtOnce() throws {
    var s = state(today: "2022-10-20")
    s.focusID = "kulturting"
    normalize(&s)
    press(&s, .char(">"))
    #expect(s.notice == "Flyttad +1 dag")
    press(&s, .char("<"))
    #expect(s.notice == "Flyttad -1 dag · ⚠ krockar med Regionfullmäktige (Regionens sammanträden)")
  }

  @Test func aFeedsCopyShowsItsAgeAndSinceWhenItFails() {
    var s = exampleState(width: 120, height: 35)
    // 6 dec 2026 09:02 UTC is 10.02 in Stockholm.
    var feed = LayerEvents(id: "f", name: "Regionen", busy: false, events: [Self.council])
    feed.fetched = 1_796_547_720
    _ = update(&s, .layersRead([feed]))
    press(&s, .char("w"))
    #expect(Screen.render(s).lines.contains { $0.contains("▒▒ Regionen (hämtad 6 dec 10.02)") })
    feed.failedSince = 1_796_551_320
    _ = update(&s, .layersRead([feed]))
    #expect(s.notice == "Lagret \"Regionen\" nås inte sedan 6 dec 11.02; kopian från 6 dec 10.02 visas")
    #expect(Screen.render(s).lines.contains { $0.contains("▒▒ Regionen (nås inte sedan 6 dec 11.02)") })
  }
}
