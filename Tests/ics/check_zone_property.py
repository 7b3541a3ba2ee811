"""A property of `arshjul import` (issue 26): random weekly and monthly
rules, in random zones (IANA, UTC, Windows names as Outlook writes them),
starting before the spring change of daylight saving time and running past
the autumn one, come into a Stockholm plan with every occurrence where
recurring-ical-events puts it. Each event is imported on its own (with
--expand, so the rules a plan cannot say come in too) and exported; the
year's occurrences of source and export must be equal.

usage: check_zone_property.py ARSHJUL [--cases 120] [--seed N]
Prints the seed; a failing case prints its calendar, to rerun by hand.
"""
import datetime, os, random, subprocess, sys, tempfile, warnings, zoneinfo
import icalendar, recurring_ical_events

warnings.simplefilter("ignore")
arshjul = sys.argv[1]
cases = int(sys.argv[sys.argv.index("--cases") + 1]) if "--cases" in sys.argv else 120
seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else random.randrange(1 << 30)
rnd = random.Random(seed)
print(f"seed {seed}")
stockholm = zoneinfo.ZoneInfo("Europe/Stockholm")
env = dict(os.environ, ARSHJUL_TODAY="2023-01-01", ARSHJUL_STAMP="1669291200", LC_ALL="C.UTF-8")
work = tempfile.mkdtemp(prefix="arshjul-zones-")
# (TZID as written, IANA zone the oracle reads it as)
zones = [
    ("UTC", None), ("America/Chicago", "America/Chicago"), ("America/Los_Angeles", "America/Los_Angeles"),
    ("Europe/London", "Europe/London"), ("Europe/Helsinki", "Europe/Helsinki"), ("Asia/Tokyo", "Asia/Tokyo"),
    ("Australia/Sydney", "Australia/Sydney"), ("Europe/Stockholm", "Europe/Stockholm"),
    ("Pacific Standard Time", "America/Los_Angeles"), ("Eastern Standard Time", "America/New_York"),
]
days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def event(i):
    tzid, iana = rnd.choice(zones)
    # In the plan's own zone times are the wall clock's, and 02:00–02:59 on
    # the day of the spring change is a time nobody books: not drawn there.
    hour = rnd.choice([h for h in range(24) if h != 2 or iana != "Europe/Stockholm"])
    start = datetime.datetime(2023, rnd.choice([1, 2, 3]), rnd.randint(3, 28), hour, rnd.choice([0, 15, 30, 45]))
    length = datetime.timedelta(minutes=rnd.choice([30, 60, 90, 120]))
    kind = rnd.choice(["weekly", "weekly-byday", "weekly-days", "monthly-day", "monthly-nth", "monthly-last"])
    wd = days[start.weekday()]
    rule = {
        "weekly": f"FREQ=WEEKLY;INTERVAL={rnd.choice([1, 1, 2])}",
        "weekly-byday": f"FREQ=WEEKLY;BYDAY={wd}",
        "weekly-days": f"FREQ=WEEKLY;BYDAY={','.join(sorted(rnd.sample(days, 2), key=days.index))}",
        "monthly-day": f"FREQ=MONTHLY;BYMONTHDAY={start.day}",
        "monthly-nth": f"FREQ=MONTHLY;BYDAY={(start.day - 1) // 7 + 1}{wd}",
        "monthly-last": f"FREQ=MONTHLY;BYDAY=-1{wd}",
    }[kind]
    rule += rnd.choice([f";COUNT={rnd.randint(8, 40)}", ";UNTIL=20231215T000000Z"])
    fmt = "%Y%m%dT%H%M%S"
    if iana is None:
        dt = f"DTSTART:{start.strftime(fmt)}Z\r\nDTEND:{(start + length).strftime(fmt)}Z"
    else:
        dt = f'DTSTART;TZID="{tzid}":{start.strftime(fmt)}\r\nDTEND;TZID="{tzid}":{(start + length).strftime(fmt)}'
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//arshjul property//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:prop-{i}@arshjul\r\nDTSTAMP:20230101T000000Z\r\nSUMMARY:Fall {i} {tzid} {kind}\r\n{dt}\r\n"
        f"RRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ), iana


def occurrences(text, oracle_zone, exact=False):
    # The oracle reads a Windows name as the IANA zone it stands for.
    for tzid, iana in zones:
        if iana and tzid != iana:
            text = text.replace(f'TZID="{tzid}"', f'TZID="{iana}"')
    cal = icalendar.Calendar.from_ical(text)
    master = next(iter(cal.walk("VEVENT")))
    out = []
    for e in recurring_ical_events.of(cal).between((2023, 1, 1), (2024, 1, 1)):
        s, f = e.get("DTSTART").dt, e.get("DTEND").dt
        if exact and isinstance(s, datetime.datetime) and s.tzinfo:
            # RFC 5545 §3.8.5.3: with DTEND every occurrence lasts the same
            # exact time (two hours across the spring change are two hours);
            # recurring-ical-events keeps the end's clock time instead.
            utc = datetime.timezone.utc
            f = s.astimezone(utc) + (master.get("DTEND").dt.astimezone(utc) - master.get("DTSTART").dt.astimezone(utc))
        if isinstance(s, datetime.datetime):
            s = (s if s.tzinfo else s.replace(tzinfo=stockholm)).astimezone(stockholm)
            f = (f if f.tzinfo else f.replace(tzinfo=stockholm)).astimezone(stockholm)
            # The plan writes midnight after a timed day as 23.59.
            if (f.hour, f.minute) == (0, 0) and f.date() > s.date():
                f = f - datetime.timedelta(minutes=1)
            out.append((s.strftime("%Y-%m-%d %H:%M"), f.strftime("%Y-%m-%d %H:%M")))
        else:
            out.append((s.isoformat(), f.isoformat()))
    # The plan's year is Stockholm's; the oracle's window is each event's own.
    return sorted(o for o in out if o[0].startswith("2023"))


failed = 0
for i in range(cases):
    text, _ = event(i)
    src = os.path.join(work, "in.ics")
    open(src, "w").write(text)
    plan = os.path.join(work, "p.json")
    for f in os.listdir(work):
        if f.startswith("p.json"):
            os.remove(os.path.join(work, f))
    subprocess.run([arshjul, "new", plan, "--year", "2023", "--title", "Egenskap"], check=True, capture_output=True, env=env)
    r = subprocess.run([arshjul, "import", plan, src, "--theme", "1", "--expand"], capture_output=True, text=True, env=env)
    out = os.path.join(work, "out.ics")
    subprocess.run([arshjul, "export", "ics", plan, "-o", out], check=True, capture_output=True, env=env)
    want = occurrences(text, None, exact=True)
    got = occurrences(open(out).read(), None)
    # Occurrences that run past midnight in Stockholm come in as whole days,
    # and one with no length on the plan's clock as a day: each with a note.
    said = r.stdout + r.stderr
    if want != got and "whole days" not in said and "no length" not in said:
        failed += 1
        print(f"FAIL case {i}: {r.stdout.strip()}{r.stderr.strip()}\n  missing {[x for x in want if x not in got][:4]}\n"
              f"  extra {[x for x in got if x not in want][:4]}\n{text}")
print(f"{cases - failed} of {cases} random rules alike (seed {seed})")
sys.exit(1 if failed else 0)
