#!/usr/bin/env bash
# Dates in from other programs: iCalendar files in the shapes Google Calendar
# and Outlook write (Tests/ics/import), one exported by calcurse, one written
# by Python's icalendar, and spreadsheets written by Python's csv module.
# Each import brings every event the plan can say (the occurrences of the
# year compared by recurring-ical-events), reports the rest, and a second
# import of the same file changes nothing.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/check.sh
export ARSHJUL_TODAY=2022-03-28 ARSHJUL_STAMP=1669291200

# A calcurse export: appointments (no UID, floating DURATION) and a day event.
mkdir -p "$work/calcurse"
cat >"$work/calcurse/apts" <<'APTS'
03/14/2022 @ 10:00 -> 03/14/2022 @ 11:30 |Planeringsmöte med kommunerna
05/17/2022 [1] Kulturnatt i Nyköping
09/01/2022 @ 00:00 -> 09/01/2022 @ 23:59 |Heldag: uppstart
APTS
calcurse -D "$work/calcurse" -x >"$work/calcurse.ics"
# One written by Python's icalendar, with a zone of its own and categories.
python3 - "$work/python.ics" <<'PY'
import datetime, sys, zoneinfo, icalendar
cal = icalendar.Calendar()
cal.add("prodid", "-//python icalendar//test//")
cal.add("version", "2.0")
z = zoneinfo.ZoneInfo("Europe/Stockholm")
e = icalendar.Event()
e.add("uid", "py-1@example.org")
e.add("summary", "Läsecirkel, Flen; höst")
e.add("dtstart", datetime.datetime(2022, 9, 6, 18, 0, tzinfo=z))
e.add("dtend", datetime.datetime(2022, 9, 6, 19, 30, tzinfo=z))
e.add("rrule", {"freq": "weekly", "interval": 2, "count": 6})
e.add("categories", ["Mötesplatser"])
e.add("location", "Biblioteket, Flen")
e.add("dtstamp", datetime.datetime(2022, 1, 1, tzinfo=datetime.timezone.utc))
cal.add_component(e)
open(sys.argv[1], "wb").write(cal.to_ical())
PY

# And one written by vobject: a monthly rule on a date, with an EXDATE.
python3 - "$work/vobject.ics" <<'PY'
import datetime, sys, vobject
cal = vobject.iCalendar()
e = cal.add("vevent")
e.add("uid").value = "vobject-1@example.org"
e.add("summary").value = "Månadsrapport"
e.add("dtstart").value = datetime.date(2022, 1, 25)
e.add("dtend").value = datetime.date(2022, 1, 26)
e.add("rrule").value = "FREQ=MONTHLY;BYMONTHDAY=25;UNTIL=20221225"
e.add("exdate").value = [datetime.date(2022, 7, 25)]
e.add("dtstamp").value = datetime.datetime(2022, 1, 1, tzinfo=vobject.icalendar.utc)
open(sys.argv[1], "w").write(cal.serialize())
PY

# And one khal wrote: `khal new` stores an .ics file in its vdir.
mkdir -p "$work/khal/cal"
cat >"$work/khal/config" <<CONF
[calendars]
[[plan]]
path = $work/khal/cal
type = calendar
[locale]
default_timezone = Europe/Stockholm
local_timezone = Europe/Stockholm
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
timeformat = %H:%M
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = plan
CONF
khal -c "$work/khal/config" new 2022-10-10 13:00 14:30 "Khal-möte om läsfrämjande" >/dev/null 2>&1
cp "$(ls "$work"/khal/cal/*.ics | head -n 1)" "$work/khal.ics"

plan="$work/plan.json"
"$bin" new "$plan" --title "Importerat" --year 2022 >/dev/null
for f in Tests/ics/import/google.ics Tests/ics/import/outlook.ics "$work/calcurse.ics" "$work/python.ics" "$work/vobject.ics" "$work/khal.ics"; do
  name=$(basename "$f")
  out=$("$bin" import "$plan" "$f" --theme 1 2>&1)
  check "$name: imported" test $? = 0
  skipped=$(echo "$out" | sed -n 's/^  skipped: \([^ ]*\) .*/\1/p')
  before=$(cat "$plan")
  again=$("$bin" import "$plan" "$f" --theme 1 2>&1)
  check "$name: a second import changes nothing" sh -c "echo \"\$0\" | grep -q '^0 new, 0 changed'" "$again"
  check "$name: the plan file is byte-identical after it" test "$(cat "$plan")" = "$before"
  # The plan holds only this file's events: compare just those.
  one="$work/one-$name.json"
  "$bin" new "$one" --title "En" --year 2022 >/dev/null
  "$bin" import "$one" "$f" --theme 1 >/dev/null 2>&1
  "$bin" export ics "$one" -o "$work/one-$name.ics"
  if res=$(python3 Tests/ics/check_import.py "$f" "$work/one-$name.ics" 2022 $skipped 2>&1); then
    check "$name: occurrences alike ($res)" true
  else
    check "$name: occurrences alike: $res" false
  fi
done
check "Google: the multi-weekday rule is reported" sh -c "'$bin' import '$plan' Tests/ics/import/google.ics --dry-run | grep -q 'skipped: 9f8e7d6c5b4a@google.com \"Incheckning\": weekly on several days'"
check "Outlook: the VTODO is counted" sh -c "'$bin' import '$plan' Tests/ics/import/outlook.ics --dry-run | grep -q '1 VTODO skipped'"
check "Outlook: the Windows zone is read from the file's VTIMEZONE" sh -c "'$bin' agenda '$plan' | grep -q 'ti 5 apr .*09.30–12.00 Kulturchefsnätverk'"
"$bin" agenda "$plan" --format tsv >"$work/agenda.tsv"
check "calcurse: a 00:00 + 23:59 day is all-day" grep -qP '^2022-09-01\t2022-09-01\t\t\t.*Heldag: uppstart' "$work/agenda.tsv"

