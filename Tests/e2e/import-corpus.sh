#!/usr/bin/env bash
# Other projects' test calendars (icalendar's and recurring-ical-events'
# own, from their PyPI sdists: scripts/test-downloads corpus) through
# `arshjul import`, each compared occurrence by occurrence with
# recurring-ical-events over its year (Tests/ics/check_corpus.py): every
# event at the right time, or named by the import; no crash.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/check.sh

corpus=$(scripts/test-downloads corpus) || { echo "could not download the test calendars"; exit 1; }
count=$(find "$corpus" -name '*.ics' | wc -l)
check "the corpus is there (250+ calendars, found $count)" test "$count" -ge 250
python3 Tests/ics/check_corpus.py "$bin" "$corpus" --at-least 170 >"$work/corpus.txt" 2>&1
status=$?
cat "$work/corpus.txt" | sed 's/^/     /'
check "every calendar comes in at the right times or says what it left out" test "$status" = 0
check "no import crashed" sh -c "! grep -q '^CRASH' '$work/corpus.txt'"
# The property: random weekly and monthly rules in random zones, across both
# changes of daylight saving time, equal to recurring-ical-events'. A new
# seed each run (printed, to rerun a failure with --seed).
python3 Tests/ics/check_zone_property.py "$bin" --cases 150 >"$work/zones.txt" 2>&1
status=$?
tail -n 30 "$work/zones.txt" | sed 's/^/     /'
check "random repeats in random zones land where recurring-ical-events puts them" test "$status" = 0
finish import-corpus
