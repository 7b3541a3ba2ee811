#!/usr/bin/env bash
# Editing in the real binary: add an activity by typing, save, quit, check
# the file; then kill -9 after an unsaved edit and restore it; a second
# arshjul on the same plan is read-only.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/lib.sh

dir=$(mktemp -d)
plan=$dir/plan.json
cp plans/kulturtillgangar-2022.json "$plan"
run="LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-03-28 $BIN $plan; echo EXIT=\$?"

start 120 35 "$run"
ready "1 Stöttande strukturer"
keys a
check "a opens a new activity form" wait_for "Ny aktivitet"
keys -l "Frukostträff i Nyköping, Eskilstuna; Katrineholm"
keys Tab Right Right Tab C-u
keys -l "8 mars"
keys Tab C-u Tab
keys -l "08:30-09:30"
keys Enter
check "the form closes and the status line tells of the new activity" wait_for "Frukostträff i Nyköping, Eskilstuna; Katrineholm · 8 mars 2022 08.30–09.30 · v. 10 · Mötesplatser"
check "the header says unsaved" wait_for "● ej sparad"
check "the journal holds the edit" test -s "$plan.arshjul-journal"
keys s
check "s saves" wait_for "Sparad"
check "a clean save removes the journal" test ! -e "$plan.arshjul-journal"
keys q
check "q quits with status 0" wait_for "EXIT=0"
check "arshjul check accepts the saved plan" "$BIN" check "$plan"
check "the activity is in the file" grep -q '"title": "Frukostträff i Nyköping, Eskilstuna; Katrineholm"' "$plan"
check "the lock is gone" test ! -e "$plan.lock"

# A bad date keeps the form open with the message beside the field.
start 120 35 "$run"
ready "1 Stöttande strukturer"
keys a
keys -l "Fel datum"
keys Tab Tab C-u
keys -l "30 februari"
keys Enter
check "a wrong date is told beside its field" wait_for "↳ skriv 2022-03-08, 8/3, 8 mars, idag eller +2v"
keys Escape
check "Esc cancels the form" wait_gone "Ny aktivitet"
keys q
check "nothing changed, so q quits at once" wait_for "EXIT=0"

# kill -9 after an unsaved edit; the next start offers to restore it.
before=$(cat "$plan")
start 120 35 "$run"
ready "1 Stöttande strukturer"
keys j d
check "d asks before deleting" wait_for "Ta bort?"
keys y
check "the item is gone" wait_for "Borttagen"
# The journal is written within a moment of the edit.
await "the journal is written" 5 test -s "$plan.arshjul-journal"
pid=$(child_pid)
[ -n "$pid" ] && kill -9 "$pid"
check "after kill -9 the file is untouched" test "$(cat "$plan")" = "$before"
check "and the journal is there" test -s "$plan.arshjul-journal"
start 120 35 "$run"
check "the next start offers to restore" wait_for "Osparade ändringar hittades"
keys r
check "r restores the edit (unsaved)" wait_for "● ej sparad"
keys u
check "u undoes the restored delete" wait_for "Ångrat"
keys C-r
check "Ctrl-R redoes it" wait_for "Gjort om"
keys q
check "q asks about unsaved changes" wait_for "Osparade ändringar"
keys s
check "s saves and quits" wait_for "EXIT=0"
check "the deleted activity is gone from the file" sh -c "! grep -q '\"id\": \"projektledaravstamning\"' '$plan'"
check "the plan is valid" "$BIN" check "$plan"

# A stale journal never overwrites a change made after it: edit, kill -9,
# `arshjul add` meanwhile, reopen, restore, save → the conflict dialog.
start 120 35 "$run"
ready "1 Stöttande strukturer"
keys j '>'
check "an edit before the crash" wait_for "Flyttad +1 dag"
await "the journal is written" 5 test -s "$plan.arshjul-journal"
pid=$(child_pid)
[ -n "$pid" ] && kill -9 "$pid"
check "meanwhile arshjul add changes the file" "$BIN" add "$plan" --title "Tillagd utifrån" --theme 1 --start 2022-05-05
added=$(cat "$plan")
start 120 35 "$run"
check "the journal is offered" wait_for "Osparade ändringar hittades"
keys r
check "restoring says the file changed since" wait_for "filen har ändrats sedan dess"
keys s
check "saving meets the conflict dialog, not a silent overwrite" wait_for "Filen har ändrats på disken"
check "the added activity is still in the file" test "$(cat "$plan")" = "$added"
keys Escape
keys q
ready "Osparade ändringar"
keys d
ready "EXIT=0"

