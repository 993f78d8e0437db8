"""Dates as the store keeps them (ISO 8601): the one normaliser every layer uses.

Importers hand `normalise_date` whatever a format gives (RFC 822 from a feed,
ISO from JSON-LD, a written date from front matter, an epoch, a struct_time);
the page extractor builds what it finds in the text with `iso_from_parts`; the
store, the app and the search read the strings back with `parse_iso`. So one
date is one string whichever door it came in by: with a time it keeps the
seconds and the zone when known ("2019-11-19T10:00:00+00:00"), without one it
is a calendar date ("2019-11-19"). A date without a zone is read as UTC.

Written dates are parsed by python-dateutil, given the month and weekday names
of the languages the extractor reads and the zone abbreviations news sites
print; an incomplete date ("November 2019", "Nov 5") is no date.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any, ClassVar

MIN_YEAR = 1900
MAX_YEAR = 2100

#: Month names and abbreviations, English first, then the other Latin-script
#: languages `extract.language` detects (full names only: their abbreviations
#: collide with ordinary words).
MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "dezembro": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # Polish, in the nominative and in the genitive a date writes ("13 października 2026").
    "styczeń": 1, "stycznia": 1, "luty": 2, "lutego": 2, "marzec": 3, "marca": 3,
    "kwiecień": 4, "kwietnia": 4, "maj": 5, "maja": 5, "czerwiec": 6, "czerwca": 6,
    "lipiec": 7, "lipca": 7, "sierpień": 8, "sierpnia": 8, "wrzesień": 9, "września": 9,
    "październik": 10, "października": 10, "listopad": 11, "listopada": 11,
    "grudzień": 12, "grudnia": 12,
}  # fmt: skip

_WEEKDAY_NAMES = (
    ("mon", "monday", "montag", "lundi", "lunes", "lunedì", "lunedi", "segunda", "maandag",
     "poniedziałek"),
    ("tue", "tues", "tuesday", "dienstag", "mardi", "martes", "martedì", "martedi", "terça",
     "dinsdag", "wtorek"),
    ("wed", "wednesday", "mittwoch", "mercredi", "miércoles", "miercoles", "mercoledì",
     "mercoledi", "quarta", "woensdag",
     "środa"),
    ("thu", "thur", "thurs", "thursday", "donnerstag", "jeudi", "jueves", "giovedì", "giovedi",
     "quinta", "donderdag", "czwartek"),
    ("fri", "friday", "freitag", "vendredi", "viernes", "venerdì", "venerdi", "sexta", "vrijdag",
     "piątek"),
    ("sat", "saturday", "samstag", "sonnabend", "samedi", "sábado", "sabado", "sabato",
     "zaterdag", "sobota"),
    ("sun", "sunday", "sonntag", "dimanche", "domingo", "domenica", "zondag", "niedziela"),
)  # fmt: skip

#: UTC offsets in hours of the zone abbreviations news sites print.
ZONES: dict[str, float] = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "ist": 5.5, "hkt": 8, "sgt": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
    "nzdt": 13, "nzst": 12, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
    "pst": -8, "pdt": -7, "et": -5, "mez": 1, "mesz": 2, "wet": 0, "west": 1, "akst": -9,
    "akdt": -8, "hst": -10, "awst": 8, "acst": 9.5, "acdt": 10.5,
}  # fmt: skip
#: Zones whose abbreviation is also a word ("west", "est", "ist", "et"): read only as a
#: page prints a zone, in capitals.
WORD_ZONES = frozenset({"wet", "west", "est", "ist", "et"})


def plausible_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def zone(name: str) -> timezone | None:
    """The fixed offset of a zone abbreviation ("EST"), None when unknown."""
    hours = ZONES.get(name.lower())
    return None if hours is None else timezone(timedelta(hours=hours))


def iso_datetime(value: datetime) -> str | None:
    """The store's form of a moment: seconds, the zone when known; None outside 1900-2100."""
    if not plausible_year(value.year):
        return None
    return value.replace(microsecond=0).isoformat()


def iso_date(value: date) -> str | None:
    return value.isoformat() if plausible_year(value.year) else None


