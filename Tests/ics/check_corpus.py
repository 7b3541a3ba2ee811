"""Other projects' test calendars through `arshjul import` (issue 26): every
.ics file that icalendar 7.3.2 and recurring-ical-events 3.8.2 keep for their
own bug reports (Google, Outlook, Apple, Thunderbird, khal and hand-made
edge cases), each imported into an empty plan of its first event's year and
exported again, and the occurrences of that year compared with
recurring-ical-events, the independent oracle: source against export, by
title, start and end in the plan's zone.

A file passes when the two agree, except for the events the import named
(skipped, refused with FILE:LINE, or changed with a note); it fails when
they differ without a word, or the process crashes. Prints one line a file
that fails and a count per class; exits 1 on any failure, or when fewer
files than --at-least were compared (so the check cannot pass on nothing).

usage: check_corpus.py ARSHJUL FOLDER [--at-least N] [--verbose]
"""
import collections, datetime, glob, os, re, subprocess, sys, tempfile, warnings, zoneinfo
import icalendar, recurring_ical_events
from plan_time import norm

warnings.simplefilter("ignore")
arshjul, folder = sys.argv[1], sys.argv[2]
at_least = int(sys.argv[sys.argv.index("--at-least") + 1]) if "--at-least" in sys.argv else 100
verbose = "--verbose" in sys.argv
from plan_time import ZONE as zone
env = dict(os.environ, ARSHJUL_TODAY="2022-03-28", ARSHJUL_STAMP="1669291200", LC_ALL="C.UTF-8")
work = tempfile.mkdtemp(prefix="arshjul-corpus-")
UNTITLED = "(utan titel)"  # what the plan calls an event without SUMMARY


def occurrences(cal, year, skip):
    out = []
    for e in recurring_ical_events.of(cal, skip_bad_series=True).between((year, 1, 1), (year + 1, 1, 1)):
        if e.name != "VEVENT" or e.get("X-ARSHJUL-KIND") == "milestone":
            continue
        title = str(e.get("SUMMARY", "")).strip() or UNTITLED
        if str(e.get("UID", "")) in skip or title in skip:
            continue
        start = e.get("DTSTART").dt
        end = e.get("DTEND").dt if e.get("DTEND") else None
        if end is None and e.get("DURATION"):
            end = start + e.get("DURATION").dt
        if end is None:
            end = start if isinstance(start, datetime.datetime) else start + datetime.timedelta(days=1)
        # Ends the plan writes its own way: midnight after a timed day is 23.59.
        if isinstance(end, datetime.datetime) and isinstance(start, datetime.datetime):
            s, f = start.astimezone(zone) if start.tzinfo else start, end.astimezone(zone) if end.tzinfo else end
            if (f.hour, f.minute) == (0, 0) and f.date() == s.date() + datetime.timedelta(days=1) and (s.hour, s.minute) != (0, 0):
                end = end - datetime.timedelta(minutes=1)
        out.append((title[:200], norm(start), norm(end)))
    return sorted(out)


def named(out, source_lines, path):
    """UIDs and titles of the events the import's report names."""
    names = set()
    for m in re.finditer(r'(?:skipped|error|note): (\(no UID\)|\S+) "([^"]*)"(.*)$', out, re.M):
        if "brought in as" in m.group(3) and "single occurrences" in m.group(3):
            continue  # came in whole, one occurrence at a time: compared like the rest
        if m.group(1) != "(no UID)":
            names.add(m.group(1))
        names.add(m.group(2).strip() or UNTITLED)
    for m in re.finditer(r'the UID "([^"]*)"', out):
        names.add(m.group(1))
    # FILE:LINE errors: the event that holds the line.
    for m in re.finditer(re.escape(path) + r":(\d+):", out):
        n = int(m.group(1)) - 1
        if n >= len(source_lines):
            continue
        i = n
        while i >= 0 and not source_lines[i].upper().startswith("BEGIN:VEVENT"):
            i -= 1
        j = max(i, 0)
        while j < len(source_lines) and not source_lines[j].upper().startswith("END:VEVENT"):
            line = source_lines[j]
            if line.upper().startswith("UID:"):
                names.add(line[4:].strip())
            if line.upper().startswith("SUMMARY"):
                names.add(line.split(":", 1)[-1].strip() or UNTITLED)
            j += 1
    return names


counts = collections.Counter()
failures = []
for path in sorted(glob.glob(os.path.join(folder, "**", "*.ics"), recursive=True)):
    name = os.path.relpath(path, folder)
    try:
        cal = icalendar.Calendar.from_ical(open(path, "rb").read())
        if isinstance(cal, list):
            cal = cal[0]
        years = sorted(c.get("DTSTART").dt.year for c in cal.walk("VEVENT") if c.get("DTSTART"))
        years = [y for y in years if 1900 <= y <= 2200]
    except Exception:
        counts["the oracle cannot read it"] += 1
        continue
    if not years:
        counts["no events to compare"] += 1
        continue
    year = years[0]
    plan = os.path.join(work, "plan.json")
    for old in glob.glob(plan + "*"):
        os.remove(old)
    subprocess.run([arshjul, "new", plan, "--year", str(year), "--title", "Korpus"], check=True, capture_output=True, env=env)
    r = subprocess.run([arshjul, "import", plan, path, "--theme", "1"], capture_output=True, text=True, env=env)
    out = r.stdout + r.stderr
    if r.returncode not in (0, 1) or "Fatal error" in out:
        counts["CRASH"] += 1
        failures.append(f"CRASH {name}: exit {r.returncode}: {out.strip()[-300:]}")
        continue
    exported = os.path.join(work, "out.ics")
    subprocess.run([arshjul, "export", "ics", plan, "-o", exported], check=True, capture_output=True, env=env)
    source_lines = open(path, "rb").read().decode("utf-8", "replace").splitlines()
    skip = named(out, source_lines, path)
    try:
        a = occurrences(cal, year, skip)
    except Exception:
        counts["the oracle cannot expand it"] += 1
        continue
    b = occurrences(icalendar.Calendar.from_ical(open(exported, "rb").read()), year, skip)
    if a == b:
        counts["same" if not skip else "same, apart from what the import named"] += 1
        continue
    if r.returncode == 1 and not b and "error:" in out:
        counts["refused with a named error"] += 1
        continue
    counts["DIFFERS without a word"] += 1
    only_a = [x for x in a if x not in b]
    only_b = [x for x in b if x not in a]
    failures.append(f"DIFFERS {name}: the source has {only_a[:3]}, the import {only_b[:3]}")

for f in failures:
    print(f)
compared = sum(n for k, n in counts.items() if k not in ("the oracle cannot read it", "no events to compare", "the oracle cannot expand it"))
for k, n in sorted(counts.items()):
    print(f"{n:4}  {k}")
print(f"{compared} files compared")
if failures or compared < at_least:
    sys.exit(1)
