// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "arshjul",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "arshjul", targets: ["arshjul"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The domain: the plan, its dates and rules, its own file (the JSON,
    // its journal), merge, roll-over and a sync's state. No format but its
    // own, no words (but the month and weekday names a planner types), no
    // terminal, files, network, clock or locale.
    .target(name: "PlanModel"),
    // Every other format, read and written, and every word: iCalendar, CSV,
    // the printed wheel (SVG), the web page, the text outputs, and the
    // words of warnings, diff, conflicts and the roll-over. Depends on the
    // model, never back. _FoundationICU (the ICU inside Foundation) is
    // linked for CLDR's Windows zone names (ICalendar/WindowsZones.swift).
    .target(
      name: "PlanFormats",
      dependencies: ["PlanModel"],
      // The web page's style and script, as files of their own, built into the binary.
      resources: [
        .embedInCode("HTML/Resources/page.css"), .embedInCode("HTML/Resources/page.js"),
      ],
      linkerSettings: [.linkedLibrary("_FoundationICU")]
    ),
    // Files: atomic save, lock, journal, outputs. The only module that
    // writes beside a plan, so the rules (no following links, modes) live here.
    .target(name: "PlanStore", dependencies: ["PlanModel"]),
    // libcurl, opened with dlopen on the first request (not linked, so the
    // commands that never speak HTTP do not load it and its thirty libraries).
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
    // The network: a CalDAV client over CCurl. Only the CLI uses it.
    .target(name: "CalDAV", dependencies: ["CCurl"]),
    // The sync with a calendar: its decisions as pure functions
    // (`Decisions/`: a plan's item against the server's event), and its
    // requests in order and side by side against any `CalendarStore`. Knows
    // no HTTP: the command adapts the CalDAV client, the tests a store in memory.
    .target(name: "SyncEngine", dependencies: ["PlanModel", "PlanFormats"]),
    // Pure screen logic: a cell grid, views, the state machine. No curses.
    .target(name: "PlanUI", dependencies: ["PlanModel", "PlanFormats"]),
    .systemLibrary(
      name: "CNCurses",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // The only module that knows curses.
    .target(name: "CursesTerminal", dependencies: ["CNCurses", "PlanUI"]),
    .executableTarget(
      name: "arshjul",
      dependencies: [
        "PlanModel", "PlanFormats", "PlanStore", "PlanUI", "CursesTerminal", "CalDAV", "SyncEngine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      plugins: ["BuildInfo"]
    ),
    // The version (from the file VERSION) and the git commit, for --version.
    .plugin(name: "BuildInfo", capability: .buildTool()),
    // Speed and memory figures (run in release: swift run -c release Benchmarks).
    .executableTarget(name: "Benchmarks", dependencies: ["PlanModel", "PlanFormats", "PlanStore", "PlanUI"]),
    // Helpers the test targets share (fixtures, temporary folders).
    .target(name: "TestSupport", dependencies: ["PlanModel", "PlanFormats"], path: "Tests/TestSupport"),
    .testTarget(
      name: "PlanModelTests", dependencies: ["PlanModel", "PlanFormats", "TestSupport"], exclude: ["Oracles"]),
    .testTarget(
      name: "PlanFormatsTests", dependencies: ["PlanFormats", "PlanModel", "TestSupport"], exclude: ["Golden"]),
    .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "PlanModel", "PlanFormats", "TestSupport"]),
    .testTarget(
      name: "PlanUITests", dependencies: ["PlanUI", "PlanModel", "PlanFormats", "TestSupport"], exclude: ["Snapshots"]),
    .testTarget(name: "CalDAVTests", dependencies: ["CalDAV"]),
    .testTarget(name: "SyncEngineTests", dependencies: ["SyncEngine", "PlanModel", "PlanFormats", "TestSupport"]),
    .testTarget(
      name: "CLITests", dependencies: ["arshjul", "PlanModel", "PlanFormats", "PlanStore"], exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
