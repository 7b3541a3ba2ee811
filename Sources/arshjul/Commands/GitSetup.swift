import ArgumentParser
import Foundation
import PlanFormats
import PlanModel
import PlanStore

struct GitSetup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "git-setup",
    abstract: "Set a git repository up so that plans merge by item and diff in words.",
    discussion: """
      Adds `PLAN merge=arshjul diff=arshjul` to .gitattributes (commit it), the merge driver \
      and textconv to this clone's git config, a pre-commit hook that refuses a plan with \
      unresolved conflicts, and arshjul's own files to .gitignore. git keeps drivers out of \
      what a clone copies, so every clone runs this once. Running it again changes nothing. \
      `arshjul` must be on PATH for git to find it.
      """)

  @Argument(help: "The plan files in the repository.", completion: .file(extensions: ["json"]))
  var plans: [String]

  static let hookMarker = "# arshjul: refuse plans with unresolved conflicts"

  func run() throws {
    guard let top = Git.topLevel(of: plans[0]) else {
      throw fail("arshjul git-setup: \(visibleName(plans[0])) is not in a git repository (git init first)", code: 2)
    }
    var said: [String] = []
    for plan in plans {
      guard FileBytes.exists(plan) else {
        throw fail("arshjul git-setup: \(visibleName(plan)) does not exist", code: 2)
      }
      guard Git.topLevel(of: plan).map({ Git.relative($0, to: top) }) == Git.relative(top, to: top) else {
        throw fail(
          "arshjul git-setup: \(visibleName(plan)) is in another repository than \(visibleName(plans[0]))", code: 2)
      }
      // A link to a plan elsewhere: git keeps the link, never the plan, so
      // no attribute here could reach it.
      let relative = Git.relative(plan, to: top)
      if relative.hasPrefix("/") {
        throw fail(
          "arshjul git-setup: \(visibleName(plan)) is a link to \(visibleName(relative)), outside the repository; "
            + "git keeps only the link — move the plan into the repository instead", code: 2)
      }
    }
    // .gitattributes: one line per plan.
    let attributes = top + "/.gitattributes"
    var lines = readLines(attributes)
    for plan in plans {
      let pattern = gitPattern(Git.relative(plan, to: top))
      let wanted = "\(pattern) merge=arshjul diff=arshjul"
      if !lines.contains(wanted) {
        lines.append(wanted)
        said.append(".gitattributes: \(wanted)")
      }
    }
    try writeLines(lines, to: attributes)
    // .gitignore: each plan's lock, and the journal and sync state, which
    // only arshjul names so; never every *.lock (Cargo.lock, yarn.lock…).
    let ignore = top + "/.gitignore"
    var ignored = readLines(ignore)
    let locks = plans.map { "/" + GitSetup.globEscaped(Git.relative($0, to: top)) + ".lock" }
    for pattern in locks + ["*.arshjul-journal*", "*.arshjul-sync"] where !ignored.contains(pattern) {
      ignored.append(pattern)
      said.append(".gitignore: \(pattern)")
    }
    try writeLines(ignored, to: ignore)
    // The clone's config.
    for (key, value) in [
      ("merge.arshjul.name", "arshjul: plans merged by item and field"),
      // %P and the labels name the plan and the branches in messages; git
      // before 2.44 leaves %S %X %Y as they are, and merge ignores them then.
      ("merge.arshjul.driver", "arshjul merge %O %A %B --path %P --base-label %S --our-label %X --their-label %Y"),
      ("diff.arshjul.textconv", "arshjul textconv"),
    ] {
      let current = Git.run(["config", "--local", "--get", key], in: top).map {
        String(decoding: $0.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      }
      if current != value {
        guard Git.run(["config", "--local", key, value], in: top)?.status == 0 else {
          throw fail("arshjul git-setup: git config \(key) failed", code: 2)
        }
        said.append("git config \(key) \"\(value)\"")
      }
    }
    said += try installHook(top)
    if said.isEmpty {
      try printOut("\(visibleName(top)): already set up for arshjul\n")
    } else {
      try printOut(
        said.map { $0 + "\n" }.joined()
          + "Commit .gitattributes and .gitignore; every other clone runs arshjul git-setup once.\n")
    }
  }

  /// A path as a .gitattributes pattern: anchored at the top, its glob
  /// characters escaped (so `plan [utkast].json` matches only itself), and
  /// quoted C-style where it holds a space, a tab or a quote.
  func gitPattern(_ relative: String) -> String {
    let pattern = "/" + GitSetup.globEscaped(relative)
    guard pattern.contains(where: { $0 == " " || $0 == "\"" || $0 == "\t" }) else { return pattern }
    let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\t", with: "\\t")
    return "\"" + escaped + "\""
  }

  /// A path with the characters that gitattributes and gitignore read as
  /// a pattern (`[ ] * ? \\`, and `!` or `#` first) behind a backslash.
  static func globEscaped(_ path: String) -> String {
    var out = ""
    for c in path {
      if "[]*?\\".contains(c) || (out.isEmpty && (c == "!" || c == "#")) { out.append("\\") }
      out.append(c)
    }
    return out
  }

  func readLines(_ path: String) -> [String] {
    guard let bytes = try? FileBytes.read(path, limit: 1_048_576) else { return [] }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init).reversed().drop { $0.isEmpty }.reversed()
  }

  func writeLines(_ lines: [String], to path: String) throws {
    let text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    if let old = try? FileBytes.read(path, limit: 1_048_576), old == Array(text.utf8) { return }
    do {
      try AtomicFile.write(Array(text.utf8), to: path)
    } catch {
      throw fail("arshjul git-setup: \(error.message)", code: 2)
    }
  }

  /// A pre-commit hook that runs `arshjul check` on the staged version of
  /// every plan with the arshjul merge driver. An existing hook of someone
  /// else's is not touched; we say what to add to it.
  func installHook(_ top: String) throws -> [String] {
    guard let out = Git.run(["rev-parse", "--git-path", "hooks/pre-commit"], in: top), out.status == 0 else {
      return []
    }
    var hook = String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if !hook.hasPrefix("/") { hook = top + "/" + hook }
    if let existing = try? FileBytes.read(hook, limit: 1_048_576) {
      if String(decoding: existing, as: UTF8.self).contains(GitSetup.hookMarker) { return [] }
      return ["\(hook) exists and is not arshjul's: add `arshjul pre-commit` to it to refuse conflicted plans"]
    }
    let script = """
      #!/bin/sh
      \(GitSetup.hookMarker) (made by arshjul git-setup)
      exec arshjul pre-commit

      """
    try? FileManager.default.createDirectory(
      atPath: (hook as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    do {
      try AtomicFile.write(Array(script.utf8), to: hook)
    } catch {
      throw fail("arshjul git-setup: \(error.message)", code: 2)
    }
    chmod(hook, 0o755)
    return ["\(Git.relative(hook, to: top)): refuses a commit of a plan with unresolved conflicts"]
  }
}

struct PreCommit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-commit",
    abstract: "Check the staged plans (git's pre-commit hook, made by git-setup).",
    shouldDisplay: false)

  func run() throws {
    guard let top = Git.topLevel(of: "./x") else { return }
    guard let staged = Git.run(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"], in: top) else { return }
    let files = staged.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    var bad = false
    for file in files {
      guard let attr = Git.run(["check-attr", "merge", "--", file], in: top),
        String(decoding: attr.stdout, as: UTF8.self).hasSuffix(": merge: arshjul\n"),
        let blob = Git.run(["show", ":\(file)"], in: top), blob.status == 0
      else { continue }
      do {
        let plan = try PlanFile.decode(blob.stdout, file: file)
        if !plan.conflicts.isEmpty {
          printError(
            "\(file): \(plan.conflicts.count) unresolved conflict(s); open it with `arshjul \(file)` and choose")
          bad = true
        }
      } catch {
        error.lines.forEach(printError)
        bad = true
      }
    }
    if bad { throw ExitCode(1) }
  }
}
