import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge two versions of a plan with their common base (git's merge driver).",
    discussion: """
      git calls it as `arshjul merge %O %A %B --path %P …` (see `arshjul git-setup`). The merged plan is \
      written to OURS. A field changed on both sides to different values is a conflict: OURS \
      keeps our value and records the conflict in the plan, `arshjul check` names it and \
      `arshjul OURS` lets you choose. Exit status: 0 merged cleanly, 1 conflicts recorded, \
      2 a file could not be read as a plan (OURS is left as it was).
      """)

  @Argument(help: "The common ancestor (git's %O).") var base: String
  @Argument(help: "Our version; the result is written here (git's %A).") var ours: String
  @Argument(help: "Their version (git's %B).") var theirs: String

  @Option(help: "The plan's path in the repository, for messages (git's %P).") var path: String?
  @Option(help: "What to call the base in messages (git's %S).") var baseLabel: String?
  @Option(help: "What to call our side in messages (git's %X, e.g. HEAD).") var ourLabel: String?
  @Option(help: "What to call their side in messages and the conflict list (git's %Y, e.g. a branch name).")
  var theirLabel: String?

  /// A label as git gave it; git before 2.44 passes `%X` itself, which says nothing.
  static func label(_ value: String?) -> String? {
    guard let value, !value.isEmpty, !(value.count == 2 && value.hasPrefix("%")) else { return nil }
    return value
  }

  func run() throws {
    // Messages name the plan by its path in the repository, never git's temp files.
    let name = path.map(visibleName) ?? visibleName(ours)
    let labels = (base: Merge.label(baseLabel), ours: Merge.label(ourLabel), theirs: Merge.label(theirLabel))
    func side(_ role: String, _ label: String?) -> String { label.map { "\(role) side (\($0))" } ?? "\(role) side" }
    func load(_ file: String, _ role: String, _ label: String?) throws -> (Plan, [UInt8]) {
      do {
        let bytes = try FileBytes.read(file, limit: PlanFile.maxBytes)
        return (try PlanFile.decode(bytes, file: label.map { "\($0):\(name)" } ?? file), bytes)
      } catch let error as PlanLoadError {
        throw fail(
          ["arshjul merge: \(name): \(side(role, label)) cannot be merged as a plan; our version is left as it was"]
            + error.lines, code: 2)
      } catch {
        throw fail(
          "arshjul merge: \(name): \(side(role, label)): \((error as? FileError)?.message ?? "\(error)")", code: 2)
      }
    }
    if PlanFile.isWriteProtected(ours) {
      throw fail("arshjul merge: \(name) is write-protected; make it writable (chmod u+w) to merge into it", code: 2)
    }
    let (o, ourBytes) = try load(ours, "our", labels.ours)
    let (t, _) = try load(theirs, "their", labels.theirs)
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
      b = try load(base, "base", labels.base).0
    }
    if b.id != o.id || o.id != t.id {
      throw fail(
        "arshjul merge: \(name): these are different plans (ids \(b.id), \(o.id), \(t.id)); our version is left as it was",
        code: 2)
    }
    let result: Plan
    var said: [String] = []
    if let (plan, role, label) = [(o, "our", labels.ours), (t, "their", labels.theirs)].first(where: {
      !$0.0.conflicts.isEmpty
    }) {
      // A side still carries conflicts from an earlier merge: no field-wise
      // merge on top of them. Ours stays as it is (its own records too) and
      // their whole version is recorded beside it, so both sides' edits are
      // kept and `check` and the pre-commit hook refuse the file until a
      // planner chooses.
      result = PlanMerge.keepingWhole(base: b, ours: o, theirs: t, theirLabel: labels.theirs)
      said.append(
        "arshjul merge: \(name): \(side(role, label)) still has \(plan.conflicts.count) unresolved conflict(s) from an "
          + "earlier merge; ours is kept with their whole version beside it — open \(name) in arshjul to choose")
    } else {
      result = PlanMerge.merge(base: b, ours: o, theirs: t, theirLabel: labels.theirs).plan
    }
    let bytes = result.fileBytes()
    if bytes != ourBytes {
      do {
        try AtomicFile.write(bytes, to: ours)
      } catch {
        throw fail("arshjul merge: \(name): \(error.message)", code: 2)
      }
    }
    if said.isEmpty && !result.conflicts.isEmpty {
      said.append("arshjul merge: \(result.conflicts.count) conflict(s) in \(name); open it in arshjul to choose:")
      let words = ConflictWording(result, language: .en)
      said += result.conflicts.map { "  " + words.line($0) }
    }
    if !said.isEmpty {
      said.forEach(printError)
      throw ExitCode(1)
    }
  }
}
