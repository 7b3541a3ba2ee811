import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
struct Arshjul: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "arshjul",
    abstract: "A year-wheel planner for the terminal: plan a year of activities by theme.",
    discussion: """
      Open a plan with `arshjul PLAN`. Plans are JSON files (see docs/plan-format.md, or arshjul-plan(5) where \
      arshjul is installed).
      """,
    version: "\(buildVersion) (commit \(buildCommit))",
    subcommands: [
      Edit.self, New.self, Check.self, Add.self, SummaryCommand.self, AgendaCommand.self, Export.self, Import.self,
      Sync.self, Merge.self, LayerCommand.self,
      GitSetup.self, Diff.self, Textconv.self, Keys.self, PreCommit.self,
    ],
    defaultSubcommand: Edit.self)

  /// ArgumentParser's own `main`, with two guards in front: an argument
  /// that is not UTF-8 is refused (Swift would quietly turn it into U+FFFD
  /// and store that in the plan), and every error line it prints goes
  /// through `printError`, so a bad option value cannot carry an escape
  /// sequence to the terminal.
  static func main() {
    for index in 1..<Int(CommandLine.argc) {
      guard let raw = CommandLine.unsafeArgv[index] else { continue }
      let bytes = UnsafeRawBufferPointer(start: raw, count: strlen(raw))
      if String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) == nil {
        printError("arshjul: argument \(index) is not UTF-8 text; use a UTF-8 terminal or file name")
        leave(2)
      }
    }
    do {
      var command = try parseAsRoot()
      try command.run()
      // Done: leave without taking a big plan apart piece by piece (the
      // system frees the memory at once); every write was checked already.
      leave(0)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        try? writeStdout(Array((message.isEmpty ? "" : message + "\n").utf8))
      } else {
        for line in message.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
          printError(String(line))
        }
      }
      leave(code.rawValue)
    }
  }
}

/// The C library's exit, outside the command type whose own `exit(withError:)`
/// would hide it.
private func leave(_ code: Int32) -> Never { exit(code) }