# An event gone from a file imported before is reported, not deleted.
python3 - Tests/ics/import/google.ics "$work/google.ics" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
start = text.index("BEGIN:VEVENT\nDTSTART:20220315T120000Z")
end = text.index("END:VEVENT\n", start) + len("END:VEVENT\n")
open(sys.argv[2], "w", encoding="utf-8").write(text[:start] + text[end:])
PY
out=$("$bin" import "$plan" "$work/google.ics" --theme 1)
check "an event gone from the file is reported, and kept" sh -c "echo \"\$0\" | grep -q 'no longer in the file (kept in the plan): Lunchmöte (UTC)' && grep -q 'Lunchmöte (UTC)' '$plan'" "$out"

# --expand brings the rules the plan cannot say in as single occurrences.
exp="$work/expand.json"
"$bin" new "$exp" --title "Expand" --year 2022 >/dev/null
"$bin" import "$exp" Tests/ics/import/google.ics --theme 1 --expand >/dev/null
"$bin" export ics "$exp" -o "$work/expand.ics"
if res=$(python3 Tests/ics/check_import.py Tests/ics/import/google.ics "$work/expand.ics" 2022 2>&1); then
  check "--expand: every occurrence, the moved one moved ($res)" true
else
  check "--expand: occurrences alike: $res" false
fi
check "--expand twice doubles nothing" sh -c "'$bin' import '$exp' Tests/ics/import/google.ics --theme 1 --expand | grep -q '^0 new, 0 changed'"

# Our own export imported back into the same plan: byte-identical.
cp plans/kulturtillgangar-2022.json "$work/own.json"
"$bin" export ics "$work/own.json" -o "$work/own.ics"
"$bin" import "$work/own.json" "$work/own.ics" >/dev/null
check "export ics then import: the plan is byte-identical" cmp -s "$work/own.json" plans/kulturtillgangar-2022.json
"$bin" export csv "$work/own.json" -o "$work/own.csv"
"$bin" import "$work/own.json" "$work/own.csv" >/dev/null
check "export csv then import: byte-identical" cmp -s "$work/own.json" plans/kulturtillgangar-2022.json
check "the CSV has Excel's BOM and semicolons" python3 -c "import sys; sys.exit(0 if open(sys.argv[1], 'rb').read().startswith('\ufeffTitel;Tema;Start;Slut'.encode()) else 1)" "$work/own.csv"

# Spreadsheets written by Python's csv module, in both dialects.
python3 - "$work" <<'PY'
import csv, sys
d = sys.argv[1]
rows = [["Kulturkafé", "Samverkan", "2022-10-04", "", "14:00-15:30", "Anna", "Eskilstuna", "planerad", "Med fika; \"ta med\"\nbok"],
        ["Bokcirkel", "3", "8/11", "8/11", "1800-1930", "", "", "", ""]]
with open(f"{d}/semi.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["Titel", "Tema", "Start", "Slut", "Tid", "Ansvarig", "Plats", "Status", "Anteckning"])
    w.writerows(rows)
with open(f"{d}/comma.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["notes", "START", "Title", "theme", "time", "location"])
    w.writerow(["English headers, reordered", "2022-11-15", "Workshop", "Mötesplatser", "9:00-12:00", "Strängnäs"])
with open(f"{d}/excel-serial.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["Titel", "Tema", "Start"])
    w.writerow(["Datum som tal", "1", "44805"])
PY
csvplan="$work/csv.json"
"$bin" new "$csvplan" --title "CSV" --year 2022 >/dev/null
check "semicolons, BOM, Swedish headers" sh -c "'$bin' import '$csvplan' '$work/semi.csv' | grep -q '^2 new'"
check "commas, English headers in another order" sh -c "'$bin' import '$csvplan' '$work/comma.csv' | grep -q '^1 new'"
check "the quoted note with a line break came through" grep -q '"notes": "Med fika; \\"ta med\\"\\nbok"' "$csvplan"
check "a second import adds nothing" sh -c "'$bin' import '$csvplan' '$work/semi.csv' '$work/comma.csv' | grep -q '^0 new, 0 changed, 3 unchanged'"
before=$(cat "$csvplan")
out=$("$bin" import "$csvplan" "$work/excel-serial.csv" 2>&1)
check "an Excel date number is refused with a hint" sh -c "echo \"\$0\" | grep -q 'excel-serial.csv:2: error: Start \"44805\" is an Excel date number'" "$out"
check "and nothing is written" test "$(cat "$csvplan")" = "$before"

# Broken calendar files: FILE:LINE errors, nothing written.
head -n 30 Tests/ics/import/google.ics >"$work/cut.ics"
out=$("$bin" import "$plan" "$work/cut.ics" --theme 1 2>&1)
check "a cut-short file: exit 1" test $? = 1
check "with FILE:LINE: error" sh -c "echo \"\$0\" | grep -q 'cut.ics:30: error: the file ends inside BEGIN:VEVENT'" "$out"
printf 'hello\n' >"$work/not.ics"
check "not iCalendar: one line" sh -c "'$bin' import '$plan' '$work/not.ics' 2>&1 | grep -q 'not.ics:1: error'"
finish "import-e2e"
