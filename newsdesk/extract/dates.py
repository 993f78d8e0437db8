"""Find explicit dates in a page's date lines and turn them into ISO 8601.

Only dates written out in full are taken ("19 November 2019", "Nov. 20, 2019
5:52 AM EST", "2019-11-19T10:00:00Z", "11/13/19"). A weekday ("on Tuesday")
or a month and day without a year are resolved only against a known anchor
date; without one they give nothing rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.extract.date_order import (
    DAY_FIRST,
    DAY_FIRST_LANGUAGES,
    DAY_FIRST_ZONES,
    LOCALE_ORDER,
    MONTH_FIRST_ZONES,
    ZONE,
    fresh_reading,
    reference,
    zone_order,
)

# Where the importers have always found it.
from newsdesk.extract.date_order import declared_locale as declared_locale
from newsdesk.extract.lines import CACHE_LINE_CHARS, line_cache
from newsdesk.isodates import (
    MONTHS,
    iso_datetime,
    iso_from_parts,
    normalise_date,
    zone,
)

#: Month abbreviations of the other languages ("Okt 13, 2022", "26. Dez. 2021", "3 févr. 2021",
#: "12 ago 2020", "3 set. 2021", "13 mrt 2026", "7 paź 2025"); the English ones are in `MONTHS`
#: already. Only read between a day and a year, where no ordinary word stands.
_ABBREVIATED = {
    "mär": 3, "mrz": 3, "okt": 10, "dez": 12,
    "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    "gen": 1, "mag": 5, "giu": 6, "lug": 7, "ott": 10, "set": 9,
    "fev": 2, "out": 10,
    "mrt": 3, "mei": 5,
    "sty": 1, "lut": 2, "kwi": 4, "cze": 6, "lip": 7, "sie": 8, "wrz": 9, "paź": 10,
    "paz": 10, "lis": 11, "gru": 12,
}  # fmt: skip
_MONTHS = {**MONTHS, **_ABBREVIATED}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![a-zà-ÿ])"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"
#: Weekday names in the other languages pages are read in ("Montag", "jeudi", "miércoles",
#: "giovedì", "segunda-feira"), which stand before a date and count as part of a date line.
FOREIGN_WEEKDAY = (
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"
    r"|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|sabato|domenica"
    r"|segunda|ter[çc]a|quarta|quinta|sexta"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|poniedzia[łl]ek|wtorek|[śs]roda|czwartek|pi[ąa]tek|sobota|niedziela)(?:-feira)?(?![\w-])"
)
#: Short weekday names before a date ("Mi, 18. Oktober 2023", "ven. 3 mars", "sáb 7 de mayo",
#: "vr 13 mrt 2026", "pt. 7 paź 2025").
_SHORT_WEEKDAY = (
    r"(?:mo|di|mi|do|fr|sa|so|lun|mar|mer|jeu|ven|sam|dim|mié|mie|jue|vie|sáb|sab|dom"
    r"|gio|seg|ter|qua|qui|sex|ma|wo|vr|za|zo|pon|wt|śr|sr|czw|pt|sob|niedz|nd)\.?(?=[\s,.]|$)"
)

_TIME = (
    r"(?:\s*(?:,|at|•|\||-|/|@)?\s*)"
    r"(?P<H>\d{1,2})(?:[:.](?P<M>\d{2}))(?::\d{2})?\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    rf"(?:\s*(?P<tz>{ZONE}))?"
)
# A text copy runs a name into the date after it ("Jana Berg22. Februar 2020"): a written month
# between day and year makes a letter before the day harmless.
_DMY = re.compile(
    # Right after another date's year too: a theme prints the day it was posted and the day
    # it was updated side by side, which a text copy runs together ("28. Juni 201914. Januar").
    rf"(?:(?<![\d/])|(?<=(?:19|20)\d\d))(?:{_WEEKDAY},?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?"
    # A blog's short year after an apostrophe ("14 Feb ’20").
    rf"(?:(?:{_WEEKDAY}|{FOREIGN_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}}|[’']\d{{2}}(?!\w))"
    rf"(?:{_TIME})?",
    re.IGNORECASE,
)
_MDY = re.compile(
    rf"(?<![\w/])(?:{_WEEKDAY},?\s+)?(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?:{_TIME})?",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?<![\w/])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?(?P<off>Z|[+-]\d{2}:?\d{2})?"
    # "2026-12-06 09:30 CET": a zone's name after the time.
    rf"(?:(?<=\d)\s*(?P<tz>{ZONE}))?)?",
    re.IGNORECASE,
)
#: `(?<![\w/.])(?P<a>\d{1,2})/...` with the look-behind taken after the first digit: a
#: pattern that opens with a look-behind is tried at every position of the text, one that
#: opens with a digit only at digits (`page_order` over a feed item's body: 9x cheaper).
_NUMERIC = re.compile(
    rf"(?P<a>\d(?<![\w/.]\d)\d?)/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\w/])(?:{_TIME})?",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})\b(?!\s*,?\s*\d{{4}})", re.IGNORECASE
)
_WEEKDAY_WORD = re.compile(r"\b(?:on\s+)?(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:today|yesterday)\b", re.IGNORECASE)

# Words a pure date line may carry besides the date itself.
_DATE_LINE_WORDS = re.compile(
    r"\b(?:published|posted|updated|update|last|modified|on|at|date|first|am|pm|a\.m|p\.m"
    r"|utc|gmt|bst|cet|est|edt|cst|cdt|pst|pdt|hkt|aest|aedt|ist|et|hours?|mins?|minutes?|ago"
    r"|min|read|an|hour|day|days|created|released|time|filed|and|the"
    r"|publié|publie|le|mis|à|jour|publicado|el|actualizado|veröffentlicht|am|aktualisiert"
    r"|pubblicato|il|aggiornato|gepubliceerd|op|bijgewerkt|em|atualizado"
    # The hour's words in German, French, Spanish, Italian and Portuguese ("um 12:50 Uhr",
    # "à 14h", "a las 10:00 hs", "alle ore 9", "às 9h") and a line's "Stand"/"vom"/"erschienen".
    r"|um|uhr|h|a\s+las|hs|alle|ore|às|stand|vom|erschienen|publiziert)\b\.?",
    re.IGNORECASE,
)
#: What a date line's leftover words are read without: weekdays, numbers, punctuation.
_WEEKDAYS_DIGITS_MARKS = re.compile(
    rf"\b(?:{_WEEKDAY}|{FOREIGN_WEEKDAY}|{_SHORT_WEEKDAY})|\d+|[^\w\s]", re.IGNORECASE
)
_UPDATED_FIRST = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """One date found in a string, as ISO text, with where it was."""

    iso: str
    start: int
    end: int


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _build(
    y: int, m: int, d: int, hour: str | None, minute: str | None, ampm: str | None, tz: str | None
) -> str | None:
    if hour is None or minute is None:
        return iso_from_parts(y, m, d)
    h, mi = int(hour), int(minute)
    if ampm:
        pm = ampm.lower().startswith("p")
        if h == 12:
            h = 0
        if pm:
            h += 12
    return iso_from_parts(y, m, d, h, mi, zone(tz) if tz else None)


def _from_named(match: re.Match[str]) -> str | None:
    month = _MONTHS.get(match["m"].lower())
    if month is None:
        return None
    return _build(
        _year(match["y"].lstrip("’'")),
        month,
        int(match["d"]),
        match["H"],
        match["M"],
        match["ampm"],
        match["tz"],
    )


def _from_iso(match: re.Match[str]) -> str | None:
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    day = iso_from_parts(y, m, d)
    if day is None or match["H"] is None:
        return day
    named = zone(match["tz"]) if match["tz"] and not match["off"] else None
    if named is not None:
        try:
            moment = dt.datetime(
                y, m, d, int(match["H"]), int(match["M"]), int(match["S"] or 0), tzinfo=named
            )
        except ValueError:
            return day
        return iso_datetime(moment)
    text = f"{day}T{match['H']}:{match['M']}:{match['S'] or '00'}{match['off'] or ''}"
    return normalise_date(text) or day


def page_order(text: str) -> bool | None:
    """True when the page's own numeric dates are written day first ("14/04/2020"), False when
    month first ("04/14/2020"), None when none tells (both numbers 12 or less, or both ways)."""
    day = month = False
    ambiguous: list[tuple[int, int, int]] = []
    for m in _NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        day = day or (12 < a <= 31 and b <= 12)
        month = month or (12 < b <= 31 and a <= 12)
        if a != b and 1 <= a <= 12 and 1 <= b <= 12 and len(ambiguous) < 20:
            ambiguous.append((a, b, _year(m["y"])))
    if day != month:
        return day
    return _order_near_written_dates(text, ambiguous) if ambiguous and not day else None


#: Days from a date the page writes out within which a numeric reading counts as near it.
NEAR_DAYS = 31
#: Characters of a page searched for the dates it writes out (the story is near the top).
WRITTEN_DATES_CHARS = 40_000


def _order_near_written_dates(text: str, ambiguous: list[tuple[int, int, int]]) -> bool | None:
    """Day first when the page's ambiguous numeric dates ("02/10/2020") read so land near
    the dates it writes out ("Sept. 29, 2020") and read month first do not, and the other way
    round; None when the written dates do not tell."""
    written: list[dt.date] = []
    for pattern in (_DMY, _MDY):
        for m in pattern.finditer(text, 0, WRITTEN_DATES_CHARS):
            month = _MONTHS.get(m["m"].lower().rstrip("."))
            year = m["y"].lstrip("’'")
            try:
                written.append(dt.date(_year(year), month or 0, int(m["d"])))
            except ValueError:
                continue
            if len(written) >= 50:
                break
    if not written:
        return None

    def near(year: int, month: int, day: int) -> bool:
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return False
        return any(abs((when - seen).days) <= NEAR_DAYS for seen in written)

    day_first = sum(near(y, b, a) for a, b, y in ambiguous)
    month_first = sum(near(y, a, b) for a, b, y in ambiguous)
    return day_first > month_first if day_first != month_first else None


@contextmanager
def numeric_order(language: str | None, text: str = "") -> Iterator[None]:
    """Within this block, numeric dates read day first when `language` writes them so, unless
    the page's own dates (`text`) show the other order, its declared locale tells it, or the
    zones of its times do. An English page with none of these reads each ambiguous date by
    its nearness to the reference day (`date_order.fresh_reading`)."""
    shown = _page_order(text) if text else None
    if shown is None:
        shown = LOCALE_ORDER.get()
    if shown is None and text:
        shown = _zone_order(text)
    if shown is None and language in DAY_FIRST_LANGUAGES:
        shown = True
    token = DAY_FIRST.set(shown)
    try:
        yield
    finally:
        DAY_FIRST.reset(token)


# A text copy's page is read in three such blocks (its extraction, then its header's date and
# a date line away from the headline): each scan of the whole page is kept for the next.
_page_order = lru_cache(maxsize=2)(page_order)
_zone_order = lru_cache(maxsize=2)(zone_order)


def _from_numeric(match: re.Match[str]) -> str | None:
    a, b = int(match["a"]), int(match["b"])
    tz = (match["tz"] or "").lower()
    order = True if tz in DAY_FIRST_ZONES else False if tz in MONTH_FIRST_ZONES else None
    if order is None:
        order = DAY_FIRST.get()
    if order is None:
        order = a <= 12 and b <= 12 and fresh_reading(a, b, _year(match["y"]))
    if order:
        # Day first unless the second number cannot be a month.
        day, month = (a, b) if b <= 12 else (b, a)
        return _build(
            _year(match["y"]), month, day, match["H"], match["M"], match["ampm"], match["tz"]
        )
    # US order (month/day) unless the first number cannot be a month.
    month, day = (a, b) if a <= 12 else (b, a)
    return _build(_year(match["y"]), month, day, match["H"], match["M"], match["ampm"], match["tz"])


_DIGIT = re.compile(r"\d")


# European day.month.year ("20.11.2026 | 10:05 CET").
_DOTTED = re.compile(
    rf"(?<![\w.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?![\d.])(?:{_TIME})?",
    re.IGNORECASE,
)
# ... spaced out after each dot, only with two-digit day and month ("18. 05. 2014 22:38").
_DOTTED_SPACED = re.compile(
    rf"(?<![\w.])(?P<d>\d{{2}})\. (?P<m>\d{{2}})\. (?P<y>\d{{4}})(?![\d.])(?:{_TIME})?",
    re.IGNORECASE,
)
# A two-digit year only with two-digit day and month ("28.01.22", not a version "1.2.22").
_DOTTED_SHORT = re.compile(
    rf"(?<![\w.])(?P<d>\d{{2}})\.(?P<m>\d{{2}})\.(?P<y>\d{{2}})(?=[\s,/|]|$)(?:{_TIME})?",
    re.IGNORECASE,
)


# Year first with slashes ("2025/03/14 09:30").
_YMD_SLASH = re.compile(
    rf"(?<![\w/])(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?![\w/])(?:{_TIME})?",
    re.IGNORECASE,
)


def _from_dotted(match: re.Match[str]) -> str | None:
    return _build(
        _year(match["y"]),
        int(match["m"]),
        int(match["d"]),
        match["H"],
        match["M"],
        match["ampm"],
        match["tz"],
    )


#: The date patterns in the order they claim text, each with a character every match of it
#: holds ("" for the written months', which `_YEAR_DIGITS` gates instead).
_FINDERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None], str], ...] = (
    (_ISO, _from_iso, "-"),
    (_DMY, _from_named, ""),
    (_MDY, _from_named, ""),
    (_NUMERIC, _from_numeric, "/"),
    (_DOTTED, _from_dotted, "."),
    (_DOTTED_SHORT, _from_dotted, "."),
    (_DOTTED_SPACED, _from_dotted, "."),
    (_YMD_SLASH, _from_dotted, "/"),
)


#: What every match of a written month's pattern holds: its year, four digits or an
#: apostrophe's two (`_DMY`'s "14 Feb ’20"). A line without one skips both patterns, which
#: are tried at every position of it (most of `find_dates`'s cost on a page's lines).
_YEAR_DIGITS = re.compile(r"\d{4}|[’']\d{2}")
#: Lines whose dates are kept (`_found`): a page asks again of the same lines from several
#: readers (headline, header, byline, date line). Longer lines are read afresh each time.
FOUND_CACHE_CHARS = 2000


def find_dates(text: str) -> list[DateMatch]:
    """Every full date in `text`, in order of appearance."""
    text = text[:4000]
    if not _DIGIT.search(text):
        return []
    if len(text) > FOUND_CACHE_CHARS:
        return list(_read_dates(text))
    order = DAY_FIRST.get() if "/" in text else False
    # A numeric date ("03/05/2022") reads by the order in force, and with none by the
    # reference day (`_from_numeric`): both are part of the key. No "/", no numeric date.
    return list(_found(text, order, reference() if order is None else None))


@lru_cache(maxsize=4096)
def _found(text: str, order: bool | None, day: dt.date | None) -> tuple[DateMatch, ...]:
    """`_read_dates` kept by line and by what reads its numeric dates (`find_dates`'s key)."""
    return _read_dates(text)


def _read_dates(text: str) -> tuple[DateMatch, ...]:
    """`find_dates` of a text with a digit, uncached."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    year = _YEAR_DIGITS.search(text) is not None
    for pattern, build, needs in _FINDERS:
        if needs not in text or not (needs or year):
            continue  # its separator (or a written date's year) is not in the text: no match
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = build(m)
            if iso:
                found.append(DateMatch(iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return tuple(found)


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0].iso if dates else None


def date_line(line: str) -> str | None:
    """The publication date when `line` is a page's date line, else None.

    A date line is short and holds little besides a date ("Published: ...
    | Updated: ..." gives the first). Sentences that merely mention a date
    are not date lines.
    """
    order = DAY_FIRST.get()
    if order is None:
        if len(line) > CACHE_LINE_CHARS:
            return _date_line(line)
        return _date_line_fresh(line, reference())
    return _date_line_day_first(line) if order else _date_line_month_first(line)


def _date_line(line: str) -> str | None:
    """`date_line`, uncached: the numeric order in force decides "03/05/2022".

    A date line is short and holds little besides a date ("Published: ...
    | Updated: ..." gives the first). Sentences that merely mention a date
    are not date lines.
    """
    if not line or len(line) > 300 or _NOT_PUBLISHED.match(line):
        return None
    if len(line) > 120:
        return _fielded_date(line)
    dates = find_dates(line)
    if not dates:
        return None
    rest = line
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    rest = _WEEKDAYS_DIGITS_MARKS.sub(" ", rest)
    leftover = rest.split()
    if len(leftover) > 2:
        return _fielded_date(line)
    if _UPDATED_FIRST.match(line) and len(dates) == 1:
        # "Updated ..." alone still dates the piece; publication is unknown otherwise.
        return dates[0].iso
    return _labelled_published(line, dates) or dates[0].iso


#: The label of a date of publication, right before the date ("First published on", "Posted").
_PUBLISHED_LABEL = re.compile(
    r"(?:published|posted|publié|publicado|publicada|veröffentlicht|erschienen|pubblicato"
    r"|gepubliceerd|opublikowano|publikacja)\W*(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)


def _labelled_published(line: str, dates: list[DateMatch]) -> str | None:
    """Of several dates on a line, the one labelled as the publication's ("Last modified on
    Thu 14 May ... · First published on Tue 12 May ..."), wherever it stands."""
    if len(dates) < 2:
        return None
    start = 0
    for d in dates:
        if _PUBLISHED_LABEL.search(line[start : d.start]):
            return d.iso
        start = d.end
    return None


def _fielded_date(line: str) -> str | None:
    """A blog's meta line: the date, then labelled fields after bars ("veröffentlicht am 14 Feb
    ’20 | Kategorien: Social Media | Tags: B2B, LinkedIn | Jetzt kommentieren")."""
    if " | " not in line:
        return None
    first, *fields = line.split(" | ")
    if not all(
        _FIELD.match(field) or _COMMENTS.search(field) or _name_field(field) for field in fields
    ):
        return None
    return _date_line(first) if find_dates(first) else None


#: A labelled field of a meta line ("Kategorien: ...", "Tags: ...").
_FIELD = re.compile(r"\s*[\w-]{2,20}\s?:\s")
#: The author's name as a meta line's field ("28. Juni 2019 | Klaus Quibeldey-Cirkel").
_NAME_FIELD = re.compile(r"\s*[^\W\d_][\w'’.-]+(?:\s+[^\W\d_][\w'’.-]+){1,2}\s*$")


def _name_field(field: str) -> bool:
    return _NAME_FIELD.match(field) is not None and all(w[0].isupper() for w in field.split())


#: A meta line's comment counter or prompt ("3 Kommentare", "Jetzt kommentieren").
_COMMENTS = re.compile(
    r"^\W*(?:\d+\s+)?(?:\w+\s+)?(?:comments?|kommentare?|kommentieren|commentaires?|"
    r"comentarios?|commenti|comentar|commenter|reply|antworten)\W*$",
    re.IGNORECASE,
)


#: A date that is not the story's: when a forum poster or a member registered, a birthday.
_NOT_PUBLISHED = re.compile(
    r"\W*(?:registriert|registered|joined|member since|mitglied seit|dabei seit|inscrit|"
    r"inscrito|registrado|iscritto|geburtstag|birthday)\b",
    re.IGNORECASE,
)


# One cache per numeric order, so a line read day first is never answered month first.
_date_line_month_first = line_cache(_date_line)
_date_line_day_first = line_cache(_date_line)


@lru_cache(maxsize=8192)
def _date_line_fresh(line: str, reference: dt.date) -> str | None:
    """`_date_line` read with no order known: its answer depends on the reference day too."""
    return _date_line(line)


def resolve_month_day(text: str, anchor: dt.date, ahead: int = 31) -> str | None:
    """'March 14' -> the date with that month/day nearest before-or-near `anchor`, at most
    `ahead` days after it."""
    m = _MONTH_DAY.search(text[:200])
    if not m:
        return None
    month = _MONTHS.get(m["m"].lower())
    if month is None:
        return None
    day = int(m["d"])
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        # A dateline is at most a few weeks after its anchor in a later year's edge case.
        if candidate <= anchor + dt.timedelta(days=ahead):
            return candidate.isoformat()
    return None


def resolve_weekday(text: str, anchor: dt.date) -> str | None:
    """'on Tuesday' -> the last such weekday on or before `anchor` (within a week)."""
    m = _WEEKDAY_WORD.search(text[:400])
    if not m:
        return None
    target = _WEEKDAYS.index(m.group(1).lower())
    delta = (anchor.weekday() - target) % 7
    return (anchor - dt.timedelta(days=delta)).isoformat()


def normalise(value: str | None) -> str | None:
    """A date field a format gave (RFC 822, ISO, written out) as ISO 8601, or None.

    `isodates.normalise_date` reads a value that is a date; a field holding
    more than a date ("Posted on March 3, 2021 by ...") gives its first date.
    """
    if not value or not value.strip():
        return None
    return normalise_date(value) or first_date(value)
