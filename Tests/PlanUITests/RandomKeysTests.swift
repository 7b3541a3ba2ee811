import PlanFormats
import PlanModel
import Testing

@testable import PlanUI

/// Thousands of keys in a seeded random order, with resizes, through
/// `update` and `render`: whatever a planner presses, nothing traps, and the
/// plan always stays one the file format accepts.
@Suite struct RandomKeysTests {
  struct Random {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
  }

  static let keys: [Key] =
    [
      .up, .down, .left, .right, .shiftLeft, .shiftRight, .shiftUp, .shiftDown, .enter, .escape, .tab, .backTab,
      .backspace, .delete, .home, .end, .pageUp, .pageDown, .ctrl("r"), .ctrl("j"), .ctrl("u"), .ctrl("k"),
    ] + "wglhjkt[]+-123abmdyn<>{}us/?qrcoå é🎉8²½٣HL".map { Key.char($0) }

  @Test(arguments: [1, 2, 3, 4])
  func randomKeysNeverBreakAnything(_ seed: Int) {
    var r = Random(state: UInt64(seed))
    var s = exampleState(width: 100, height: 30)
    let sizes = [(80, 24), (160, 48), (40, 10), (60, 16), (250, 70), (61, 17), (20, 5)]
    for step in 0..<500 {
      if r.next(40) == 0 {
        let (w, h) = sizes[r.next(sizes.count)]
        _ = update(&s, .resize(width: w, height: h))
      }
      let key = Self.keys[r.next(Self.keys.count)]
      let effects = update(&s, .key(key))
      // Answer what the outside world would, so dialogs run their course.
      for e in effects {
        switch e {
        case .save, .saveOverwrite: _ = update(&s, r.next(5) == 0 ? .saveConflict : .saved(copy: nil))
        case .saveCopy: _ = update(&s, .saved(copy: "x.kopia.json"))
        case .reload: _ = update(&s, .reloaded(theExamplePlan()))
        case .sync(let plan, _):
          // A calendar that changed one title meanwhile, or one that is away.
          var after = plan
          if !after.activities.isEmpty { after.activities[0].title = "Ändrad i kalendern \(step)" }
          _ = update(
            &s,
            .syncFinished(
              r.next(3) == 0 ? SyncOutcome(plan: nil, failure: "offline") : SyncOutcome(plan: after, received: 1)))
        case .quit, .writeJournal, .removeJournal, .journalRestored, .rollOver, .keepSyncState: break
        }
      }
      let g = Screen.render(s)
      #expect(g.lines.count == s.height, "step \(step)")
      if step % 100 == 0 {
        #expect(s.plan.problems.isEmpty, "step \(step): \(s.plan.problems)")
      }
    }
    #expect(s.plan.problems.isEmpty)
  }
}
