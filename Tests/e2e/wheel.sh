#!/usr/bin/env bash
# The wheel in the real binary: switch to it, walk the selection a month,
# read the side panel; the same in plain characters.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/lib.sh

start 120 35 "LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-03-28 $BIN plans/kulturtillgangar-2022.json; echo EXIT=\$?"
ready "1 Stöttande strukturer"
keys w
check "w shows the wheel with its legend" wait_for "Ringar utifrån och in:"
check "the selected week is today's" wait_for "Vecka 13  28 mars–3 apr 2022"
check "month names round the rim" wait_for "jan"
check "braille dots are drawn" has_braille
keys S-Right
check "Shift-Right walks a month" wait_for "Vecka 17  25 apr–1 maj 2022"
check "the side panel lists the week" wait_for "Budgetuppföljning med Regi"
keys Down
check "Down walks to the next ring" wait_for "▶ 2 Samverkan"
keys Enter
check "Enter opens the selected item" wait_for "Samtal med det fria kulturlivet om förslagen"
keys Escape b
check "b draws it in plain characters" no_braille
resize 80 24
check "at 80x24 the wheel still has its panel" wait_for "Vecka 17"
keys q
check "q quits with status 0" wait_for "EXIT=0"

start 100 30 "LANG=C.UTF-8 ARSHJUL_TODAY=2022-03-28 $BIN --ascii plans/kulturtillgangar-2022.json; echo EXIT=\$?"
ready "1 Stöttande strukturer"
keys w
ready "Ringar utifrån och in:"
check "--ascii draws without braille" no_braille
keys q
check "and quits cleanly" wait_for "EXIT=0"

finish "wheel-e2e"
