/// A key as the app understands it, whatever terminal it came from.
public enum Key: Sendable, Hashable {
  case char(Character)
  case ctrl(Character)
  case up, down, left, right
  case shiftUp, shiftDown, shiftLeft, shiftRight
  case enter, escape, tab, backTab, backspace, delete
  case home, end, pageUp, pageDown
  case function(Int)
}

/// Everything that can happen to the app.
public enum Message: Sendable, Hashable {
  case key(Key)
  case resize(width: Int, height: Int)
}

/// What `update` asks the outside world to do; it does no I/O itself.
public enum Effect: Sendable, Hashable {
  case quit
}
