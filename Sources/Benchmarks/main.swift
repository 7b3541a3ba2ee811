import Foundation
import PlanFormats
import PlanModel
import PlanStore
import PlanUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prints, for plans of 200, 2,000 and 20,000 activities, the median time of
/// each operation over repeated runs, and the peak memory. Run it in release:
///   swift run -c release Benchmarks
/// Options: --sizes 200,2000 to choose sizes, --runs N.

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Median milliseconds of `body` over `runs` runs.
func measure(_ runs: Int, _ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let t0 = now()
    body()
    times.append((now() - t0) * 1000)
  }
  return median(times)
}

var sizes = [200, 2000, 20000]
var runs = 7
var only: String?
// --write-plan N FILE: the synthetic plan of N activities, for the
// whole-process comparison (scripts/bench-processes).
if CommandLine.arguments.count == 4 && CommandLine.arguments[1] == "--write-plan", let n = Int(CommandLine.arguments[2])
{
  try! AtomicFile.write(SyntheticPlan.make(n).fileBytes(), to: CommandLine.arguments[3])
  exit(0)
}

var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
  if a == "--sizes", let v = args.next() { sizes = v.split(separator: ",").compactMap { Int($0) } }
  if a == "--runs", let v = args.next(), let n = Int(v) { runs = n }
  if a == "--only", let v = args.next() { only = v }
}

// --only OP [--file PLAN]: do just that (load, first, open, summary, ics, svg, wheel), for a
// profiler, or in a child process whose peak memory is the operation's own.
var file: String?
var report: String?
args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
  if a == "--file", let v = args.next() { file = v }
  if a == "--report", let v = args.next() { report = v }
}
if let only {
  let plan = file.map { try! PlanFile.load($0).plan } ?? SyntheticPlan.make(sizes.last ?? 20000)
  let day = Day(iso: "2022-06-15")!
  for _ in 0..<runs {
    switch only {
    case "ics": _ = ICalendar.exportBytes(plan, options: ICalendarOptions(stamp: 0))
    case "svg": _ = SVGWheel.render(plan, SVGOptions(year: 2022))
    case "summary": _ = Summary.render(plan, SummaryOptions(range: plan.yearRange(2022), language: .sv, today: day))
    case "edit":
      var s = AppState(plan: plan, fileName: "x", today: day, width: 200, height: 60)
      _ = update(&s, .key(.down))
      for k in 0..<50 {
        _ = update(&s, .key(.char(k % 2 == 0 ? ">" : "<")))
        _ = Screen.render(s)
      }
    case "first":
      let s = AppState(plan: plan, fileName: "x", today: day, width: 200, height: 60)
      _ = Screen.render(s)
    case "open":
      var s = AppState(plan: plan, fileName: "x", today: day, width: 200, height: 60)
      for key in [Key.char("g"), .down, .right, .char("l"), .down, .char("w"), .right] {
        _ = update(&s, .key(key))
        _ = Screen.render(s)
      }
    case "wheel":
      var s = AppState(plan: plan, fileName: "x", today: day, width: 200, height: 60)
      _ = update(&s, .key(.char("w")))
      for k in 0..<100 {
        _ = update(&s, .key(k % 2 == 0 ? .right : .left))
        _ = Screen.render(s)
      }
    case "set":
      // Three years of the plan made one (PlanSet), for a profiler.
      var first = plan
      first.year = 2022
      let years =
        [first]
        + [2023, 2024].map {
          Rollover.roll(first, from: 2022, Rollover.Options(year: $0, all: true, newID: "p\($0)")).plan
        }
      for _ in 0..<20 { _ = PlanSet(years, today: day) }
    default: break  // "load": the plan was loaded above
    }
  }
  // The high-water mark of this process's own memory (a spawned child's
  // rusage would also count the parent it was forked from).
  if let report {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let kb = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }?.split(separator: " ").dropFirst().first
    try? String(kb ?? "0").write(toFile: report, atomically: true, encoding: .utf8)
  }
  exit(0)
}

/// Peak memory (MB) of this program run as a child with `arguments`, as it reports it.
func childPeakMB(_ arguments: [String]) -> Double {
  let reportFile = dir + "/peak-\(arguments.joined().hashValue)"
  let argv = ([CommandLine.arguments[0]] + arguments + ["--report", reportFile]).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var pid: pid_t = 0
  guard posix_spawn(&pid, CommandLine.arguments[0], nil, nil, argv, environ) == 0 else { return .nan }
  var status: Int32 = 0
  waitpid(pid, &status, 0)
  let kb = (try? String(contentsOfFile: reportFile, encoding: .utf8)).flatMap { Double($0) } ?? .nan
  return kb / 1024
}

let today = Day(iso: "2022-06-15")!
let dir = NSTemporaryDirectory() + "arshjul-bench-\(getpid())"
try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }

