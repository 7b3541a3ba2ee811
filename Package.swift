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
    // The domain: no terminal, no clock, no locale.
    // _FoundationICU (the ICU inside Foundation) is linked for CLDR's
    // Windows zone names (WindowsZones.swift).
    .target(
      name: "PlanKit",
      // The web page's style and script, as files of their own, built into the binary.
      resources: [
        .embedInCode("Formats/HTML/Resources/page.css"), .embedInCode("Formats/HTML/Resources/page.js"),
      ],
      linkerSettings: [.linkedLibrary("_FoundationICU")]
    ),
    // Files: atomic save, lock, journal, outputs. The only module that
    // writes beside a plan, so the rules (no following links, modes) live here.
    .target(name: "PlanStore", dependencies: ["PlanKit"]),
    // libcurl, opened with dlopen on the first request (not linked, so the
    // commands that never speak HTTP do not load it and its thirty libraries).
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
    // The network: a CalDAV client over CCurl. Only the CLI uses it.
    .target(name: "CalDAV", dependencies: ["CCurl"]),
    // The sync with a calendar: requests in order and side by side against
    // any `CalendarStore`; the decisions are PlanKit's (SyncDecisions). Knows
    // no HTTP: the command adapts the CalDAV client, the tests a store in memory.
    .target(name: "SyncEngine", dependencies: ["PlanKit"]),
    // Pure screen logic: a cell grid, views, the state machine. No curses.
    .target(name: "PlanUI", dependencies: ["PlanKit"]),
    .systemLibrary(
      name: "CNCurses",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // The only module that knows curses.
    .target(name: "CursesTerminal", dependencies: ["CNCurses", "PlanUI"]),
    .executableTarget(
      name: "arshjul",
      dependencies: [
        "PlanKit", "PlanStore", "PlanUI", "CursesTerminal", "CalDAV", "SyncEngine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      plugins: ["BuildInfo"]
    ),
    // The version (from the file VERSION) and the git commit, for --version.
    .plugin(name: "BuildInfo", capability: .buildTool()),
    // Speed and memory figures (run in release: swift run -c release Benchmarks).
    .executableTarget(name: "Benchmarks", dependencies: ["PlanKit", "PlanStore", "PlanUI"]),
    // Helpers the test targets share (fixtures, temporary folders).
    .target(name: "TestSupport", dependencies: ["PlanKit"], path: "Tests/TestSupport"),
    .testTarget(name: "PlanKitTests", dependencies: ["PlanKit", "TestSupport"], exclude: ["Golden", "Oracles"]),
    .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "PlanKit", "TestSupport"]),
    .testTarget(name: "PlanUITests", dependencies: ["PlanUI", "PlanKit", "TestSupport"], exclude: ["Snapshots"]),
    .testTarget(name: "CalDAVTests", dependencies: ["CalDAV"]),
    .testTarget(name: "SyncEngineTests", dependencies: ["SyncEngine", "PlanKit", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["arshjul", "PlanKit", "PlanStore"], exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
