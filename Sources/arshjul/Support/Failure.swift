import ArgumentParser
import PlanKit

#if canImport(Glibc)
  import Glibc
#endif

/// Errors go to stderr as one line each; stdout stays clean for pipes.
func printError(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}

/// Writes text to stdout, for commands that print a lot.
func printOut(_ text: String) {
  writeStdout(Array(text.utf8))
}

/// All of the bytes to stdout, however the pipe takes them.
func writeStdout(_ bytes: [UInt8]) {
  var done = 0
  while done < bytes.count {
    let n = bytes.withUnsafeBytes { write(1, $0.baseAddress! + done, bytes.count - done) }
    if n < 0 {
      if errno == EINTR { continue }
      return  // a closed pipe (| head): nothing more to do
    }
    done += n
  }
}

/// Stops the command with `code` after printing the lines.
func fail(_ lines: [String], code: Int32 = 1) -> ExitCode {
  lines.forEach(printError)
  return ExitCode(code)
}

func fail(_ line: String, code: Int32 = 1) -> ExitCode { fail([line], code: code) }

/// Loads a plan or stops with its problems (exit 2 unreadable, 1 invalid).
func loadOrExit(_ path: String) throws -> LoadedPlan {
  do {
    return try PlanFile.load(path)
  } catch {
    throw fail(error.lines, code: error.kind == .unreadable ? 2 : 1)
  }
}

/// Today on this machine, in the plan's zone: the one place the clock is read.
func today(in zone: String = "Europe/Stockholm") -> Day {
  SystemClock.today(in: zone)
}