struct Row {
  var name: String
  var values: [Double]
}
var rows: [Row] = []
@MainActor func record(_ name: String, _ i: Int, _ v: Double) {
  if let r = rows.firstIndex(where: { $0.name == name }) {
    rows[r].values[i] = v
  } else {
    var row = Row(name: name, values: Array(repeating: .nan, count: sizes.count))
    row.values[i] = v
    rows.append(row)
  }
}

var frameRatio: [String: (Double, Double)] = [:]
for (i, size) in sizes.enumerated() {
  let plan = SyntheticPlan.make(size)
  let path = dir + "/plan-\(size).json"
  _ = try! PlanFile.save(plan, to: path)
  let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  record("file size (KB)", i, Double(bytes) / 1024)
  let r = size >= 20000 ? max(3, runs / 2) : runs
  record("load + validate (ms)", i, measure(r) { _ = try! PlanFile.load(path) })
  let raw = try! FileBytes.read(path, limit: PlanFile.maxBytes)
  record("… of which JSON parsing (ms)", i, measure(r) { _ = try! JSONParser.tape(raw) })
  record("save (ms)", i, measure(r) { _ = try! PlanFile.save(plan, to: path) })
  let year = plan.yearRange(2022)
  var occurrences = 0
  record(
    "repeat expansion, a year (ms)", i,
    measure(r) {
      occurrences = 0
      for a in plan.activities { a.forEachOccurrence(in: year) { _ in occurrences += 1 } }
    })
  record("occurrences in the year", i, Double(occurrences))
  record(
    "summary (ms)", i,
    measure(r) { _ = Summary.render(plan, SummaryOptions(range: year, language: .sv, today: today)) })
  record(
    "iCalendar export (ms)", i, measure(r) { _ = ICalendar.exportBytes(plan, options: ICalendarOptions(stamp: 0)) })
  record("SVG export (ms)", i, measure(r) { _ = SVGWheel.render(plan, SVGOptions(year: 2022)) })
  record(
    "… of which the year index (ms)", i,
    measure(r) { _ = AppState(plan: plan, fileName: path, today: today, width: 200, height: 60) })
  // From the file to the first frame, as `arshjul PLAN` does it.
  record(
    "open: load + first frame (ms)", i,
    measure(r) {
      let loaded = try! PlanFile.load(path)
      let s = AppState(plan: loaded.plan, fileName: path, today: today, width: 200, height: 60)
      _ = Screen.render(s)
    })
  var state = AppState(plan: plan, fileName: path, today: today, width: 200, height: 60)
  for (view, key) in [("gantt", Key.char("g")), ("list", Key.char("l")), ("wheel", Key.char("w"))] {
    _ = update(&state, .key(key))
    let ms = measure(runs * 3) { _ = Screen.render(state) }
    record("frame, \(view) 200×60 (ms)", i, ms)
    if i == 0 { frameRatio[view] = (ms, .nan) }
    if i == sizes.count - 1 { frameRatio[view]?.1 = ms }
  }
  // A keystroke: update and the frame after it, in each view.
  for (view, key) in [("gantt", Key.char("g")), ("list", Key.char("l")), ("wheel", Key.char("w"))] {
    _ = update(&state, .key(key))
    var k = 0
    let keys: [Key] = [.right, .down, .left, .up]
    let ms = measure(runs * 3) {
      _ = update(&state, .key(keys[k % 4]))
      _ = Screen.render(state)
      k += 1
    }
    record("keystroke + frame, \(view) (ms)", i, ms)
  }
  // An edit: move the selected activity a day (commit, undo history, index).
  _ = update(&state, .key(.char("g")))
  _ = update(&state, .key(.down))
  var flip = false
  record(
    "edit (move a day) + frame (ms)", i,
    measure(runs * 2) {
      _ = update(&state, .key(.char(flip ? "<" : ">")))
      _ = Screen.render(state)
      flip.toggle()
    })
  // Peak memory of each operation alone, each in a process of its own.
  for op in ["load", "open", "summary", "ics", "svg"] {
    record("peak memory, \(op) (MB)", i, childPeakMB(["--only", op, "--file", path, "--runs", "1"]))
  }
}

// The table, as docs/PERFORMANCE.md shows it.
let header = "| operation | " + sizes.map { "\($0) activities" }.joined(separator: " | ") + " |"
print(header)
print("|---|" + sizes.map { _ in "---:|" }.joined())
for row in rows {
  let cells = row.values.map { v -> String in
    if v.isNaN { return "–" }
    if v >= 100 || v == v.rounded() { return String(Int(v.rounded())) }
    return String(format: "%.2f", v)
  }
  print("| \(row.name) | " + cells.joined(separator: " | ") + " |")
}
LayerCost.report(examplePath: "plans/kulturtillgangar-2022.json", today: today, runs: runs)
PlanSetCost.report(size: sizes.last!, dir: dir, today: today, runs: max(3, runs / 2))
if sizes.count > 1 {
  print("")
  for (view, (small, large)) in frameRatio.sorted(by: { $0.key < $1.key }) {
    print("frame cost \(view), \(sizes.last!) vs \(sizes.first!) activities: \(String(format: "%.1f", large / small))×")
  }
}
