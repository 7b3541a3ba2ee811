"""The occurrences of an imported calendar, as recurring-ical-events expands
the source file and arshjul's export of the plan it was imported into, must
be the same in the year, event by event (by title, start and end), except
for the events the import reported as skipped (their UIDs given).

usage: check_import.py SOURCE.ics EXPORTED.ics YEAR [SKIPPED-UID ...]
"""
import datetime, sys
import icalendar, recurring_ical_events
from plan_time import norm

source, exported, year = sys.argv[1], sys.argv[2], int(sys.argv[3])
skipped = set(sys.argv[4:])


def occurrences(path, skip):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    out = []
    for e in recurring_ical_events.of(cal).between((year, 1, 1), (year + 1, 1, 1)):
        if str(e.get("UID", "")) in skip:
            continue
        summary = str(e.get("SUMMARY", ""))
        if e.get("X-ARSHJUL-KIND") == "milestone":
            continue
        start = e.get("DTSTART").dt
        end = e.get("DTEND").dt if e.get("DTEND") else None
        if end is None and e.get("DURATION"):
            end = start + e.get("DURATION").dt
        if end is None:  # RFC 5545: a DATE lasts its day, a DATE-TIME no time
            end = start if isinstance(start, datetime.datetime) else start + datetime.timedelta(days=1)
        # calcurse writes a whole day as 00:00 plus 23:59: the plan has a day.
        if isinstance(start, datetime.datetime) and (start.hour, start.minute) == (0, 0) and end - start >= datetime.timedelta(hours=23, minutes=59):
            start, end = start.date(), (end - datetime.timedelta(minutes=1)).date() + datetime.timedelta(days=1)
        out.append((summary, norm(start), norm(end) if end is not None else ""))
    return sorted(out)


a = occurrences(source, skipped)
b = occurrences(exported, set())
if a != b:
    only_a = [x for x in a if x not in b]
    only_b = [x for x in b if x not in a]
    print("source only:", only_a[:8])
    print("plan only:", only_b[:8])
    sys.exit(1)
print("%d occurrences alike" % len(a))
