#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum OutputTerminal {
  /// The width to wrap stdout at: the terminal's when it is one, else 80.
  static var width: Int {
    guard isatty(1) == 1 else { return 80 }
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col >= 20 { return Int(size.ws_col) }
    return 80
  }
}
