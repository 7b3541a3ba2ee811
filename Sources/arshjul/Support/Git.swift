import Foundation

/// Runs git for the commands that read a plan's history or set a
/// repository up. Arguments go to git as they are (no shell).
enum Git {
  struct Output {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
  }

  static func run(_ args: [String], in folder: String) -> Output? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder] + args
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    // Read both pipes before waiting, or a big `git show` fills one and stalls.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: [UInt8](outData),
      stderr: String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// The repository's top folder for a path, or nil outside one.
  static func topLevel(of path: String) -> String? {
    let folder = (path as NSString).deletingLastPathComponent
    guard let out = run(["rev-parse", "--show-toplevel"], in: folder.isEmpty ? "." : folder), out.status == 0 else {
      return nil
    }
    return String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// A path relative to the repository's top (the realpaths of both, so a
  /// symlinked temp folder does not get in the way).
  static func relative(_ path: String, to top: String) -> String {
    let full = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let root = URL(fileURLWithPath: top).standardizedFileURL.resolvingSymlinksInPath().path
    if full.hasPrefix(root + "/") { return String(full.dropFirst(root.count + 1)) }
    return full
  }
}