def iso_from_parts(
    year: int,
    month: int,
    day: int,
    hour: int | None = None,
    minute: int | None = None,
    tz: timezone | None = None,
) -> str | None:
    """ISO text for the parts of a date found in text; a date alone when the time is absent
    or impossible; None for a day that does not exist or an absurd year."""
    try:
        day_ = date(year, month, day)
    except ValueError:
        return None
    if hour is None or minute is None or not (0 <= hour <= 23 and 0 <= minute <= 59):
        return iso_date(day_)
    return iso_datetime(datetime(year, month, day, hour, minute, tzinfo=tz))


_SPACES = re.compile(r"\s+")
_DOTTED_DAY_FIRST = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
#: A numeric date with slashes or dashes ("06/12/2026 08:05 GMT"): either order is possible.
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b(.*)$")
_WORDS = re.compile(r"[a-z]+")
#: What dateutil may meet between the parts of a written date, besides its own list
#: ("am" is left out: to dateutil it is the morning).
_JOIN_WORDS = ("de", "del", "le", "el", "di", "em", "um", "den", "der", "op", "à", "a")


@lru_cache(maxsize=1)
def _parser_info() -> Any:
    from dateutil import parser

    class NewsDates(parser.parserinfo):
        """dateutil's parser with the month and weekday names of every language read."""

        MONTHS: ClassVar = [tuple(n for n, m in MONTHS.items() if m == k) for k in range(1, 13)]
        WEEKDAYS: ClassVar = list(_WEEKDAY_NAMES)
        JUMP: ClassVar = [*parser.parserinfo.JUMP, *_JOIN_WORDS]

    return NewsDates()


_TZINFOS = {name.upper(): int(hours * 3600) for name, hours in ZONES.items()}
_DEFAULTS = (datetime(1, 1, 1, 0, 0), datetime(2, 2, 2, 1, 1))


def _written(text: str) -> str | None:
    """A written date in full ("Tue, 19 Nov 2019 10:00:00 GMT", "3. März 2021") or None."""
    from dateutil import parser

    day_first = bool(_DOTTED_DAY_FIRST.match(text)) or _numeric_day_first(text)
    parsed = []
    for default in _DEFAULTS:
        try:
            parsed.append(
                parser.parse(
                    text,
                    parserinfo=_parser_info(),
                    default=default,
                    dayfirst=day_first,
                    tzinfos=_TZINFOS,
                )
            )
        except (ValueError, OverflowError, TypeError):
            return None
    first, second = parsed
    if first.date() != second.date():
        return None  # a part of the date was missing and came from the default
    if (first.hour, first.minute) != (second.hour, second.minute):
        return iso_date(first.date())
    return iso_datetime(first)


def _numeric_day_first(text: str) -> bool:
    """Whether a field's numeric date ("06/12/2026 08:05 GMT") reads day first, by the
    same signals as a page's (`extract.date_order`): the zone printed with it, else the
    reading nearer to the import day when that one is fresh; month first otherwise, as
    such fields have always been read. A page's text dates go through `extract.dates`."""
    match = _NUMERIC_DATE.match(text)
    if match is None:
        return False
    a, b, year = int(match[1]), int(match[2]), int(match[3])
    if a > 12 or b > 12:
        return a > 12  # only one reading is a date
    # Imported here: `date_order` reads this module's zone tables.
    from newsdesk.extract.date_order import DAY_FIRST_ZONES, MONTH_FIRST_ZONES, fresh_reading

    for word in _WORDS.findall(match[4].lower()):
        if word in DAY_FIRST_ZONES:
            return True
        if word in MONTH_FIRST_ZONES:
            return False
    return fresh_reading(a, b, year)


#: The date of RSS and e-mail (RFC 822 / 2822) as feeds write it, in English.
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) "
    r"(\d{2}):(\d{2})(?::(\d{2}))?(?: ([+-])(\d{2})(\d{2})| ([A-Z]{1,5}))?"
)
_MONTH_ABBR = {
    name: MONTHS[name.lower()]
    for name in ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}


