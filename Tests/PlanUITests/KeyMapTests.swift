import Foundation
import PlanFormats
import PlanModel
import TestSupport
import Testing

@testable import PlanUI

/// The key map is the one source of every key (issue 12).
@Suite struct KeyMapTests {
  @Test func everyBindingHasHelpInBothLanguages() {
    for line in KeyMap.main {
      #expect(!line.bindings.isEmpty)
      #expect(!line.help.sv.isEmpty && !line.help.en.isEmpty, "\(line.keysLabel)")
    }
    for line in KeyMap.form { #expect(!line.help.sv.isEmpty && line.hint != nil, "\(line.keysLabel)") }
  }

  @Test func noKeyIsBoundTwiceInOneView() {
    for view in ViewKind.allCases {
      var seen: Set<Key> = []
      for line in KeyMap.main where line.views?.contains(view) ?? true {
        for b in line.bindings {
          #expect(!seen.contains(b.key), "\(b.key.label) twice in \(view)")
          seen.insert(b.key)
        }
      }
    }
  }

  @Test func everyHelpLineIsAKeyThatWorks() {
    // Every key in the help does something: pressing it changes the state
    // or answers with effects (or, for keys that need a selection or a
    // view, at least is looked up to its action).
    for line in KeyMap.main {
      for b in line.bindings {
        let view = line.views?.first ?? .gantt
        #expect(KeyMap.action(for: b.key, in: view)?.action == b.action, "\(b.key.label)")
      }
    }
    let help = KeyMap.helpLines(.sv).map(\.keys)
    #expect(help.count == KeyMap.main.count + 1)
  }

  @Test func keysThatWorkButWereNotInTheHelpAreThereNow() {
    let labels = KeyMap.helpLines(.en).map(\.keys).joined(separator: " ").split(separator: " ").map(String.init)
    for key in ["H", "L", "=", "Shift-Tab"] { #expect(labels.contains(key), "\(key)") }
    #expect(KeyMap.dialogLines(.confirmQuit, .en).contains("d x  discard the changes and quit"))
  }

  @Test func editingKeysAreRefusedWhenReadOnly() {
    for line in KeyMap.main where line.editsPlan {
      for b in line.bindings {
        var s = exampleState()
        s.readOnly = true
        s.readOnlyReason = "read-only"
        let before = s.plan
        let effects = update(&s, .key(b.key))
        #expect(effects == [] && s.plan == before && s.form == nil && s.notice == "read-only", "\(b.key.label)")
      }
    }
  }

  @Test func theFooterIsMadeFromTheMap() {
    #expect(
      KeyMap.hints(.sv)
        == "Tab vy  ←→ tid  ↑↓ rad  a ny  Enter ändra  d ta bort  u ångra  s spara  / sök  ? hjälp  q avsluta")
  }

  @Test func readmeHasTheGeneratedKeyTable() throws {
    let readme = try String(contentsOfFile: packageRoot.appendingPathComponent("README.md").path, encoding: .utf8)
    let begin = "<!-- keys: made by `arshjul keys --format markdown` -->\n"
    let end = "<!-- /keys -->"
    let start = try #require(readme.range(of: begin))
    let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
    #expect(String(readme[start.upperBound..<stop.lowerBound]) == KeyMap.markdown(.en))
  }
}
