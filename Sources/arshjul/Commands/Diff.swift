import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "What changed in a plan, in words: new, moved, changed, cancelled or done, deleted.",
    discussion: """
      `arshjul diff OLD NEW` compares two plan files; `arshjul diff PLAN --since REV` compares the plan \
      with its version at a git revision: a tag, a branch, a commit, or a date such as main@{2022-09-01}.
      """)

  @Argument(help: "The old plan (or, with --since, the plan).") var first: String
  @Argument(help: "The new plan.") var second: String?

  @Option(help: "A git revision to compare the plan with.") var since: String?

  @Option(help: "text or markdown.") var format: PlanDiff.Format = .text

  @Option(help: "sv or en (default: the plan's language).") var language: Language?

  @Flag(help: "Exit 1 when there are changes, as git diff --exit-code does.") var exitCode = false

  func validate() throws {
    if since != nil && second != nil { throw fail("arshjul diff: give either two plans or one plan and --since") }
    if since == nil && second == nil { throw fail("arshjul diff: give two plans, or one plan and --since REV") }
  }

  func run() throws {
    let old: Plan
    let new: Plan
    if let since {
      new = try loadOrExit(first).plan
      old = try planAt(revision: since, path: first)
    } else {
      old = try loadOrExit(first).plan
      new = try loadOrExit(second!).plan
    }
    let lang = language ?? new.language
    let title = PlanDiff.title(of: new.title, since: since, lang)
    let diff = PlanDiff(old: old, new: new, language: lang)
    try printOut(diff.render(title: title, language: lang, format: format))
    if exitCode && !diff.isEmpty { throw ExitCode(1) }
  }

  /// The plan as it was at `revision`, read with `git cat-file`. The
  /// revision is a revision, never an option: one that starts with `-` is
  /// refused, the rest is resolved to a commit first (behind
  /// `--end-of-options`), and only that commit's id goes on to git.
  func planAt(revision: String, path: String) throws -> Plan {
    guard let top = Git.topLevel(of: path) else {
      throw fail("arshjul diff: \(visibleName(path)) is not in a git repository; --since needs one", code: 2)
    }
    let notARevision = "arshjul diff: --since \(quoted(revision)) is not a revision of this repository"
    guard !revision.hasPrefix("-"), !revision.isEmpty else {
      throw fail(notARevision + " (a tag, a branch, a commit or main@{2022-09-01})", code: 2)
    }
    guard
      let resolved = Git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], in: top)
    else {
      throw fail("arshjul diff: git could not be run; is it installed?", code: 2)
    }
    let commit = String(decoding: resolved.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard resolved.status == 0, commit.count >= 40, commit.allSatisfy(\.isHexDigit) else {
      throw fail(notARevision, code: 2)
    }
    let relative = Git.relative(path, to: top)
    guard let out = Git.run(["cat-file", "blob", "\(commit):\(relative)"], in: top) else {
      throw fail("arshjul diff: git could not be run; is it installed?", code: 2)
    }
    guard out.status == 0 else {
      throw fail("arshjul diff: \(relative) is not in \(revision) (\(commit.prefix(10)))", code: 2)
    }
    do {
      return try PlanFile.decode(out.stdout, file: "\(revision):\(relative)")
    } catch {
      throw fail(error.lines, code: 2)
    }
  }
}

extension PlanDiff.Format: ExpressibleByArgument {}
