#!/usr/bin/env bash
# The terminal UI run as a user would: start, read, move, switch views,
# toggle a theme, resize small and back, quit with q; exit 0, terminal restored.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/lib.sh

start 120 35 "LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-03-28 $BIN plans/kulturtillgangar-2022.json; echo EXIT=\$?"
check "opens on the Gantt chart in Swedish" wait_for "1 Stöttande strukturer"
check "shows the months" wait_for "mars   apr"
check "status line tells the day" wait_for "måndag 28 mars 2022 · v. 13"

keys Down
check "down selects the first activity" wait_for "Avstämning projektledare · 28 mars 2022 09.00–10.00"
keys Right Right
check "right moves two weeks" wait_for "Avstämning projektledare · 11 apr 2022"

keys l
check "l opens the list" wait_for "Datum          Vecka"
keys g
check "g goes back to the Gantt chart" wait_for "1 Stöttande strukturer"

keys 2
check "2 hides Samverkan" wait_for "Samverkan dold"
check "its lane is gone" wait_gone "2 Samverkan"
keys 2
check "2 shows it again" wait_for "2 Samverkan"

keys '?'
check "? shows the help" wait_for "Tangenter"
keys Escape
check "Esc closes it" wait_gone "Tangenter"

keys / f r u k o s t t r ä f f Enter
check "search with å ä ö typed" wait_for "Digital frukostträff · 12 apr 2022 08.30–09.30"

resize 40 10
check "too small a window says so" wait_for "Fönstret är för litet."
resize 120 35
check "growing it back restores the view" wait_for "3 Mötesplatser"

keys q
check "q quits with status 0" wait_for "EXIT=0"
check "the terminal is restored (no alternate screen)" test "$(tmux -S "$SOCK" display -p -t 0 '#{alternate_on}')" = 0
check "no UI left on screen" wait_gone "Stöttande strukturer"

# SIGTERM and SIGHUP restore the terminal too.
for sig in TERM HUP; do
  start 100 30 "LANG=C.UTF-8 ARSHJUL_TODAY=2022-03-28 $BIN plans/kulturtillgangar-2022.json; echo EXIT=\$?; stty -a | grep -q ' echo ' && echo ECHO=on || echo ECHO=off"
  ready "1 Stöttande strukturer"
  pid=$(child_pid)
  [ -n "$pid" ] && kill -$sig "$pid"
  code=$((128 + $([ $sig = TERM ] && echo 15 || echo 1)))
  check "SIG$sig ends it with status $code" wait_for "EXIT=$code"
  check "SIG$sig restores the terminal (echo on)" wait_for "ECHO=on"
  check "SIG$sig leaves no alternate screen" test "$(tmux -S "$SOCK" display -p -t 0 '#{alternate_on}')" = 0
done

# NO_COLOR: no colour at all, and the selection still shows (reverse video).
start 100 30 "LANG=C.UTF-8 TERM=xterm-256color NO_COLOR=1 ARSHJUL_TODAY=2022-03-28 $BIN plans/kulturtillgangar-2022.json; echo EXIT=\$?"
ready "1 Stöttande strukturer"
keys Down
ready "Avstämning projektledare ·"
colours() { tmux -S "$SOCK" capture-pane -p -e -t 0 | grep -cE $'\e\\[[0-9;]*(3[0-7]|38;5;[0-9]+)m' ; }
check "NO_COLOR draws without colour" test "$(colours)" = 0
reversed() { tmux -S "$SOCK" capture-pane -p -e -t 0 | grep 'Avst.*mning projektledare' | grep -cE $'\e\\[([0-9]+;)*7m' ; }
check "and marks the selection in reverse video" test "$(reversed)" -gt 0
keys q
ready "EXIT=0"
start 100 30 "LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-03-28 $BIN plans/kulturtillgangar-2022.json; echo EXIT=\$?"
ready "1 Stöttande strukturer"
check "without NO_COLOR the themes are in colour" test "$(colours)" -gt 0
keys q
ready "EXIT=0"

# An unknown terminal type gets our own clear line, not curses' exit.
start 100 30 "TERM=no-such-term LANG=C.UTF-8 $BIN plans/kulturtillgangar-2022.json; echo EXIT=\$?"
check "an unknown TERM is told in one line" wait_for 'arshjul: the terminal type "no-such-term" (TERM) is unknown here'
check "with exit 1" wait_for "EXIT=1"

# A terminal that cannot move the cursor is refused the same way.
start 100 30 "TERM=dumb LANG=C.UTF-8 $BIN plans/kulturtillgangar-2022.json; echo EXIT=\$?"
check "TERM=dumb is told in one line" wait_for 'arshjul: the terminal type "dumb" (TERM) is unknown here'
check "with exit 1" wait_for "EXIT=1"

# Midsummer Eve is named in the status line.
start 100 30 "LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-06-24 $BIN plans/kulturtillgangar-2022.json; echo EXIT=\$?"
check "the status line names midsommarafton" wait_for "fredag 24 juni 2022 · v. 25 · Midsommarafton"
keys q
ready "EXIT=0"

# N writes next year's plan beside the plan, never over a file.
nydir=$(mktemp -d)
cp plans/kulturtillgangar-2022.json "$nydir/plan-2022.json"
start 120 35 "cd '$nydir' && LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-03-28 $BIN plan-2022.json; echo EXIT=\$?"
ready "1 Stöttande strukturer"
keys N
check "N makes next year's plan beside it" wait_for "Nästa års plan: plan-2023.json"
check "a valid plan for 2023" "$BIN" check "$nydir/plan-2023.json"
keys N
check "and never over an existing one" wait_for "plan-2023.json finns redan"
keys q
ready "EXIT=0"
rm -rf "$nydir"

# A broken plan gets one line and no UI.
badDir=$(mktemp -d)
bad=$badDir/broken.json
printf '{\n  "format": "arshjul-plan",\n' >"$bad"
start 100 30 "LANG=C.UTF-8 $BIN $bad; echo EXIT=\$?"
check "a broken plan gets file:line:col and exit 2" wait_for "EXIT=2"
check "with one clear line" wait_for "$bad:3:1: error: unexpected end of file inside an object"
rm -rf "$badDir"

finish "tui-e2e"
