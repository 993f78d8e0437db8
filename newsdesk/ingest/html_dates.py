"""The publication date an HTML page states, read the way its reader would see it.

`html_meta` lists the page's date candidates in order of trust; this module
picks among them and corrects what machine-readable dates get wrong against
the date printed on the page:

- a day stored as local midnight and converted to UTC (exactly 22:00:00Z or
  23:00:00Z, midnight in Central Europe): the calendar day is the next one;
- a `<time datetime="01-11-2023">` whose day and month are ambiguous: the
  element's own written date ("1. November 2023") says which is which;
- a URL dated years before the markup's date (`/2017/7/12/...` against a
  `datePublished` of 2019, a site moved to a new CMS): the URL keeps the
  first publication;
- a time in UTC that another candidate states as the same moment in the
  publisher's own time zone (`2022-05-04T03:37Z` beside a `<time>` of
  `2022-05-03T23:37-04:00`): the local one gives the day the page prints;
- a time without a zone (`article:published_time` of `2019-11-20T01:50:59`) that
  another candidate states with one (JSON-LD's `...01:50:59.403Z`): the zoned one,
  which puts it on the right day for a reader in another zone;
- a weak field (`sailthru.date`) holding the time the page says it was modified,
  when the page states another time it was published: published wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from lxml import etree

from newsdesk.isodates import iso_date, normalise_date, parse_iso, parse_iso_date

#: Local midnight in UTC+1 / UTC+2, written as UTC.
_MIDNIGHT_AS_UTC = ("T22:00:00+00:00", "T23:00:00+00:00")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)")
#: A URL date this much older than the markup's date is the first publication.
_URL_DATE_LEAD = timedelta(days=60)
#: Two stated times this close are one moment (seconds dropped or rounded by a template).
_SAME_MOMENT = timedelta(minutes=2)
_WRITTEN_MONTH = re.compile(r"[^\W\d_]{3,}")


def time_element_date(tree: etree._Element) -> str | None:
    """The first `<time datetime>`, with day and month put right by its visible text."""
    for element in tree.iter("time"):
        value = normalise_date(element.get("datetime") or "")
        if not value:
            continue
        text = " ".join("".join(element.itertext()).split())
        if text and _WRITTEN_MONTH.search(text):
            shown = normalise_date(text)
            if shown and swapped(value, shown):
                return shown
        return value
    return None


def swapped(value: str, shown: str) -> bool:
    """`shown` is `value`'s calendar day with day and month exchanged."""
    a, b = parse_iso(value), parse_iso(shown)
    if a is None or b is None or a.date() == b.date():
        return False
    return (a.year, a.month, a.day) == (b.year, b.day, b.month)


def other_zone_day(value: str, shown: str) -> bool:
    """`shown`, a day before or after `value`'s, may be its moment on another zone's clock.

    A page may print its date on another clock than the markup's (UTC, or its readers'),
    but zones in use for one story are at most `_ZONE_GAP` apart: 02:41+02:00 on the 4th
    may be shown as the 3rd, noon on the 3rd never as the 2nd, so a header that says
    the 2nd dates the story itself. A bare day (no time) cannot tell, and stands.
    """
    moment, day = parse_iso(value), parse_iso_date(shown)
    if moment is None or day is None or "T" not in value:
        return True
    clock = timedelta(hours=moment.hour, minutes=moment.minute)
    if day < moment.date():
        return clock < _ZONE_GAP
    return timedelta(days=1) - clock <= _ZONE_GAP


#: How far apart the clocks of a page's markup and of its printed date may be.
_ZONE_GAP = timedelta(hours=10)


def _midnight_as_utc(value: str) -> str:
    if value.endswith(_MIDNIGHT_AS_UTC):
        moment = parse_iso(value)
        if moment is not None:
            return iso_date((moment + timedelta(hours=2)).date()) or value
    return value


def url_date(url: str | None) -> date | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _in_local_time(chosen: str, others: list[str]) -> str:
    """`chosen`, or the same moment as another candidate writes it with a local offset."""
    moment = parse_iso(chosen)
    if moment is None or "T" not in chosen or moment.utcoffset() != timedelta(0):
        return chosen
    for other in others:
        local = parse_iso(other)
        if (
            local is not None
            and "T" in other
            and local.utcoffset() not in (None, timedelta(0))
            and abs(local - moment) <= _SAME_MOMENT
        ):
            return other
    return chosen


def _clock(value: str) -> datetime | None:
    """A datetime candidate as written: naive when it states no zone."""
    if "T" not in value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _zoned(chosen: str, others: list[str]) -> str:
    """`chosen`, or the same clock time as another candidate states it with its zone."""
    moment = _clock(chosen)
    if moment is None or moment.tzinfo is not None:
        return chosen
    for other in others:
        zoned = _clock(other)
        if (
            zoned is not None
            and zoned.tzinfo is not None
            and abs(zoned.replace(tzinfo=None) - moment) <= _SAME_MOMENT
        ):
            return other
    return chosen


def _moment(value: str) -> object:
    """What two spellings of one time share ("...Z" and "...+00:00"); a day as written."""
    return (parse_iso(value) if "T" in value else None) or value


def choose_published(
    candidates: Iterable[object],
    url: str | None,
    *,
    published: str | None = None,
    modified: Iterable[object] = (),
) -> str | None:
    """The first readable candidate, corrected as the module says; None when none reads.

    `published` is the time a field labelled so states, `modified` those of the fields
    that say when the page was changed: a candidate that is a modified time and not the
    published one is passed over when the page states a published time.
    """
    values = [v for v in (normalise_date(c) for c in candidates if c) if v]
    labelled = normalise_date(published) if published else None
    if labelled:
        changed = {_moment(v) for v in (normalise_date(m) for m in modified if m) if v}
        changed.discard(_moment(labelled))
        values = [v for v in values if _moment(v) not in changed] or values
    if not values:
        return None
    chosen = _in_local_time(_midnight_as_utc(_zoned(values[0], values[1:])), values[1:])
    first = url_date(url)
    stated = parse_iso(chosen)
    if first is not None and stated is not None and stated.date() - first > _URL_DATE_LEAD:
        return iso_date(first) or chosen
    return chosen
