import ArgumentParser
import CursesTerminal
import PlanKit
import PlanUI

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open a plan in the terminal UI (the default command).")

  @Argument(help: "The plan file to open.", completion: .file(extensions: ["json"]))
  var plan: String

  @Flag(help: "Open without the right to save.")
  var readOnly = false

  @Flag(help: "Draw the wheel with plain characters, for fonts without braille.")
  var ascii = false

  func run() throws {
    let loaded = try loadOrExit(plan)
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal()
    } catch {
      throw fail("arshjul: \(error.message); try `arshjul summary \(plan)`")
    }
    defer { terminal.close() }
    let (w, h) = terminal.size
    var state = AppState(
      plan: loaded.plan, fileName: plan, today: today(in: loaded.plan.timeZone), width: w, height: h)
    state.readOnly = readOnly
    state.asciiWheel = ascii
    var grid = Grid(width: 0, height: 0)
    loop: while true {
      grid = Screen.render(state)
      terminal.draw(grid)
      guard let message = terminal.nextMessage() else { continue }
      for effect in update(&state, message) {
        switch effect {
        case .quit: break loop
        }
      }
    }
  }
}
