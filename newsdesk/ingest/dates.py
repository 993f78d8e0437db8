"""Dates from any importer to ISO 8601, or None when absent, unreadable or absurd."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

MIN_YEAR = 1900
MAX_YEAR = 2100

_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%Y",
    "%Y%m%d",
    "%B %d, %Y %I:%M %p",
    "%Y-%m-%d %H:%M",
)
_SPACES = re.compile(r"\s+")
_AM_PM = re.compile(r"\d\s*[AaPp]\.?[Mm]\.?\b")
_AM_PM_FORMATS = (
    "%a, %b %d %Y %I:%M:%S %p",
    "%a, %d %b %Y %I:%M:%S %p",
    "%b %d %Y %I:%M:%S %p",
    "%B %d, %Y %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%Y-%m-%d %I:%M %p",
)


def _plausible(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _iso_datetime(value: datetime) -> str | None:
    if not _plausible(value.year):
        return None
    value = value.replace(microsecond=0)
    return value.isoformat()


def _iso_date(value: date) -> str | None:
    return value.isoformat() if _plausible(value.year) else None


def _from_string(text: str) -> str | None:
    text = _SPACES.sub(" ", text.strip())[:100]
    if not text:
        return None
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    if len(iso) == 10 and iso[4] == "-":
        try:
            return _iso_date(date.fromisoformat(iso))
        except ValueError:
            return None
    try:
        return _iso_datetime(datetime.fromisoformat(iso))
    except ValueError:
        pass  # Not ISO; try the e-mail (RSS) form and the common written forms.
    if _AM_PM.search(text):
        # e-mail date parsing ignores AM/PM ("Sat, Dec 16 2023 02:02:33 PM").
        for fmt in _AM_PM_FORMATS:
            try:
                return _iso_datetime(datetime.strptime(text, fmt))
            except ValueError:
                continue
    try:
        return _iso_datetime(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        pass  # Not RFC 2822 either.
    bare = text.rstrip(".").replace("Sept.", "Sep.")
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(bare, fmt)
        except ValueError:
            continue
        if "%H" in fmt or "%I" in fmt:
            return _iso_datetime(parsed)
        return _iso_date(parsed.date())
    return None


def normalise_date(value: object) -> str | None:
    """ISO 8601 for a date given as text, `date`, `datetime`, epoch or `time.struct_time`.

    Dates with a time keep it (and the zone when known); plain dates stay
    dates. Years outside 1900-2100 and anything unreadable give None.
    """
    try:
        if isinstance(value, datetime):
            return _iso_datetime(value)
        if isinstance(value, date):
            return _iso_date(value)
        if isinstance(value, time.struct_time):
            return _iso_datetime(datetime(*value[:6], tzinfo=UTC))
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            return _iso_datetime(datetime.fromtimestamp(value, tz=UTC))
        if isinstance(value, str):
            return _from_string(value)
    except (ValueError, OverflowError, OSError):
        return None
    return None
