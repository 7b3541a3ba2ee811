#!/usr/bin/env bash
# Two planners, one plan, real git: two clones of one bare repository, each
# set up with `arshjul git-setup`, edit the example plan on the same day and
# pull each other's work. Different items and fields merge cleanly; the same
# field changed on both sides stops the pull with a recorded conflict that
# `check` names, the UI (tmux) resolves and `git commit` finishes.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/lib.sh
root=$(pwd)
export PATH="$root/.build/debug:$PATH" # git runs `arshjul merge` and `arshjul textconv`
export GIT_AUTHOR_NAME=Planner GIT_AUTHOR_EMAIL=planner@example.org
export GIT_COMMITTER_NAME=Planner GIT_COMMITTER_EMAIL=planner@example.org
export ARSHJUL_TODAY=2022-03-28
q() { git -C "$1" "${@:2}" >/dev/null 2>&1; }

git init -q --bare "$work/plan.git"
git clone -q "$work/plan.git" "$work/anna" 2>/dev/null
cp plans/kulturtillgangar-2022.json "$work/anna/plan.json"
(cd "$work/anna" && git add plan.json && git commit -qm "Årshjulet 2022" && git push -q origin HEAD 2>/dev/null)
check "git-setup says what it set up" sh -c "cd '$work/anna' && arshjul git-setup plan.json | grep -q 'merge=arshjul diff=arshjul'"
check "git-setup is idempotent" sh -c "cd '$work/anna' && arshjul git-setup plan.json | grep -q 'already set up'"
check ".gitattributes names the plan" grep -qx '/plan.json merge=arshjul diff=arshjul' "$work/anna/.gitattributes"
check ".gitignore keeps the plan's lock and the journal out" grep -qx '/plan.json.lock' "$work/anna/.gitignore"
check "but not every lock file of the repository" sh -c "cd '$work/anna' && ! git check-ignore -q Cargo.lock"
(cd "$work/anna" && git add .gitattributes .gitignore && git commit -qm "arshjul git-setup" && git push -q origin HEAD 2>/dev/null)
git clone -q "$work/plan.git" "$work/bo" 2>/dev/null
(cd "$work/bo" && arshjul git-setup plan.json >/dev/null)

edit() { # edit CLONE PYTHON-EXPRESSION-ON-p
  python3 - "$1/plan.json" "$2" <<'PY'
import json, sys
path, code = sys.argv[1], sys.argv[2]
p = json.load(open(path, encoding="utf-8"))
def act(i):
    return next(a for a in p["activities"] if a["id"] == i)
exec(code)
with open(path, "w", encoding="utf-8") as f:
    json.dump(p, f, indent=2, sort_keys=True, ensure_ascii=False)
    f.write("\n")
PY
}

# Same day: Anna moves one activity and adds one; Bo changes another field
# of the same activity, edits a second one, deletes a third.
edit "$work/anna" 'act("styrgruppsmote")["location"] = "Stadshuset, Eskilstuna"'
arshjul add "$work/anna/plan.json" --title "Läsecirkel på biblioteket" --theme 3 --start 2022-10-06 >/dev/null
(cd "$work/anna" && git commit -qam "Anna: plats och läsecirkel" && git push -q origin HEAD 2>/dev/null)
edit "$work/bo" 'act("styrgruppsmote")["owner"] = "Bo Berg"; act("nyhetsbrev")["title"] = "Nyhetsbrev till kulturaktörerna"; p["activities"] = [a for a in p["activities"] if a["id"] != "sommartraff-trosa"]'
(cd "$work/bo" && git commit -qam "Bo: ansvarig, rubrik, sommarträffen struken")
check "Bo's pull merges cleanly" sh -c "cd '$work/bo' && git pull -q --no-rebase --no-edit origin HEAD 2>&1"
check "the merged plan is clean" arshjul check "$work/bo/plan.json"
check "Anna's place is in it" grep -q '"location": "Stadshuset, Eskilstuna"' "$work/bo/plan.json"
check "Bo's owner is in it" grep -q '"owner": "Bo Berg"' "$work/bo/plan.json"
check "Anna's new activity is in it" grep -q '"title": "Läsecirkel på biblioteket"' "$work/bo/plan.json"
check "Bo's delete holds" sh -c "! grep -q sommartraff-trosa '$work/bo/plan.json'"
(cd "$work/bo" && git push -q origin HEAD 2>/dev/null)
check "Anna pulls it all back, fast-forward" sh -c "cd '$work/anna' && git pull -q --no-rebase --no-edit origin HEAD 2>&1 && arshjul check plan.json >/dev/null"

# The history reads in words, not JSON.
log=$(cd "$work/anna" && git log -p -n 3 --format=%s -- plan.json)
check "git log -p shows the line form" sh -c "echo \"\$0\" | grep -q '^+.*Läsecirkel på biblioteket – 6 okt 2022'" "$log"
check "and no JSON braces" sh -c "! echo \"\$0\" | grep -q '^[-+] *\"'" "$log"
check "arshjul diff --since shows the changes" sh -c "cd '$work/anna' && arshjul diff plan.json --since HEAD~2 | grep -q 'Nyhetsbrev till kulturaktörerna'"
check "diff --since an unknown revision: one line, exit 2" sh -c "cd '$work/anna' && out=\$(arshjul diff plan.json --since nosuchrev 2>&1); [ \$? = 2 ] && [ \$(echo \"\$out\" | wc -l) = 1 ]"

