import Foundation

/// Runs the built `arshjul` as a user would and collects what it printed.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
  var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
let examplePlanPath = packageRoot.appendingPathComponent("plans/kulturtillgangar-2022.json").path

/// The binary sits beside the test bundle in SwiftPM's products folder.
let binaryPath: String = {
  let candidates = [
    Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("arshjul").path,
    Bundle.main.bundleURL.appendingPathComponent("arshjul").path,
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arshjul").path,
    packageRoot.appendingPathComponent(".build/debug/arshjul").path,
  ]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
}()

func arshjul(_ args: String..., stdin: String? = nil, today: String = "2022-03-01") -> Run {
  arshjul(args, stdin: stdin, today: today)
}

func arshjul(_ args: [String], stdin: String? = nil, today: String = "2022-03-01") -> Run {
  var env = ProcessInfo.processInfo.environment
  env["ARSHJUL_TODAY"] = today
  env["COLUMNS"] = "80"
  return runProcess(binaryPath, args, env: env, stdin: stdin)
}

/// Runs a program to its end and collects what it printed; its input is
/// `stdin` (from a file, so nothing can block), or closed when nil.
func runProcess(_ executable: String, _ args: [String], env: [String: String], stdin: String? = nil) -> Run {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: executable)
  p.arguments = args
  p.environment = env
  // Files, not pipes: nothing can block, and no reader thread is needed.
  let base = NSTemporaryDirectory() + "arshjul-run-" + UUID().uuidString
  _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
  _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
  _ = FileManager.default.createFile(atPath: base + ".in", contents: Data((stdin ?? "").utf8))
  defer {
    for end in [".out", ".err", ".in"] { try? FileManager.default.removeItem(atPath: base + end) }
  }
  let out = FileHandle(forWritingAtPath: base + ".out")!
  let err = FileHandle(forWritingAtPath: base + ".err")!
  p.standardOutput = out
  p.standardError = err
  p.standardInput = stdin == nil ? FileHandle.nullDevice : FileHandle(forReadingAtPath: base + ".in")!
  try! p.run()
  p.waitUntilExit()
  try? out.close()
  try? err.close()
  return Run(
    status: p.terminationStatus, stdout: String(decoding: contents(base + ".out"), as: UTF8.self),
    stderr: String(decoding: contents(base + ".err"), as: UTF8.self))
}

func temporaryFolder() -> String {
  let path = NSTemporaryDirectory() + "arshjul-cli-" + UUID().uuidString
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func removeFolder(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

func contents(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

func copyExample(to dir: String, name: String = "plan.json") -> String {
  let path = dir + "/" + name
  _ = FileManager.default.createFile(atPath: path, contents: contents(examplePlanPath))
  return path
}

/// A shell line, for what Process cannot pass: bytes that are not UTF-8,
/// redirections to /dev/full. `$ARSHJUL` names the binary.
func shell(_ script: String, today: String = "2022-03-01") -> Run {
  var env = ProcessInfo.processInfo.environment
  env["ARSHJUL"] = binaryPath
  env["ARSHJUL_TODAY"] = today
  return runProcess("/bin/sh", ["-c", script], env: env)
}
