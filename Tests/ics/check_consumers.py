#!/usr/bin/env python3
"""Feed an arshjul iCalendar export to real consumers and compare their
expansion of repeats with arshjul's own (`arshjul agenda --format tsv`).

usage: check_consumers.py EXPORT.ics AGENDA.tsv FROM TO
Any Python warning counts as a failure: consumers must accept it cleanly.
"""
import datetime as dt
import sys
import warnings

warnings.simplefilter("error")

import icalendar  # noqa: E402
import recurring_ical_events  # noqa: E402
import vobject  # noqa: E402
from ical.calendar_stream import IcsCalendarStream  # noqa: E402

ics_path, agenda_path, first, last = sys.argv[1:5]
with open(ics_path, "rb") as f:
    raw = f.read()
text = raw.decode("utf-8")
start = dt.date.fromisoformat(first)
end = dt.date.fromisoformat(last) + dt.timedelta(days=1)
failures = []
passed = 0


def check(name, ok, detail=""):
    global passed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failures.append(name)
        print(f"FAIL {name} {detail}")


# The raw form: CRLF only, lines at most 75 octets, no BOM.
lines = raw.split(b"\r\n")
check("no BOM", not raw.startswith(b"\xef\xbb\xbf"))
check("CRLF line ends", b"\n" not in raw.replace(b"\r\n", b""))
check("lines fold at 75 octets", all(len(l) <= 75 for l in lines), max(len(l) for l in lines))

# icalendar: parse, no parse errors anywhere.
cal = icalendar.Calendar.from_ical(raw)
errors = [(c.name, c.errors) for c in cal.walk() if c.errors]
check("icalendar parses without errors", not errors, errors)
try:
    cal.validate()  # required properties and components
    check("icalendar validates the calendar", True)
except Exception as e:  # noqa: BLE001
    check("icalendar validates the calendar", False, e)
events = cal.walk("VEVENT")
check("icalendar round-trips every event", len(events) == text.count("BEGIN:VEVENT"))

# vobject with validation.
v = vobject.readOne(text, validate=True)
check("vobject validates", v.name == "VCALENDAR")
for ev in v.vevent_list:
    ev.getrruleset()  # raises on a bad RRULE/EXDATE
check("vobject reads every rule", True)

# ical (allenporter): a strict pydantic model of RFC 5545.
ical_cal = IcsCalendarStream.calendar_from_ics(text)
check("ical parses", len(ical_cal.events) == len(events), (len(ical_cal.events), len(events)))

# The expansion: recurring-ical-events and ical must both agree with arshjul, date by date.
expected = set()
with open(agenda_path, encoding="utf-8") as f:
    for row in f:
        cols = row.rstrip("\n").split("\t")
        expected.add((cols[4], cols[0]))


def item_id(uid):
    return str(uid).split("@")[0].rsplit("-", 5)[0]


def day_of(value):
    return value.date() if isinstance(value, dt.datetime) else value


got = set()
for occ in recurring_ical_events.of(cal).between(start, end):
    got.add((item_id(occ["UID"]), day_of(occ["DTSTART"].dt).isoformat()))
check(
    "recurring-ical-events expands as arshjul does",
    got == expected,
    f"\n  only arshjul: {sorted(expected - got)}\n  only recurring-ical-events: {sorted(got - expected)}",
)

import zoneinfo  # noqa: E402

stockholm = zoneinfo.ZoneInfo("Europe/Stockholm")
got_ical = set()
for ev in ical_cal.timeline_tz(stockholm).overlapping(
    dt.datetime.combine(start, dt.time(), stockholm), dt.datetime.combine(end, dt.time(), stockholm)
):
    got_ical.add((item_id(ev.uid), day_of(ev.dtstart).isoformat()))
check(
    "ical expands as arshjul does",
    got_ical == expected,
    f"\n  only arshjul: {sorted(expected - got_ical)}\n  only ical: {sorted(got_ical - expected)}",
)

print(f"ics-consumers: {passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
