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
keys l
ready "Kulturting Sörmland"
keys Down
check "the list has the layers' events as marked rows" wait_for "▒ 09.00–16.00 Regionfullmäktige"
check "one is selected and told" wait_for "▒ Regionfullmäktige · 20 okt 2022 09.00–16.00 · v. 42 · lager Regionens sammanträden"
keys Enter
check "Enter on it says where it belongs" wait_for "hör till lagret Regionens sammanträden (../kalendrar/region.ics)"
keys w
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

# A calendar feed over http on this machine (https elsewhere), cached under
# XDG_CACHE_HOME: a conditional GET the second time, the copy used when the
# server is gone, and a login page never taken for the calendar.
export XDG_CACHE_HOME=$work/cache
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 'PRODID:-//Region//EN' 'X-WR-CALNAME:Regionens kalender' \
  BEGIN:VEVENT UID:rs@region SUMMARY:Regionstyrelsen DTSTART:20221020T070000Z DTEND:20221020T080000Z END:VEVENT \
  END:VCALENDAR >"$work/feed.ics"
: >"$work/feed.log"
python3 Tests/e2e/feed_server.py "$work/feed.ics" "$work/feed.log" >"$work/feed.port" &
feed_pid=$!
at_exit+=("kill $feed_pid 2>/dev/null || true")
await "the feed server listens" 10 test -s "$work/feed.port"
url="http://127.0.0.1:$(cat "$work/feed.port")/feed.ics"
before=$(ls "$work/plans" | sort)
check "layer add fetches the feed and names it by its calendar" sh -c \
  "'$bin' layer add '$plan' '$url' --busy | grep -qF 'Added the layer \"Regionens kalender\" (regionens-kalender): 1 events, busy'"
check "the plan keeps the address" grep -qF "\"source\": \"$url\"" "$plan"
cached=$(ls "$work/cache/arshjul/feeds/"*.ics 2>/dev/null | head -n 1)
check "the copy is in the user's cache, for the owner only" sh -c "[ -n '$cached' ] && [ \$(stat -c %a '$cached') = 600 ]"
check "and nothing new beside the plan" test "$(ls "$work/plans" | sort)" = "$before"
check "layer refresh asks with the ETag and the server says 304" sh -c \
  "'$bin' layer refresh '$plan' | grep -qF 'regionens-kalender: not changed' && tail -n 1 '$work/feed.log' | grep -q ' 304\$' \
   && ! tail -n 1 '$work/feed.log' | grep -q 'GET /feed.ics - '"
check "check warns of the feed's event" sh -c \
  "'$bin' check '$plan' 2>&1 | grep -qF 'krockar med Regionstyrelsen (Regionens kalender)'"
printf '<html><body>Logga in</body></html>\n' >"$work/feed.ics"
check "a login page is never taken for the calendar" sh -c \
  "! '$bin' layer refresh '$plan' >'$work/refresh.out'; grep -qF 'the answer is not a calendar' '$work/refresh.out' \
   && grep -qF BEGIN:VCALENDAR '$cached'"
kill $feed_pid
await "the feed server is gone" 10 sh -c "! kill -0 $feed_pid 2>/dev/null"
check "a refresh without the server exits 1 and says why" sh -c \
  "! '$bin' layer refresh '$plan' >'$work/refresh.out'; grep -qF 'regionens-kalender: unavailable: cannot reach 127.0.0.1' '$work/refresh.out'"
check "layer list tells since when, and that the copy shows" sh -c \
  "'$bin' layer list '$plan' | grep -q 'regionens-kalender.*1 events; unavailable since .*, the copy of .* shows'"
check "check still warns from the copy" sh -c "'$bin' check '$plan' 2>&1 | grep -qF 'krockar med Regionstyrelsen'"
start 120 35 "LANG=C.UTF-8 TERM=xterm-256color XDG_CACHE_HOME=$work/cache ARSHJUL_TODAY=2022-10-20 $BIN $plan; echo EXIT=\$?"
ready "1 Stöttande strukturer"
check "the UI opens at once and says the feed is unavailable since … with its copy" \
  wait_for "Lagret \"Regionens kalender\" nås inte sedan"
check "its lane is marked and still shows the copy" wait_for "▒ Regionens kalender ⚠"
keys q
ready "EXIT=0"

finish "layers-e2e"
