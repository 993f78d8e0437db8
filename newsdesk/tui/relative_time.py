"""Compact publication times for the list ("12m", "5h", "3d", "14 Mar", "2023-03", or
"2023-03-14" where the list has room).

`now` is always passed in, so snapshots and tests use a fixed clock.
"""

from __future__ import annotations

from datetime import date, datetime

from newsdesk.isodates import parse_iso

#: Kept under this name for the app's callers.
parse_when = parse_iso


def compact_when(value: str | None, now: datetime, *, full_date: bool = False) -> str:
    """At most six characters; empty when unknown. With `full_date` (a list with room for
    it) a day of an earlier year is the whole date ("2019-11-18"), not its month alone."""
    when = parse_when(value)
    if when is None or value is None:
        return ""
    if len(value) <= 10:
        return _day_when(when.date(), now, full_date)
    seconds = (now - when).total_seconds()
    if -120 <= seconds < 60:
        return "now"
    if 0 < seconds < 3600:
        return f"{int(seconds // 60)}m"
    if 0 < seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if 0 <= seconds < 7 * 86400:
        return f"{max(int(seconds // 86400), 1)}d"
    if now.tzinfo is not None:
        # The reader's day, the one `published:DAY` finds it under (a Sydney morning is
        # the evening before in London).
        when = when.astimezone(now.tzinfo)
    if when.year == now.year:
        return when.strftime("%d %b")
    return when.strftime("%Y-%m-%d" if full_date else "%Y-%m")


def long_when(value: str | None, now: datetime) -> str:
    """For the detail pane: the stated date and how long ago. A time its source gave
    with no zone is shown as the others are, said to be of an unknown zone: read as UTC
    (as the store sorts it), it was labelled "UTC", which its source never said, and
    how long ago it was is uncertain by hours, so not said."""
    when = parse_when(value)
    if when is None or value is None:
        return value or ""
    if len(value) > 10 and _zoneless(value):
        return f"{when.strftime('%Y-%m-%d %H:%M')} (zone unknown)"
    short = compact_when(value, now)
    stated = value if len(value) <= 10 else f"{when.strftime('%Y-%m-%d %H:%M')} {_zone(when)}"
    if short and short[0].isdigit() and short[-1] in "mhd":
        return f"{stated} ({short} ago)"
    return stated


def _zone(when: datetime) -> str:
    """The stated zone as the export writes it ("+01:00"), "UTC" for UTC: `%Z` of a fixed
    offset gave "UTC+01:00", which read as a time in UTC."""
    offset = when.utcoffset()
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _zoneless(value: str) -> bool:
    """An ISO time with no offset and no Z ("2019-11-18T23:03:00")."""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is None
    except ValueError:
        return False


def _day_when(day: date, now: datetime, full_date: bool = False) -> str:
    """A date given without a time: counted in the reader's days, as `published:DAY`
    finds it (it was read as midnight UTC, a day old by the afternoon west of UTC)."""
    today = now.date()
    days = (today - day).days
    if days == 0:
        return "today"
    if 0 < days < 7:
        return f"{days}d"
    if day.year == today.year:
        return day.strftime("%d %b")
    return day.strftime("%Y-%m-%d" if full_date else "%Y-%m")
