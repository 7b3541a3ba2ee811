"""A DATE or DATE-TIME as the plan shows it, for the checks that compare
occurrences: a date as itself, a time in Europe/Stockholm (a floating one
taken as Stockholm's), to the minute."""
import datetime, zoneinfo

ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")


def norm(v):
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=ZONE)
        return v.astimezone(ZONE).strftime("%Y-%m-%d %H:%M")
    return v.isoformat()
