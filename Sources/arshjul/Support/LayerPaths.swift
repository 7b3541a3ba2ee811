import Foundation
import PlanModel

/// A layer's file is kept relative to the plan's folder, so the plan and
/// its layers move together (a clone elsewhere, another planner's home).
enum LayerPaths {
  /// `source` as typed (relative to the working folder) made relative to
  /// the folder of `plan`; an https address as it is.
  static func relative(_ source: String, toFolderOf plan: String) -> String {
    guard !PlanLayer.isFeed(source) else { return source }
    let target = components(absolute(source))
    let folder = components(absolute((plan as NSString).deletingLastPathComponent))
    var common = 0
    while common < min(target.count, folder.count) && target[common] == folder[common] { common += 1 }
    let up = Array(repeating: "..", count: folder.count - common)
    let rest = up + target[common...]
    return rest.isEmpty ? "." : rest.joined(separator: "/")
  }

  /// A layer's source as the plan file keeps it, as a path to open from
  /// the working folder.
  static func resolved(_ source: String, besides plan: String) -> String {
    guard !source.hasPrefix("/"), !PlanLayer.isFeed(source) else { return source }
    let folder = (plan as NSString).deletingLastPathComponent
    return folder.isEmpty ? source : (folder as NSString).appendingPathComponent(source)
  }

  static func absolute(_ path: String) -> String {
    let p = path.isEmpty ? "." : path
    let full = p.hasPrefix("/") ? p : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(p)
    return (full as NSString).standardizingPath
  }

  static func components(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }
}