# Both change the same field: the pull stops with a conflict.
edit "$work/anna" 'act("styrgruppsmote")["start"] = "2022-02-16"; act("styrgruppsmote")["end"] = "2022-02-16"'
(cd "$work/anna" && git commit -qam "Anna: styrgruppen 16 feb" && git push -q origin HEAD 2>/dev/null)
edit "$work/bo" 'act("styrgruppsmote")["start"] = "2022-02-23"; act("styrgruppsmote")["end"] = "2022-02-23"'
(cd "$work/bo" && git commit -qam "Bo: styrgruppen 23 feb")
out=$(cd "$work/bo" && git pull --no-rebase --no-edit origin HEAD 2>&1)
check "the pull stops with a conflict" sh -c "echo \"\$0\" | grep -q 'CONFLICT'" "$out"
check "the file is still valid JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/bo/plan.json"
arshjul check "$work/bo/plan.json" >"$work/check.out" 2>&1
check "arshjul check exits 1" test $? = 1
check "naming the conflict with its place" grep -qE 'plan.json:[0-9]+:[0-9]+: error: unresolved merge conflict: Styrgruppsmöte \(activity\), start: ours 23 Feb 2022 – .+ 16 Feb 2022' "$work/check.out"
check "a commit with the conflict in it is refused" sh -c "cd '$work/bo' && git add plan.json && ! git commit -qm x 2>/dev/null"

start 120 35 "cd '$work/bo' && LANG=C.UTF-8 TERM=xterm-256color arshjul plan.json; echo EXIT=\$?"
check "the UI opens on the conflict list" wait_for "Konflikter att lösa"
check "both values side by side in words" wait_for "deras: 16 feb 2022"
keys t
check "t takes their end and start together: none left" wait_for "Alla konflikter lösta"
keys s
check "saved" wait_for "Sparad"
keys q
ready "EXIT=0"
check "the plan is clean now" arshjul check "$work/bo/plan.json"
check "with their date" grep -q '"start": "2022-02-16"' "$work/bo/plan.json"
check "git commit finishes the merge" sh -c "cd '$work/bo' && git add plan.json && git commit -qm 'Merge: styrgruppen 16 feb' && git push -q origin HEAD 2>/dev/null"

# Layers (issue 29) are merged by id like the items: each adds one, both stay.
(cd "$work/anna" && git pull -q --no-rebase --no-edit origin HEAD 2>/dev/null)
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 'PRODID:-//x//EN' 'X-WR-CALNAME:Skollov' BEGIN:VEVENT UID:1@x SUMMARY:Höstlov \
  'DTSTART;VALUE=DATE:20221031' 'DTEND;VALUE=DATE:20221105' END:VEVENT END:VCALENDAR >"$work/anna/lov.ics"
(cd "$work/anna" && arshjul layer add plan.json lov.ics >/dev/null && git add lov.ics plan.json && git commit -qm "Anna: skollov" && git push -q origin HEAD 2>/dev/null)
sed 's/Skollov/Regionen/' "$work/anna/lov.ics" >"$work/bo/region.ics"
(cd "$work/bo" && arshjul layer add plan.json region.ics --busy >/dev/null && git add region.ics plan.json && git commit -qm "Bo: regionen")
check "Bo's pull merges the two layers cleanly" sh -c "cd '$work/bo' && git pull -q --no-rebase --no-edit origin HEAD 2>&1"
check "both are there, each as its side made it" sh -c \
  "cd '$work/bo' && arshjul layer list plan.json | grep -q '^skollov	Skollov	shown	lov.ics	1 events' && arshjul layer list plan.json | grep -q '^regionen	Regionen	busy	region.ics	1 events'"
(cd "$work/bo" && git push -q origin HEAD 2>/dev/null)

# A branch that carries a recorded conflict (committed past the hook):
# merging it names the plan and the side, never git's temp file, and
# leaves a working copy that check refuses, with both sides' edits in it.
(cd "$work/bo" && git checkout -q -b utkast)
edit "$work/bo" 'act("nyhetsbrev")["owner"] = "Utkast"; p["conflicts"] = [{"field": "owner", "id": "nyhetsbrev", "kind": "activity", "ours": "Utkast", "theirs": "Annan"}]'
(cd "$work/bo" && git commit -q --no-verify -am "utkast med konflikt" && git checkout -q main 2>/dev/null || git checkout -q master)
edit "$work/bo" 'act("kulturting")["location"] = "Nyköpings teater"'
(cd "$work/bo" && git commit -qam "Bo: kulturtinget på teatern")
out=$(cd "$work/bo" && git merge --no-edit utkast 2>&1)
check "merging a side with recorded conflicts stops" sh -c "echo \"\$0\" | grep -q 'CONFLICT'" "$out"
check "it names the plan, not git's temp file" sh -c "echo \"\$0\" | grep -q 'arshjul merge: plan.json: their side' && ! echo \"\$0\" | grep -q 'merge_file'" "$out"
arshjul check "$work/bo/plan.json" >/dev/null 2>&1
check "check refuses the working copy" test $? = 1
check "our edit is in it" grep -q '"location": "Nyköpings teater"' "$work/bo/plan.json"
check "their edit is kept beside it" grep -q '"owner": "Utkast"' "$work/bo/plan.json"
check "the hook refuses to commit it" sh -c "cd '$work/bo' && git add plan.json && ! git commit -qm x 2>/dev/null"
(cd "$work/bo" && git merge --abort)

# Bad input to the driver: exit 2, OURS untouched.
printf 'not a plan\n' >"$work/x.json"
cp "$work/bo/plan.json" "$work/ours.json"
before=$(cat "$work/ours.json")
arshjul merge "$work/x.json" "$work/ours.json" "$work/bo/plan.json" >/dev/null 2>&1
check "merge of a file that is not a plan: exit 2" test $? = 2
check "and OURS is untouched" test "$(cat "$work/ours.json")" = "$before"
finish "git-merge-e2e"
