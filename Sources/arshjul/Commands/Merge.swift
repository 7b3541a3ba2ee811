import ArgumentParser
import PlanKit
import PlanStore

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge two versions of a plan with their common base (git's merge driver).",
    discussion: """
      git calls it as `arshjul merge %O %A %B` (see `arshjul git-setup`). The merged plan is
      written to OURS. A field changed on both sides to different values is a conflict: OURS
      keeps our value and records the conflict in the plan, `arshjul check` names it and
      `arshjul OURS` lets you choose. Exit status: 0 merged cleanly, 1 conflicts recorded,
      2 a file could not be read as a plan (OURS is left as it was).
      """)

  @Argument(help: "The common ancestor (git's %O).") var base: String
  @Argument(help: "Our version; the result is written here (git's %A).") var ours: String
  @Argument(help: "Their version (git's %B).") var theirs: String

  @Option(help: "What to call their side in the conflict list (e.g. a branch name).")
  var theirLabel: String?

  func run() throws {
    func load(_ path: String, _ role: String) throws -> (Plan, [UInt8]) {
      do {
        let loaded = try PlanFile.load(path)
        return (loaded.plan, loaded.bytes)
      } catch {
        throw fail(
          ["arshjul merge: the \(role) version cannot be merged as a plan; \(visibleName(ours)) is left as it was"]
            + error.lines, code: 2)
      }
    }
    let (o, ourBytes) = try load(ours, "our")
    let (t, _) = try load(theirs, "their")
    // Both sides added the plan (no common ancestor): git gives an empty
    // base. Merge against a base with nothing in it, so every difference
    // is a conflict rather than a silent pick.
    var b: Plan
    if (try? FileBytes.read(base, limit: 1))?.isEmpty == true {
      b = o
      b.themes = []
      b.activities = []
      b.milestones = []
      b.extra = [:]
    } else {
      b = try load(base, "base").0
    }
    if b.id != o.id || o.id != t.id {
      throw fail(
        "arshjul merge: these are different plans (ids \(b.id), \(o.id), \(t.id)); not merging \(visibleName(ours))",
        code: 2)
    }
    for (plan, role) in [(b, "base"), (o, "our"), (t, "their")] where !plan.conflicts.isEmpty {
      throw fail(
        "arshjul merge: the \(role) version still has \(plan.conflicts.count) unresolved conflict(s); "
          + "resolve them first (arshjul \(visibleName(ours)))", code: 2)
    }
    let result = PlanMerge.merge(base: b, ours: o, theirs: t, theirLabel: theirLabel)
    let bytes = result.plan.fileBytes()
    if bytes != ourBytes {
      do {
        try AtomicFile.write(bytes, to: ours)
      } catch {
        throw fail("arshjul merge: \(error.message)", code: 2)
      }
    }
    if !result.isClean {
      let words = ConflictWording(result.plan, language: .en)
      printError(
        "arshjul merge: \(result.conflicts.count) conflict(s) in \(visibleName(ours)); open it in arshjul to choose:")
      for c in result.conflicts { printError("  " + words.line(c)) }
      throw ExitCode(1)
    }
  }
}
