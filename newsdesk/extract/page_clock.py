"""A stated time with its zone, written on the clock the page shows its readers.

A page's markup states its publication time exactly (`2019-11-19T07:03:25+00:00`), while
the page prints the same moment on the newsroom's clock without naming a zone
("November 18, 2019 11:03 PM"). Neither alone is the whole answer: the markup's moment
is exact but its UTC day is not the day the reader was shown, and the printed time
names no zone, so read as UTC it is eight hours off. When the two differ by a whole
zone offset they are one event, and the markup's moment at that offset
(`2019-11-18T23:03:25-08:00`) keeps both the exact time and the printed day.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from newsdesk.isodates import iso_datetime

#: Zone offsets run from UTC-12 to UTC+14, in steps of a quarter hour (Nepal, Chatham).
_LARGEST_OFFSET = timedelta(hours=14)
_OFFSET_STEP = timedelta(minutes=15)
#: A printed time may drop the seconds (or round them): within this it is the same moment.
_SAME_MINUTE = timedelta(minutes=1)


def _read(value: str) -> datetime | None:
    if "T" not in value:
        return None  # a day alone names no moment
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def on_page_clock(markup: str, shown: str) -> str | None:
    """`markup`'s moment at the zone offset that makes it `shown`, a zoneless time the page
    prints; None when `markup` names no zone, `shown` names one, either is no time of
    day, or the two are not one moment on any zone's clock."""
    stated, printed = _read(markup), _read(shown)
    if stated is None or printed is None or stated.utcoffset() is None:
        return None
    if printed.tzinfo is not None:
        return None
    utc = stated.astimezone(UTC).replace(tzinfo=None)
    gap = printed - utc
    offset = _OFFSET_STEP * round(gap / _OFFSET_STEP)
    if abs(offset) > _LARGEST_OFFSET or abs(gap - offset) >= _SAME_MINUTE:
        return None
    return iso_datetime(stated.astimezone(timezone(offset)))
