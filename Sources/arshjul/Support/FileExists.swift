#if canImport(Glibc)
  import Glibc
#endif

enum FileExists {
  static func at(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }
}
