import ArgumentParser
import PlanFormats
import PlanModel
import PlanStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Errors go to stderr as one line each; stdout stays clean for pipes.
/// Every line passes `visibleName`: a file name or an option value typed on
/// the command line never reaches the terminal with its escape sequences.
func printError(_ line: String) {
  StandardError.write(Array((visibleName(line) + "\n").utf8))
}

/// Writes text to stdout, checked: a full disk fails the command.
func printOut(_ text: String) throws {
  try writeStdout(.text(text))
}

/// All of the bytes to stdout, however the pipe takes them. A reader that
/// went away (`| head`) ends the command quietly, as SIGPIPE would; any
/// other failure (`> /dev/full`) is an error and exit 1.
func writeStdout(_ bytes: [UInt8]) throws {
  try writeStdout(.bytes(bytes))
}

func writeStdout(_ part: FilePart) throws {
  try checked { () throws(StandardOutput.Failure) in try StandardOutput.write(part) }
}

/// Output made while it is written (see `PieceOutput`).
func writeStdout(_ produce: Producer) throws {
  try checked { () throws(StandardOutput.Failure) in try StandardOutput.write(produce) }
}

private func checked(_ write: () throws(StandardOutput.Failure) -> Void) throws {
  do {
    try write()
  } catch {
    switch error {
    case .closed: throw ExitCode(141)
    case .failed(let why): throw fail("arshjul: \(why)")
    }
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

/// Several plans read side by side; the first that cannot be read stops
/// the command with its lines (as `loadOrExit`).
func loadAllOrExit(_ paths: [String]) throws -> [LoadedPlan] {
  guard paths.count > 1 else { return try paths.map(loadOrExit) }
  return try PlanFile.loadAll(paths).map { result in
    switch result {
    case .success(let loaded): return loaded
    case .failure(let error): throw fail(error.lines, code: error.kind == .unreadable ? 2 : 1)
    }
  }
}

/// Today on this machine, in the plan's zone: the one place the clock is read.
func today(in zone: String = "Europe/Stockholm") -> Day {
  SystemClock.today(in: zone)
}

/// After a change: the warnings (holiday, break, double booking, deadline)
/// that concern the items it touched, on stderr, with their place.
func warnAbout(titles: [String], in p: Plan, at path: String) {
  guard !titles.isEmpty else { return }
  let wanted = Set(titles)
  // Titles compared only where their byte counts match: hashing every
  // title of a big plan (Swedish text is normalized to hash) cost more than the add.
  let lengths = Set(titles.map(\.utf8.count))
  let ids = Set(
    p.activities.filter { lengths.contains($0.title.utf8.count) && wanted.contains($0.title) }.map(\.id)
      + p.milestones.filter { wanted.contains("◆ " + $0.title) || wanted.contains($0.title) }.map(\.id))
  let warnings = PlanWarnings.find(for: ids, in: p, range: p.yearRange(p.planningYear(today: today(in: p.timeZone))))
  // The file is read again only to say where, when there is something to say.
  guard !warnings.isEmpty else { return }
  printWarnings(warnings, at: (try? FileBytes.read(path, limit: PlanFile.maxBytes)).map(ItemPlaces.scan), in: path)
}

/// Warnings on stderr, `file:line:col: warning: …` (the place when the item
/// is found in the file), made as bytes and written at once: `check` of a
/// big plan has thousands.
func printWarnings(_ warnings: [PlanWarning], at places: ItemPlaces?, in path: String) {
  let spots = places?.positions(ofEach: warnings.map(\.id)) ?? Array(repeating: nil, count: warnings.count)
  let name = Array(visibleName(path).utf8)
  var bytes: [UInt8] = []
  bytes.reserveCapacity(warnings.count * 200)
  for (w, spot) in zip(warnings, spots) {
    bytes += name
    bytes.append(UInt8(ascii: ":"))
    if let p = spot {
      bytes += String(p.line).utf8
      bytes.append(UInt8(ascii: ":"))
      bytes += String(p.column).utf8
      bytes.append(UInt8(ascii: ":"))
      bytes.append(UInt8(ascii: " "))
    }
    bytes += "warning: ".utf8
    bytes += visibleName(w.message).utf8
    bytes.append(0x0A)
  }
  StandardError.write(bytes)
}
