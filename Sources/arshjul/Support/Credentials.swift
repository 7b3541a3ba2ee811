import Foundation
import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The password for a calendar server, never from the command line: a file
/// (`--password-file`), the `ARSHJUL_PASSWORD` variable, `~/.netrc` (as curl
/// and git read it), or a prompt on the terminal with echo off.
enum Credentials {
  static func password(host: String, user: String?, file: String?) throws -> (user: String?, password: String?) {
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw fail("arshjul sync: cannot read the password file \(visibleName(file))", code: 2)
      }
      // The first line, as it is: an empty one is a mistake, never an empty password.
      let first =
        String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        .first.map(String.init) ?? ""
      guard !first.isEmpty else {
        throw fail(
          "arshjul sync: the password file \(visibleName(file)) is empty; its first line must be the password", code: 2)
      }
      // As ssh does for a key: a secret that others can read is told.
      var st = stat()
      if stat(file, &st) == 0 && st.st_mode & 0o077 != 0 {
        printError(
          "arshjul sync: warning: the password file \(visibleName(file)) can be read by others (mode "
            + String(st.st_mode & 0o777, radix: 8) + "); chmod 600 \(visibleName(file))")
      }
      return (user ?? netrc(host)?.login, first)
    }
    if let env = ProcessInfo.processInfo.environment["ARSHJUL_PASSWORD"] { return (user ?? netrc(host)?.login, env) }
    if let entry = netrc(host), user == nil || user == entry.login { return (entry.login, entry.password) }
    guard let user else { return (nil, nil) }
    if let typed = prompt("Lösenord för \(user) på \(host): ") { return (user, typed) }
    return (user, nil)
  }

  /// `machine HOST login L password P` (or `default`) in ~/.netrc.
  static func netrc(_ host: String) -> (login: String, password: String)? {
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    guard let data = FileManager.default.contents(atPath: home + "/.netrc") else { return nil }
    let words = String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline })
      .map(String.init)
    var i = 0
    var found: (login: String, password: String)?
    var fallback: (login: String, password: String)?
    while i < words.count {
      let isDefault = words[i] == "default"
      guard words[i] == "machine" || isDefault else {
        i += 1
        continue
      }
      let machine = isDefault ? nil : (i + 1 < words.count ? words[i + 1] : nil)
      i += isDefault ? 1 : 2
      var login = ""
      var password = ""
      while i + 1 < words.count && words[i] != "machine" && words[i] != "default" {
        if words[i] == "login" { login = words[i + 1] }
        if words[i] == "password" { password = words[i + 1] }
        i += 2
      }
      if machine == host && found == nil { found = (login, password) }
      if isDefault { fallback = (login, password) }
    }
    return found ?? fallback
  }

  /// Reads a line from the terminal with echo off; nil without a terminal.
  static func prompt(_ text: String) -> String? {
    let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    _ = text.withCString { write(fd, $0, strlen($0)) }
    var old = termios()
    tcgetattr(fd, &old)
    var quiet = old
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(fd, TCSANOW, &quiet)
    defer {
      tcsetattr(fd, TCSANOW, &old)
      _ = write(fd, "\n", 1)
    }
    var bytes: [UInt8] = []
    var c: UInt8 = 0
    while read(fd, &c, 1) == 1 && c != 10 && c != 13 { bytes.append(c) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