def _rfc822(text: str) -> str | None:
    """The common feed date without dateutil (a quarter of a feed item's parsing cost).

    None whenever the text is not plainly that form or a part is out of range:
    `_written` then gives the answer, as it did before this shortcut existed.
    The result is the same as `_written`'s (tests/test_isodates.py compares them).
    """
    match = _RFC822.fullmatch(text)
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, off_h, off_m, name = match.groups()
    tz: timezone | None = None
    if sign is not None:
        if int(off_h) > 23 or int(off_m) > 59:
            return None
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        tz = timezone(-offset if sign == "-" else offset)
    elif name is not None:
        tz = zone(name)
        if tz is None:
            return None
    try:
        moment = datetime(
            int(year), _MONTH_ABBR[month], int(day), int(hour), int(minute),
            int(second or 0), tzinfo=tz,
        )  # fmt: skip
    except ValueError:
        return None
    return iso_datetime(moment)


def _from_string(text: str) -> str | None:
    text = _SPACES.sub(" ", text.strip())[:100]
    if not text or not any(c.isdigit() for c in text):
        return None
    iso = text[:-1] + "+00:00" if text.endswith("Z") else text
    if len(iso) == 10 and iso[4] == "-":
        try:
            return iso_date(date.fromisoformat(iso))
        except ValueError:
            return None
    try:
        return iso_datetime(datetime.fromisoformat(iso))
    except ValueError:
        pass  # not ISO: a written date
    return _rfc822(text) or _written(text.rstrip("."))


def normalise_date(value: object) -> str | None:
    """ISO 8601 for a date given as text, `date`, `datetime`, epoch or `time.struct_time`.

    Dates with a time keep it (and the zone when known); plain dates stay
    dates. Years outside 1900-2100 and anything unreadable give None.
    """
    try:
        if isinstance(value, datetime):
            return iso_datetime(value)
        if isinstance(value, date):
            return iso_date(value)
        if isinstance(value, time.struct_time):
            return iso_datetime(datetime(*value[:6], tzinfo=UTC))
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            return iso_datetime(datetime.fromtimestamp(value, tz=UTC))
        if isinstance(value, str):
            return _from_string(value)
    except (ValueError, OverflowError, OSError):
        return None
    return None


def parse_iso(value: str | None) -> datetime | None:
    """An aware datetime from an ISO date or datetime, None when unusable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def local_day(value: str | None, zone: tzinfo | None = None) -> str:
    """The day (YYYY-MM-DD) a publication time falls on in `zone` (default: this
    machine's), the day `published:DAY` finds it under: "2026-11-16T08:30+11:00" is the
    15th in London. A date alone as written."""
    if not value:
        return ""
    when = parse_iso(value) if len(value) > 10 else None
    if when is None:
        return value[:10]
    return when.astimezone(zone).date().isoformat()


def parse_iso_date(value: str | None) -> date | None:
    """The calendar date of an ISO string (date or datetime), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


#: How far schema step 6 pushed undated articles below their arrival time (after
#: every dated one); step 18 (PostgreSQL 19) took them back to it. Kept for the steps.
UNDATED_SORT_OFFSET = 10_000_000_000.0


def sort_key(published_ts: float | None, arrival_ts: float) -> float:
    """The `sort_ts` of an article: its publication time, else its arrival.

    An undated article sorts where it arrived, as newsboat, elfeed and Miniflux place
    one: what just came in is at the top under newest first, where the editor looks
    (pushed after every dated one, a file dropped into a watched folder listed below
    months-old copy). `sort_ts` is only ever a sort key."""
    return published_ts if published_ts is not None else arrival_ts


def iso_to_ts(value: str | None) -> float | None:
    """Epoch seconds for an ISO date or datetime, None when unusable."""
    parsed = parse_iso(value)
    if parsed is None:
        return None
    try:
        return parsed.timestamp()
    except (OverflowError, OSError, ValueError):
        return None


#: The second last stamped and its text: an import stamps hundreds of rows a second,
#: and building the text is most of a stamp's cost.
_stamped: tuple[int, str] = (-1, "")


def utc_now_iso() -> str:
    """Now, as the store stamps its rows: UTC to the second."""
    global _stamped
    second = int(time.time())  # the clock `datetime.now` reads, to the second
    if second != _stamped[0]:
        _stamped = (second, datetime.fromtimestamp(second, UTC).isoformat())
    return _stamped[1]
