#!/usr/bin/env bash
# Layers (issue 29) as a planner meets them: the region's meetings (written
# in UTC, as Google exports them) and another arshjul plan added with
# `arshjul layer add`, warned of by `check`, shown in the terminal UI round
# the wheel and under the Gantt chart, hidden with v; a layer file that
# turns to garbage is said and the plan still opens.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/lib.sh

mkdir -p "$work/plans" "$work/kalendrar"
plan=$work/plans/plan.json
cp plans/kulturtillgangar-2022.json "$plan"
# Regionfullmäktige 07:00–14:00 UTC = 09:00–16:00 in Stockholm, the Kulturting's day.
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 'PRODID:-//Region//EN' 'X-WR-CALNAME:Regionens sammanträden' \
  BEGIN:VEVENT UID:rf@region SUMMARY:Regionfullmäktige DTSTART:20221020T070000Z DTEND:20221020T140000Z END:VEVENT \
  END:VCALENDAR >"$work/kalendrar/region.ics"
other=$work/kalendrar/skolan.json
"$bin" new "$other" --title "Skolornas plan" --year 2022 >/dev/null
"$bin" add "$other" --title "Höstlov" --start 2022-10-31 --end 2022-11-04 --theme 1 >/dev/null

check "layer add keeps the calendar relative to the plan" sh -c \
  "'$bin' layer add '$plan' '$work/kalendrar/region.ics' --busy | grep -qF 'Added the layer \"Regionens sammanträden\"' \
   && grep -qF '\"source\": \"../kalendrar/region.ics\"' '$plan'"
check "another plan is a layer too" sh -c "'$bin' layer add '$plan' '$other' | grep -qF 'Skolornas plan'"
check "check warns of the clash with the busy layer (exit 0)" sh -c \
  "'$bin' check '$plan' 2>&1 | grep -qF 'warning: \"Kulturting Sörmland\" 20 okt 2022 krockar med Regionfullmäktige (Regionens sammanträden)'"
check "and not of the layer that is not busy" sh -c "! '$bin' check '$plan' 2>&1 | grep -qF 'Höstlov'"

start 120 35 "LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-10-31 $BIN $plan; echo EXIT=\$?"
ready "1 Stöttande strukturer"
check "the Gantt chart has the layers' lanes under the themes" wait_for "─ Lager ─"
lanes() { screen | grep -q '^▒ Regionens sammanträden' && screen | grep -q '^▒ Skolornas plan'; }
check "one per layer, by name" lanes
keys w
check "the wheel's legend names the layers" wait_for "▒▒ Skolornas plan"
check "the panel tells the week's layer events" wait_for "31 okt–4 nov Höstlov (Skolornas plan)"
keys / K u l t u r t i n g Enter
check "the Kulturting is warned of in the status line" \
  wait_for "⚠ krockar med Regionfullmäktige (Regionens sammanträden) · Kulturting Sörmland"
keys Escape v
check "v hides the layers" wait_for "Lagren dolda (v visar dem)"
check "and they are gone from the legend" wait_gone "▒▒ Skolornas plan"
keys v
check "v shows them again" wait_for "▒▒ Skolornas plan"
resize 60 16
check "small, the wheel still names them" wait_for "▒▒ Regionens sammanträden"
resize 120 35
keys q
ready "EXIT=0"

# The calendar turns to garbage: said in the status line; the plan opens.
printf 'not a calendar\n' >"$work/kalendrar/region.ics"
start 120 35 "LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_TODAY=2022-10-31 $BIN $plan; echo EXIT=\$?"
ready "1 Stöttande strukturer"
check "a layer that cannot be read is said, the plan opens" wait_for "Lagret \"Regionens sammanträden\" går inte att läsa"
check "its lane is marked" wait_for "▒ Regionens sammanträden ⚠"
keys q
ready "EXIT=0"
check "layer list says it is unavailable" sh -c "'$bin' layer list '$plan' | grep -q 'regionens-sammantraden.*unavailable'"
check "layer remove takes it out" sh -c "'$bin' layer remove '$plan' regionens-sammantraden >/dev/null && ! grep -q region.ics '$plan'"

finish "layers-e2e"
