import CNCurses
import PlanUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal through ncursesw: draws grids (only the cells that changed)
/// and reads keys and resizes as messages. The only module that knows curses.
public final class CursesTerminal {
  private let window: UnsafeMutablePointer<WINDOW>
  private var previous: Grid?
  private let palette: Palette
  private var pairs: [PairKey: Int16] = [:]
  private var closed = false

  struct PairKey: Hashable {
    var fg: Int16
    var bg: Int16
  }

  /// Opens the terminal: locale for å ä ö, alternate screen, no echo, keys
  /// decoded, cursor hidden, a short ESC delay, colours unless NO_COLOR.
  public init() throws(TerminalError) {
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw TerminalError("the terminal UI needs a terminal", notATerminal: true)
    }
    setlocale(LC_ALL, "")
    guard let w = arshjul_open_screen() else {
      let term = getenv("TERM").map { String(cString: $0) } ?? ""
      throw TerminalError("the terminal type \"\(term)\" (TERM) is unknown here; try TERM=xterm-256color")
    }
    window = w
    raw()
    noecho()
    nonl()
    keypad(window, true)
    _ = curs_set(0)
    _ = set_escdelay(25)
    let noColor = getenv("NO_COLOR").map { String(cString: $0) }.map { !$0.isEmpty } ?? false
    if !noColor && has_colors() {
      start_color()
      use_default_colors()
      palette = Palette(colors: Int(arshjul_colors()), pairs: Int(arshjul_color_pairs()))
    } else {
      palette = Palette(colors: 0, pairs: 0)
    }
    arshjul_catch_signals()
    // Wake a few times a second even without keys, to notice a signal.
    wtimeout(window, 200)
  }

  /// The signal that asks the program to end, if one came.
  public var endingSignal: Int32? {
    let s = arshjul_signal()
    return s == 0 ? nil : s
  }

  public var size: (width: Int, height: Int) {
    (Int(arshjul_getmaxx(window)), Int(arshjul_getmaxy(window)))
  }

  /// Restores the terminal; safe to call more than once.
  public func close() {
    guard !closed else { return }
    closed = true
    endwin()
  }

  deinit { close() }

  // MARK: drawing

  public func draw(_ grid: Grid) {
    let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
    if full {
      werase(window)
      clearok(window, true)
    }
    for y in 0..<grid.height {
      for x in 0..<grid.width {
        let cell = grid[x, y]
        if cell.isContinuation { continue }
        if !full, let p = previous, p[x, y] == cell, !(x + 1 < grid.width && p[x + 1, y] != grid[x + 1, y]) {
          continue
        }
        put(cell, x: x, y: y)
      }
    }
    previous = grid
    wrefresh(window)
  }

  private func put(_ cell: Cell, x: Int, y: Int) {
    var attrs = arshjul_a_normal()
    if cell.style.bold { attrs |= arshjul_a_bold() }
    if cell.style.dim { attrs |= arshjul_a_dim() }
    if cell.style.reverse { attrs |= arshjul_a_reverse() }
    if cell.style.underline { attrs |= arshjul_a_underline() }
    var pair: Int16 = 0
    if palette.enabled {
      let fg = palette.index(cell.style.fg, attrs: &attrs)
      let bg = palette.index(cell.style.bg, attrs: &attrs)
      pair = self.pair(fg, bg)
    } else if cell.style.fg == .grey {
      attrs |= arshjul_a_dim()
    }
    var wide: [wchar_t] = cell.character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) } + [0]
    var cc = cchar_t()
    setcchar(&cc, &wide, attrs, pair, nil)
    mvwadd_wch(window, Int32(y), Int32(x), &cc)
  }

  private func pair(_ fg: Int16, _ bg: Int16) -> Int16 {
    if fg == -1 && bg == -1 { return 0 }
    let key = PairKey(fg: fg, bg: bg)
    if let p = pairs[key] { return p }
    let n = Int16(pairs.count + 1)
    guard Int(n) < min(palette.pairs, 32767) else { return 0 }
    init_pair(n, fg, bg)
    pairs[key] = n
    return n
  }

  // MARK: input

  /// Waits a moment for the next key or resize; nil when none came.
  public func nextMessage() -> Message? {
    var ch: wint_t = 0
    let r = wget_wch(window, &ch)
    if r == ERR { return nil }
    if r == KEY_CODE_YES {
      let code = Int32(ch)
      if code == arshjul_key_resize() {
        let (w, h) = size
        return .resize(width: w, height: h)
      }
      return Self.functionKey(code).map(Message.key)
    }
    return Self.characterKey(UInt32(ch)).map(Message.key)
  }

  static func characterKey(_ v: UInt32) -> Key? {
    switch v {
    case 9: return .tab
    case 13: return .enter
    // With nonl(), Enter arrives as CR; LF is Ctrl-J (a new line in notes).
    case 10: return .ctrl("j")
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
    default:
      guard let scalar = Unicode.Scalar(v), !isControlScalar(scalar) else { return nil }
      return .char(Character(scalar))
    }
  }

  static func isControlScalar(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (0x7F...0x9F).contains(s.value) }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_SLEFT: return .shiftLeft
    case KEY_SRIGHT: return .shiftRight
    case KEY_SR: return .shiftUp
    case KEY_SF: return .shiftDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    default:
      let f0 = arshjul_key_f0()
      if code > f0 && code <= f0 + 24 { return .function(Int(code - f0)) }
      return nil
    }
  }
}

public struct TerminalError: Error, Sendable {
  public var message: String
  /// Not a terminal at all (a pipe, a cron job): text commands may serve.
  public var notATerminal = false
  init(_ message: String, notATerminal: Bool = false) {
    self.message = message
    self.notATerminal = notATerminal
  }
}