# A closed terminal (SIGHUP) right after an edit loses nothing either.
start 120 35 "$run"
ready "1 Stöttande strukturer"
keys j '>'
check "a move is made" wait_for "Flyttad +1 dag"
pid=$(child_pid)
[ -n "$pid" ] && kill -HUP "$pid"
check "SIGHUP ends it" wait_for "EXIT=129"
check "with the edit in the journal" test -s "$plan.arshjul-journal"
start 120 35 "$run"
check "the next start offers to restore it" wait_for "Osparade ändringar hittades"
keys d
check "d discards the journal" wait_gone "Osparade ändringar hittades"
journal_gone() {
  for _ in $(seq 1 100); do [ ! -e "$plan.arshjul-journal" ] && return 0; sleep 0.05; done
  return 1
}
check "and removes it" journal_gone
keys q
ready "EXIT=0"

# The file changes on disk while it is open (an editor, git pull): saving
# does not overwrite it silently; c saves the edits to a copy beside it.
start 120 35 "$run"
ready "1 Stöttande strukturer"
keys j '>'
ready "Flyttad +1 dag"
python3 - "$plan" <<'PY'
import sys
p = sys.argv[1]
text = open(p, encoding="utf-8").read().replace('"Sörmländska kulturtillgångar 2022"', '"Ändrad av någon annan"', 1)
open(p, "w", encoding="utf-8").write(text)
PY
theirs=$(cat "$plan")
keys s
check "a changed file is not overwritten: the conflict is shown" wait_for "Filen har ändrats på disken"
keys c
check "c saves the edits as a copy" wait_for "Sparad som kopia"
check "the other change is still in the file" test "$(cat "$plan")" = "$theirs"
check "the copy is a valid plan" sh -c "'$BIN' check '$dir'/plan.kopia-*.json >/dev/null"
keys s
check "saving again meets the conflict again" wait_for "Filen har ändrats på disken"
keys o
# ("Sparad" alone would match the copy's notice still on screen: watch the file.)
overwritten() {
  for _ in $(seq 1 100); do grep -q 'Ändrad av någon annan' "$plan" || return 0; sleep 0.05; done
  return 1
}
check "o overwrites on request: the file holds the edit" overwritten
keys q
ready "EXIT=0"

# A second arshjul on the same plan opens read-only.
start 120 35 "$run"
ready "1 Stöttande strukturer"
tmux -S "$SOCK" split-window -t 0 -v "$run"
# Pane 1 is the second arshjul: wait for its screen to change, never a fixed time.
pane1_has() {
  for _ in $(seq 1 200); do tmux -S "$SOCK" capture-pane -p -t 1 | grep -qF -- "$1" && return 0; sleep 0.05; done
  return 1
}
pane1_lacks() {
  for _ in $(seq 1 200); do tmux -S "$SOCK" capture-pane -p -t 1 | grep -qF -- "$1" || return 0; sleep 0.05; done
  return 1
}
check "the second one says it is read-only" pane1_has 'is open in another arshjul'
# Any key clears the notice; an edit key brings it back instead of a form.
tmux -S "$SOCK" send-keys -t 1 l
check "a key clears the notice" pane1_lacks 'is open in another arshjul'
tmux -S "$SOCK" send-keys -t 1 a
check "and refuses edits: a says why" pane1_has 'is open in another arshjul'
check "and opens no form" sh -c "! tmux -S '$SOCK' capture-pane -p -t 1 | grep -q 'Ny aktivitet'"

rm -rf "$dir"
finish "editing-e2e"
