"""Which way a page writes its numeric dates ("04/03/2026": 4 March or April 3), and the zones
its times name.

The signals, strongest first (`dates.numeric_order` and `dates._from_numeric` weigh them):
the zone printed with the date itself ("06/12/2026 08:05 GMT"), the page's own unambiguous
dates, its declared locale, the zones of its other times, its language; with none, the
reading nearest to the day of import, when that reading is fresh (`fresh_reading`).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager

from newsdesk.isodates import WORD_ZONES, ZONES

#: A zone's abbreviation after a time ("08:05 GMT", "9:30 a.m. ET"); one that is also a word
#: only in capitals ("10:30 west of", "um 10.30 ist" are no zones).
ZONE = (
    "(?:"
    + "|".join(
        z if z not in WORD_ZONES else f"(?-i:{z.upper()})"
        for z in sorted((z for z in ZONES if z != "z"), key=len, reverse=True)
    )
    + r")\b"
)

#: Languages whose pages write numeric dates day first ("03/05/2022" is 3 May). English is not
#: one: its language cannot tell a British page from an American one, other signals must.
DAY_FIRST_LANGUAGES = frozenset(
    {"de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "fi", "pl", "cs", "sk", "hu",
     "ro", "ru", "uk", "el", "tr", "ca", "hr", "sl", "sr", "bg", "id", "vi", "ar", "he"}
)  # fmt: skip
#: Set for the length of one page's extraction (`numeric_order`); a context variable, so
#: threads and import workers each keep their own. None: the page gives no signal, and each
#: ambiguous date is read by its nearness to the reference day (`fresh_reading`).
DAY_FIRST: contextvars.ContextVar[bool | None] = contextvars.ContextVar("day_first", default=False)
# The day a fresh story's date is read against: the import's (today), or a test's.
_REFERENCE: contextvars.ContextVar[dt.date | None] = contextvars.ContextVar(
    "reference_day", default=None
)

#: Zones that tell the writer's numeric order: Europe, Africa's west, India, Australia,
#: New Zealand and Singapore / Hong Kong write the day first ("06/12/2026 08:05 GMT" is
#: 6 December); North America's zones write the month first ("12/06/2026 8:05 a.m. ET").
#: UTC, and the zones of countries that write the year first (JST, KST), tell nothing.
DAY_FIRST_ZONES = frozenset(
    {"gmt", "bst", "ist", "wet", "west", "cet", "cest", "mez", "mesz", "eet", "eest", "msk",
     "awst", "acst", "acdt", "aest", "aedt", "nzst", "nzdt", "sgt", "hkt"}
)  # fmt: skip
MONTH_FIRST_ZONES = frozenset(
    {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "akst", "akdt", "hst"}
)  # fmt: skip
#: The order the page's declared locale implies (`declared_locale`), None when it tells none.
LOCALE_ORDER: contextvars.ContextVar[bool | None] = contextvars.ContextVar(
    "locale_order", default=None
)

#: English-speaking regions that write the month first; every other English region (GB, IE,
#: AU, NZ, IN, ZA, NG, KE, SG...) writes the day first. Canada writes both: no order.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "pr", "gu", "as", "vi", "um", "mp", "fm", "mh", "pw"})


def locale_day_first(locale: str | None) -> bool | None:
    """Whether a declared locale ("en-GB", "en_US", "de-AT") writes numeric dates day first;
    None when it does not tell (no region on an English page, Canada, other scripts)."""
    if not locale:
        return None
    parts = locale.strip().replace("_", "-").lower().split("-")
    language, region = parts[0], (parts[1] if len(parts) > 1 else "")
    if language in DAY_FIRST_LANGUAGES:
        return True
    if language != "en" or len(region) != 2 or region == "ca":
        return None
    return region not in _MONTH_FIRST_REGIONS


@contextmanager
def declared_locale(locale: str | None) -> Iterator[None]:
    """Within this block, a page's declared locale orders its numeric dates when its own
    dates do not (`numeric_order`): a British page's "04/03/2026" is 4 March."""
    token = LOCALE_ORDER.set(locale_day_first(locale))
    try:
        yield
    finally:
        LOCALE_ORDER.reset(token)


#: Characters of a page searched for the zones of its times (the story is near the top).
ZONE_SCAN_CHARS = 40_000
_ZONED_TIME = re.compile(rf"\d[:.]\d\d\s*(?:[ap]\.?\s?m\.?\s*)?(?P<tz>{ZONE})", re.IGNORECASE)


def zone_order(text: str) -> bool | None:
    """True when the page's times carry zones of day-first countries ("08:05 GMT"), False
    when of North America ("8:05 a.m. ET"), None when none or both."""
    kinds = {
        m["tz"].lower() in DAY_FIRST_ZONES
        for m in _ZONED_TIME.finditer(text, 0, ZONE_SCAN_CHARS)
        if m["tz"].lower() in DAY_FIRST_ZONES or m["tz"].lower() in MONTH_FIRST_ZONES
    }
    return kinds.pop() if len(kinds) == 1 else None


@contextmanager
def reference_day(day: dt.date) -> Iterator[None]:
    """Within this block, a date no signal orders is read against `day`, not today."""
    token = _REFERENCE.set(day)
    try:
        yield
    finally:
        _REFERENCE.reset(token)


def reference() -> dt.date:
    """The day an ambiguous date with no signal is read against: today (UTC), or a test's."""
    return _REFERENCE.get() or dt.datetime.now(dt.UTC).date()


#: Days before the reference day within which a date counts as fresh copy's.
FRESH_DAYS = 62


def fresh_reading(a: int, b: int, year: int) -> bool:
    """Day first for "a/b/year" when that reading is the nearer one to the reference day and
    not after it, and fresh (a news queue's copy is days old: "05/12/2026" imported on
    6 December 2026 is 5 December, not 12 May). Otherwise month first, as English pages
    have been read: an archive page's date is no nearer one way than the other."""
    today = reference()
    readings = []
    for month, day, day_first in ((a, b, False), (b, a, True)):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            continue
        if when <= today + dt.timedelta(days=1):  # a dateline runs ahead of UTC
            readings.append((when, day_first))
    if not readings:
        return False
    when, day_first = max(readings)
    return day_first and (today - when).days <= FRESH_DAYS
