#!/usr/bin/env bash
# A project across its years (issue 29): three yearly plans opened as one in
# the terminal UI; [ ] walk the years, an edit in 2023 saves only 2023's
# file, every file is locked while open, a new activity goes to the plan of
# its year; agenda and summary read several plans as one.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/lib.sh

mkdir -p "$work/plans"
p=$work/plans
cp plans/kulturtillgangar-2022.json "$p/2022.json"
ARSHJUL_TODAY=2022-12-01 "$bin" new "$p/2023.json" --from "$p/2022.json" >/dev/null
"$bin" new "$p/2021.json" --title "Sörmländska kulturtillgångar 2021" --year 2021 >/dev/null
"$bin" add "$p/2021.json" --title "Förstudie start" --start 2021-09-01 --end 2021-11-30 --theme 1 >/dev/null
sum() { md5sum "$p/$1.json" | cut -d' ' -f1; }
before21=$(sum 2021)
before22=$(sum 2022)

start 120 35 "LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-03-28 $BIN $p/2021.json $p/2022.json $p/2023.json; echo EXIT=\$?"
ready "1 Stöttande strukturer"
check "opens at the year of today, 2022" wait_for "2022 · år"
check "every file is locked while open" sh -c \
  "! '$bin' add '$p/2021.json' --title X --start 2021-05-05 --theme 1 2>&1 | grep -qv 'is open in another arshjul'"
keys '-'
check "- runs the Gantt chart across every year" wait_for "2021–2023"
together() { screen | grep -q 'Förstudie start' && screen | grep -q 'alla år'; }
check "with the years' items together" together
keys '+'
ready "2022 · år"
keys '['
check "[ goes to 2021, with 2021's plan" wait_for "Förstudie start"
keys ']' ']'
check "] ] to 2023" wait_for "2023 · år"
keys Down
ready "\"Avstämning projektledare\" infaller på en helgdag"
keys '>' s
check "an edit in 2023 is saved" wait_for "Sparad"
check "to 2023's file only" sh -c "[ '$(sum 2021)' = '$before21' ] && [ '$(sum 2022)' = '$before22' ]"
check "and 2023's file is a valid plan" sh -c "'$bin' check '$p/2023.json' >/dev/null 2>&1"
keys a
ready "Ny aktivitet"
keys -l "Kulturnatt å ä ö"
keys Enter s
check "a new activity is saved" wait_for "Sparad"
check "in the plan of its year" sh -c "grep -q 'Kulturnatt å ä ö' '$p/2023.json' && ! grep -q Kulturnatt '$p/2022.json' '$p/2021.json'"
keys q
ready "EXIT=0"
check "the locks are gone after" sh -c "'$bin' add '$p/2021.json' --title Efter --start 2021-05-05 --theme 1 >/dev/null"

check "agenda reads the years as one" sh -c \
  "'$bin' agenda '$p/2021.json' '$p/2022.json' --from 2021-11-01 --to 2022-01-12 | grep -q 'Förstudie start' \
   && '$bin' agenda '$p/2021.json' '$p/2022.json' --from 2021-11-01 --to 2022-01-12 | grep -q 'Avstämning projektledare'"
check "summary names both plans" sh -c \
  "'$bin' summary '$p/2021.json' '$p/2022.json' --year 2021 | head -n 1 | grep -qF 'Sörmländska kulturtillgångar 2021 + Sörmländska kulturtillgångar 2022'"
cp "$p/2022.json" "$p/chicago.json"
sed -i 's#"timeZone": "Europe/Stockholm"#"timeZone": "America/Chicago"#' "$p/chicago.json"
check "plans in different zones are not opened as one" sh -c \
  "! '$bin' agenda '$p/2022.json' '$p/chicago.json' 2>&1 | grep -qv 'America/Chicago'"
finish "plans-e2e"
