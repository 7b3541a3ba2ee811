#!/usr/bin/env bash
# The iCalendar export read back by real consumers: Python's icalendar,
# vobject, ical and recurring-ical-events (Tests/ics/check_consumers.py),
# calcurse -i and khal import. Every one must accept it with no warning.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/check.sh
ok() { check "$1" true; }
bad() { check "$1" false; }
# libical's own checker, built here from Tests/ics/libical_check.c.
cc -o "$work/libical_check" Tests/ics/libical_check.c $(pkg-config --cflags --libs libical)

for plan in plans/kulturtillgangar-2022.json Tests/ics/tricky-plan.json; do
  name=$(basename "$plan" .json)
  ics="$work/$name.ics"
  "$bin" export ics "$plan" -o "$ics"
  "$bin" agenda "$plan" --format tsv --from 2020-01-01 --to 2033-12-31 >"$work/$name.tsv"
  events=$(grep -c '^BEGIN:VEVENT' "$ics")

  if python3 Tests/ics/check_consumers.py "$ics" "$work/$name.tsv" 2020-01-01 2033-12-31; then
    ok "$name: Python consumers"
  else
    bad "$name: Python consumers"
  fi

  if report=$("$work/libical_check" "$ics" 2>&1); then
    ok "$name: $report"
  else
    bad "$name: libical restriction check: $(echo "$report" | head -3)"
  fi

  mkdir -p "$work/calcurse-$name"
  report=$(calcurse -D "$work/calcurse-$name" -i "$ics" 2>&1)
  counts=$(echo "$report" | grep -E 'apps / .* events / .* skipped' || true)
  apps=$(echo "$counts" | sed -E 's/^([0-9]+) apps.*/\1/')
  evs=$(echo "$counts" | sed -E 's/.* ([0-9]+) events.*/\1/')
  skipped=$(echo "$counts" | sed -E 's/.* ([0-9]+) skipped.*/\1/')
  if [ -n "$counts" ] && [ "$skipped" = 0 ] && [ $((apps + evs)) = "$events" ] && ! echo "$report" | grep -qi 'warning\|error'; then
    ok "$name: calcurse -i imported $((apps + evs)) of $events events"
  else
    bad "$name: calcurse -i: $report"
  fi

  mkdir -p "$work/khal-$name/cal"
  cat >"$work/khal-$name/config" <<CONF
[calendars]
[[plan]]
path = $work/khal-$name/cal
type = calendar
[locale]
default_timezone = Europe/Stockholm
local_timezone = Europe/Stockholm
[default]
default_calendar = plan
CONF
  out=$(khal -c "$work/khal-$name/config" import --batch "$ics" 2>&1)
  stored=$(ls "$work/khal-$name/cal" | wc -l)
  if [ -z "$out" ] && [ "$stored" = "$events" ]; then
    ok "$name: khal import stored $stored of $events events"
  else
    bad "$name: khal import ($stored of $events): $out"
  fi
done
finish "ics-e2e"
