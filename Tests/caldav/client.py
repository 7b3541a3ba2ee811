"""The other calendar client in the CalDAV tests: Python's caldav library,
doing what a planner's calendar app does to the events arshjul put there.

usage: client.py URL USER PASSWORD COMMAND ARGS...
  compare EXPORT.ics         every event of the export is on the server, alike
  count                      how many events the calendar holds
  uids                       the UIDs, one a line
  set UIDPART PROP VALUE     change a property (SUMMARY, LOCATION) of the event whose UID starts with UIDPART
  shift UIDPART HOURS        move the event (DTSTART and DTEND) by hours
  delete UIDPART             delete the event
  move-one UIDPART DAY NEWDAY  move one occurrence of a repeating event (RECURRENCE-ID)
  add-foreign TITLE DAY      a new event made in the calendar app
"""
import datetime, sys
import caldav, icalendar

url, user, password, command, *args = sys.argv[1:]
client = caldav.DAVClient(url=url, username=user or None, password=password or None)
cal = client.calendar(url=url)


def find(part):
    for e in cal.events():
        if str(e.icalendar_component.get("UID")).startswith(part):
            return e
    sys.exit(f"no event with a UID starting {part}")


def key(c):
    def v(name):
        x = c.get(name)
        if x is None:
            return None
        return x.to_ical().decode() if hasattr(x, "to_ical") else str(x)
    return (str(c.get("SUMMARY")), v("DTSTART"), v("DTEND"), v("RRULE"), v("LOCATION"), str(c.get("DESCRIPTION", "")))


if command == "compare":
    exported = icalendar.Calendar.from_ical(open(args[0], "rb").read())
    want = {str(c.get("UID")): key(c) for c in exported.walk("VEVENT")}
    have = {}
    for e in cal.events():
        for c in e.icalendar_instance.walk("VEVENT"):
            have[str(c.get("UID"))] = key(c)
    missing = [u for u in want if u not in have]
    differ = [u for u in want if u in have and have[u] != want[u]]
    if missing or differ or len(have) != len(want):
        print("missing:", missing[:5], "differ:", [(u, want[u], have[u]) for u in differ[:2]], "count:", len(have), len(want))
        sys.exit(1)
    print(f"{len(want)} events alike")
elif command == "count":
    print(len(cal.events()))
elif command == "uids":
    for e in cal.events():
        print(e.icalendar_component.get("UID"))
elif command == "set":
    e = find(args[0])
    c = e.icalendar_component
    c[args[1]] = args[2]
    e.save()
elif command == "shift":
    e = find(args[0])
    c = e.icalendar_component
    hours = datetime.timedelta(hours=float(args[1]))
    start, end = c.decoded("DTSTART") + hours, c.decoded("DTEND") + hours
    del c["DTSTART"], c["DTEND"]
    c.add("DTSTART", start)
    c.add("DTEND", end)
    e.save()
elif command == "delete":
    find(args[0]).delete()
elif command == "move-one":
    e = find(args[0])
    master = e.icalendar_component
    day = datetime.date.fromisoformat(args[1])
    new = datetime.date.fromisoformat(args[2])
    start = master.decoded("DTSTART")
    length = master.decoded("DTEND") - start
    old_start = start.replace(year=day.year, month=day.month, day=day.day)
    new_start = start.replace(year=new.year, month=new.month, day=new.day)
    o = icalendar.Event()
    o.add("UID", master["UID"])
    o.add("SUMMARY", master["SUMMARY"])
    o.add("RECURRENCE-ID", old_start)
    o.add("DTSTART", new_start)
    o.add("DTEND", new_start + length)
    o.add("DTSTAMP", datetime.datetime.now(datetime.timezone.utc))
    e.icalendar_instance.add_component(o)
    e.save()
elif command == "add-foreign":
    day = datetime.date.fromisoformat(args[1])
    cal.save_event(dtstart=day, dtend=day + datetime.timedelta(days=1), summary=args[0], uid="foreign-" + args[1] + "@phone")
else:
    sys.exit("unknown command " + command)
