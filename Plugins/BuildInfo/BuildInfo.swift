import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` into the build before each build of the
/// command: the version from the file VERSION (its one place) and the git
/// commit the tree is at, for `arshjul --version` and the Debian package.
/// A shell script does the work, since a prebuild command cannot run a
/// tool that the package itself builds.
@main
struct BuildInfo: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let out = context.pluginWorkDirectoryURL.appending(path: "Generated")
    let root = context.package.directoryURL
    return [
      .prebuildCommand(
        displayName: "arshjul: version and commit",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: [root.appending(path: "scripts/build-info").path, root.path, out.path],
        outputFilesDirectory: out)
    ]
  }
}
