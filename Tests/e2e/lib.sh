# Helpers for end-to-end runs of the real binary in a headless tmux.
# Source it; it sets SOCK and cleans up on exit.
. "$(dirname "${BASH_SOURCE[0]}")/check.sh"
SOCK=$(mktemp -u /tmp/arshjul-e2e.XXXXXX)
BIN=${BIN:-$bin}
at_exit+=('tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -f "$SOCK"')

# start WIDTH HEIGHT COMMAND: runs it in a fresh session; the pane stays
# open afterwards (sleep) so what the command left on screen can be read.
# Each session gets a server of its own: a server still shutting down
# must never be asked to start the next one.
start() {
  local w=$1 h=$2
  shift 2
  tmux -S "$SOCK" kill-server 2>/dev/null || true
  rm -f "$SOCK"
  SOCK=$(mktemp -u /tmp/arshjul-e2e.XXXXXX)
  tmux -S "$SOCK" new-session -d -x "$w" -y "$h" "$*; sleep 600"
}
# The pid of the program running in the pane (the shell's child), or nothing.
child_pid() {
  local shell
  shell=$(tmux -S "$SOCK" display -p -t 0 '#{pane_pid}' 2>/dev/null)
  [ -n "$shell" ] && pgrep -P "$shell" | head -n 1
}
screen() { tmux -S "$SOCK" capture-pane -p -t 0; }
keys() { tmux -S "$SOCK" send-keys -t 0 "$@"; }
resize() { tmux -S "$SOCK" resize-window -t 0 -x "$1" -y "$2"; }

# wait_for TEXT [SECONDS]: poll the screen until TEXT shows.
wait_for() {
  local text=$1 limit=${2:-10} i=0
  while [ $i -lt $((limit * 20)) ]; do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}
# ready TEXT [SECONDS]: wait for TEXT before going on; a failed check when
# it never shows.
ready() { await "the screen shows: $1" "${2:-10}" screen_has "$1"; }
screen_has() { screen | grep -qF -- "$1"; }

# wait_gone TEXT [SECONDS]
wait_gone() {
  local text=$1 limit=${2:-10} i=0
  while [ $i -lt $((limit * 20)) ]; do
    if ! screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# On a failed check, show the end of the screen.
on_fail() {
  echo "---- screen (last lines) ----"
  screen | grep -v '^$' | tail -n 12
  echo "----------------"
}

# Is there braille on the screen? (python, since grep's ranges depend on the locale)
has_braille() {
  screen | python3 -c 'import sys; sys.exit(0 if any(0x2801 <= ord(c) <= 0x28FF for c in sys.stdin.read()) else 1)'
}
# no_braille: poll until the screen has no braille (the change waited for,
# never a fixed sleep); the caller first waits for the frame it expects.
no_braille() {
  local i=0
  while [ $i -lt 200 ]; do
    screen | python3 -c 'import sys; sys.exit(1 if any(0x2801 <= ord(c) <= 0x28FF for c in sys.stdin.read()) else 0)' && return 0
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}
