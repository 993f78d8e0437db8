"""Find explicit dates in a page's date lines and turn them into ISO 8601.

Only dates written out in full are taken ("19 November 2019", "Nov. 20, 2019
5:52 AM EST", "2019-11-19T10:00:00Z", "11/13/19"). A weekday ("on Tuesday")
or a month and day without a year are resolved only against a known anchor
date; without one they give nothing rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsdesk.extract.lines import line_cache

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Month names in the languages language.py detects with Latin script (full names only
# outside English, where abbreviations collide with ordinary words).
_FOREIGN_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "dezembro": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + r")(?![a-zà-ÿ])"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"

# UTC offsets in hours for zone abbreviations news sites print.
_ZONES = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "ist": 5.5, "hkt": 8, "sgt": 8, "cst_asia": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
    "nzdt": 13, "nzst": 12, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
    "pst": -8, "pdt": -7, "et": -5,
}  # fmt: skip

_TIME = (
    r"(?:\s*(?:,|at|•|\||-|/|@)?\s*)"
    r"(?P<H>\d{1,2})(?:[:.](?P<M>\d{2}))(?::\d{2})?\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"(?:\s*(?P<tz>utc|gmt|bst|cet|cest|eet|eest|msk|ist|hkt|sgt|jst|kst|aest|aedt|nzdt|nzst|est|edt|cst|cdt|mst|mdt|pst|pdt|et)\b)?"
)
_DMY = re.compile(
    rf"(?<![\w/])(?:{_WEEKDAY},?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?P<m>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})(?:{_TIME})?",
    re.IGNORECASE,
)
_MDY = re.compile(
    rf"(?<![\w/])(?:{_WEEKDAY},?\s+)?(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?:{_TIME})?",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?<![\w/])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<off>Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(
    rf"(?<![\w/.])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\w/])(?:{_TIME})?",
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
    r"|pubblicato|il|aggiornato|gepubliceerd|op|bijgewerkt|em|atualizado)\b\.?",
    re.IGNORECASE,
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
    try:
        day = dt.date(y, m, d)
    except ValueError:
        return None
    if not 1900 <= y <= 2100:
        return None
    if hour is None or minute is None:
        return day.isoformat()
    h, mi = int(hour), int(minute)
    if ampm:
        pm = ampm.lower().startswith("p")
        if h == 12:
            h = 0
        if pm:
            h += 12
    if h > 23 or mi > 59:
        return day.isoformat()
    stamp = dt.datetime(y, m, d, h, mi)
    if tz:
        offset = _ZONES.get(tz.lower())
        if offset is not None:
            zone = dt.timezone(dt.timedelta(hours=offset))
            return stamp.replace(tzinfo=zone).isoformat(timespec="minutes")
    return stamp.isoformat(timespec="minutes")


def _from_named(match: re.Match[str]) -> str | None:
    name = match["m"].lower()
    month = _FOREIGN_MONTHS.get(name) or _MONTHS.get(name[:3])
    if month is None:
        return None
    return _build(
        int(match["y"]), month, int(match["d"]), match["H"], match["M"], match["ampm"], match["tz"]
    )


def _from_iso(match: re.Match[str]) -> str | None:
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    try:
        dt.date(y, m, d)
    except ValueError:
        return None
    if match["H"] is None:
        return f"{y:04d}-{m:02d}-{d:02d}"
    off = match["off"]
    text = f"{y:04d}-{m:02d}-{d:02d}T{match['H']}:{match['M']}"
    if off:
        if off == "Z":
            off = "+00:00"
        elif ":" not in off:
            off = off[:3] + ":" + off[3:]
        text += off
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return text


def _from_numeric(match: re.Match[str]) -> str | None:
    a, b = int(match["a"]), int(match["b"])
    # US order (month/day) unless the first number cannot be a month.
    month, day = (a, b) if a <= 12 else (b, a)
    return _build(_year(match["y"]), month, day, match["H"], match["M"], match["ampm"], match["tz"])


_DIGIT = re.compile(r"\d")


# European day.month.year ("20.11.2026 | 10:05 CET").
_DOTTED = re.compile(
    rf"(?<![\w.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?![\w.])(?:{_TIME})?",
    re.IGNORECASE,
)


# Year first with slashes ("2025/03/14 09:30").
_YMD_SLASH = re.compile(
    rf"(?<![\w/])(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?![\w/])(?:{_TIME})?",
    re.IGNORECASE,
)


def _from_dotted(match: re.Match[str]) -> str | None:
    return _build(
        int(match["y"]),
        int(match["m"]),
        int(match["d"]),
        match["H"],
        match["M"],
        match["ampm"],
        match["tz"],
    )


def find_dates(text: str) -> list[DateMatch]:
    """Every full date in `text`, in order of appearance."""
    text = text[:4000]
    if not _DIGIT.search(text):
        return []
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern, build in (
        (_ISO, _from_iso),
        (_DMY, _from_named),
        (_MDY, _from_named),
        (_NUMERIC, _from_numeric),
        (_DOTTED, _from_dotted),
        (_YMD_SLASH, _from_dotted),
    ):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = build(m)
            if iso:
                found.append(DateMatch(iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0].iso if dates else None


@line_cache
def date_line(line: str) -> str | None:
    """The publication date when `line` is a page's date line, else None.

    A date line is short and holds little besides a date ("Published: ...
    | Updated: ..." gives the first). Sentences that merely mention a date
    are not date lines.
    """
    if not line or len(line) > 120:
        return None
    dates = find_dates(line)
    if not dates:
        return None
    rest = line
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    rest = re.sub(rf"\b{_WEEKDAY}|\d+|[^\w\s]", " ", rest, flags=re.IGNORECASE)
    leftover = rest.split()
    if len(leftover) > 2:
        return None
    if _UPDATED_FIRST.match(line) and len(dates) == 1:
        # "Updated ..." alone still dates the piece; publication is unknown otherwise.
        return dates[0].iso
    return dates[0].iso


def resolve_month_day(text: str, anchor: dt.date) -> str | None:
    """'March 14' -> the date with that month/day nearest before-or-near `anchor`."""
    m = _MONTH_DAY.search(text[:200])
    if not m:
        return None
    month = _MONTHS[m["m"][:3].lower()]
    day = int(m["d"])
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        # A dateline is at most a few weeks after its anchor in a later year's edge case.
        if candidate <= anchor + dt.timedelta(days=31):
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


def parse_iso_date(value: str | None) -> dt.date | None:
    """The calendar date of an ISO string (date or datetime), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def normalise(value: str | None) -> str | None:
    """Any date string a format gives (RFC 822, ISO, prose) -> ISO 8601, or None."""
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    iso = _ISO.match(value)
    if iso:
        return _from_iso(iso)
    return first_date(value)
