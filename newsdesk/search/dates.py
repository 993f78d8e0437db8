"""Date expressions of the query language, turned into half-open time spans.

A span is (start, end) in epoch seconds, either end None for "open". Calendar
dates are days in the timezone of `now` (UTC unless the caller passes an aware
`now` in another zone), matching how the store reads dates without a zone. A day
written another way ("18.11.2026") is read by the one date normaliser, `isodates`;
month arithmetic is python-dateutil's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cached_property
from typing import Any

from dateutil.relativedelta import relativedelta

from newsdesk.isodates import iso_to_ts, normalise_date, parse_iso_date

DATE_HELP = (
    "try 2026-11-18, 2026-11, 2026-11-01..2026-11-18, >2026-11-01, >2026-11-18T09:30, -7d or today"
)


def shown(text: str, width: int = 32) -> str:
    """User input quoted back in a message, cut short so the message stays one line."""
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


class DateSyntaxError(ValueError):
    """A date expression that cannot be read (the message says what is accepted)."""


#: Seconds a date written alone can move by when read in any time zone (UTC-12 to
#: UTC+14): the store's rows carry such a date at midnight UTC.
WIDEST_OFFSET = 14 * 3600


@dataclass(frozen=True)
class Span:
    """Articles published at or after `start` and before `end` (None: unbounded).

    A publication date written without a time ("2026-12-06") names a day, not a
    moment: it is read as midnight in `zone`, the zone the query's days were read
    in, so `published:2026-12-06` finds it wherever the reader is, as the lists
    show it under that day (`isodates.local_day`)."""

    start: float | None
    end: float | None
    zone: tzinfo = UTC

    @cached_property
    def first_day(self) -> str | None:
        """The first day (YYYY-MM-DD) whose midnight in `zone` is at or after `start`
        (kept: a rule asks it of every arriving article)."""
        return None if self.start is None else _day_from(self.start, self.zone)

    @cached_property
    def end_day(self) -> str | None:
        """The first day whose midnight in `zone` is at or after `end`: dates written
        alone before it are inside."""
        return None if self.end is None else _day_from(self.end, self.zone)

    def holds(self, published: str | None) -> bool:
        """Whether a stored publication value (ISO date or datetime) is inside."""
        if not published:
            return False
        if len(published) == 10:
            first, end = self.first_day, self.end_day
            return (first is None or published >= first) and (end is None or published < end)
        ts = iso_to_ts(published)
        if ts is None:
            return False
        return (self.start is None or ts >= self.start) and (self.end is None or ts < self.end)


def _day_from(moment: float, zone: tzinfo) -> str:
    try:
        day = datetime.fromtimestamp(moment, zone).date()
        if _midnight(day, zone) < moment:
            day += timedelta(days=1)
    except (OverflowError, OSError, ValueError):
        return "0000-01-01" if moment < 0 else "9999-12-31"
    return day.isoformat()


_RELATIVE = re.compile(
    r"^-?(\d{1,5})\s*(m|mins?|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?|mo|months?|y|yr|years?)$"
)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
#: A day with a time of day: "2026-12-05t23:00", with seconds, a "z" or an offset.
_MOMENT = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[t ](\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(z|[+-]\d{2}:?\d{2})?$"
)


def _zone(now: datetime) -> tzinfo:
    return now.tzinfo if now.tzinfo is not None else UTC


def _midnight(day: date, zone: tzinfo) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=zone).timestamp()


def _add_months(day: date, months: int) -> date:
    """The first of the month `months` after (or before) `day`'s month."""
    try:
        return day.replace(day=1) + relativedelta(months=months)
    except (ValueError, OverflowError) as exc:
        raise DateSyntaxError("that date is out of range") from exc


def _relative_start(amount: int, unit: str, now: datetime) -> float:
    unit = unit[0] if unit[:2] != "mo" else "mo"
    try:
        if unit == "m":  # minutes ("mo" is months): triage asks for the last half hour
            return (now - timedelta(minutes=amount)).timestamp()
        if unit == "h":
            return (now - timedelta(hours=amount)).timestamp()
        if unit == "d":
            return (now - timedelta(days=amount)).timestamp()
        if unit == "w":
            return (now - timedelta(weeks=amount)).timestamp()
        # Calendar months and years: -1mo on 31 March reaches back to 28 or 29 February.
        if unit == "mo":
            return (now - relativedelta(months=amount)).timestamp()
        return (now - relativedelta(years=amount)).timestamp()
    except (OverflowError, ValueError) as exc:
        raise DateSyntaxError("that relative date is too far back") from exc


#: A time of day alone: `09:00`, `9:30`, `14:05:30`.
_CLOCK = re.compile(r"^t?([01]?\d|2[0-3]):([0-5]\d(?::[0-5]\d)?)$")


def period(text: str, now: datetime) -> Span:
    """The span a single date word covers: a day, a month, a year, a named period,
    or (for a relative age like -7d) from that moment until now and after."""
    word = text.strip().lower()
    zone = _zone(now)
    today = now.astimezone(zone).date()
    try:
        if word in ("today", "now"):
            return Span(_midnight(today, zone), _midnight(today + timedelta(days=1), zone))
        if word == "yesterday":
            return Span(_midnight(today - timedelta(days=1), zone), _midnight(today, zone))
        if word in ("this-week", "thisweek", "week"):
            monday = today - timedelta(days=today.weekday())
            return Span(_midnight(monday, zone), _midnight(monday + timedelta(days=7), zone))
        if word in ("last-week", "lastweek"):
            monday = today - timedelta(days=today.weekday() + 7)
            return Span(_midnight(monday, zone), _midnight(monday + timedelta(days=7), zone))
        if word in ("this-month", "thismonth", "month"):
            first = today.replace(day=1)
            return Span(_midnight(first, zone), _midnight(_add_months(first, 1), zone))
        if word in ("last-month", "lastmonth"):
            first = _add_months(today.replace(day=1), -1)
            return Span(_midnight(first, zone), _midnight(today.replace(day=1), zone))
        if word in ("this-year", "thisyear", "year"):
            first = date(today.year, 1, 1)
            return Span(_midnight(first, zone), _midnight(date(today.year + 1, 1, 1), zone))
        match = _RELATIVE.match(word)
        if match and word.startswith("-"):
            return Span(_relative_start(int(match.group(1)), match.group(2), now), None)
        clock = _CLOCK.match(word)
        if clock:
            # A time of day alone is today's ("arrived:>09:00": since nine this morning).
            word = f"{today.isoformat()}t{int(clock.group(1)):02}:{clock.group(2)}"
        match = _MOMENT.match(word)
        if match:
            return _moment(match, zone)
        match = _DAY.match(word)
        if match:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            return Span(_midnight(day, zone), _midnight(day + timedelta(days=1), zone))
        match = _MONTH.match(word)
        if match:
            first = date(int(match.group(1)), int(match.group(2)), 1)
            return Span(_midnight(first, zone), _midnight(_add_months(first, 1), zone))
        match = _YEAR.match(word)
        if match:
            year = int(match.group(1))
            if year < 1 or year >= 9999:
                raise DateSyntaxError("that year is out of range")
            return Span(_midnight(date(year, 1, 1), zone), _midnight(date(year + 1, 1, 1), zone))
        # Any other way of writing a day that importers read ("18.11.2026", "2026/11/18").
        written = parse_iso_date(normalise_date(word))
        if written is not None:
            return Span(_midnight(written, zone), _midnight(written + timedelta(days=1), zone))
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, DateSyntaxError):
            raise
        if isinstance(exc, OverflowError):
            # 9999-12-31 is a real date; the day after it is past what dates can hold.
            raise DateSyntaxError(f"{shown(text)} is out of range (years 1 to 9998)") from exc
        raise DateSyntaxError(f"{shown(text)} is not a real date") from exc
    raise DateSyntaxError(f"cannot read the date {shown(text)}")


def _moment(match: re.Match[str], zone: tzinfo) -> Span:
    """The minute (or the second, when seconds are given) a day and time name: in the
    zone it states, else in `now`'s, as days are. Read as its day, the time was lost
    (`published:>2026-12-05T23:00` found nothing dated 23:30 that day)."""
    year, month, day, hour, minute = (int(match.group(n)) for n in range(1, 6))
    offset = (match.group(7) or "").replace("z", "+00:00")
    moment = datetime.fromisoformat(
        f"{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{match.group(6) or '00'}{offset}"
    )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    start = moment.timestamp()
    return Span(start, start + (1 if match.group(6) else 60))


def arrived_sql(span: Span, mark: str) -> tuple[str, list[Any]]:
    """`arrived:` as SQL over `a.imported_at` (`mark` is the driver's placeholder): the
    store stamps it in UTC to the second (`isodates.utc_now_iso`), so the bounds are
    compared as text written the same way."""
    clauses = ["a.imported_at IS NOT NULL"]
    params: list[Any] = []
    for bound, op in ((span.start, ">="), (span.end, "<")):
        if bound is not None:
            clauses.append(f"a.imported_at {op} {mark}")
            params.append(_utc_stamp(bound))
    return " AND ".join(clauses), params


def _utc_stamp(ts: float) -> str:
    try:
        moment = datetime.fromtimestamp(ts, UTC)
    except (OverflowError, OSError, ValueError):
        moment = datetime.max.replace(tzinfo=UTC) if ts > 0 else datetime.min.replace(tzinfo=UTC)
    return moment.replace(microsecond=0).isoformat()


def parse_span(expr: str, now: datetime) -> Span:
    """A `published:` value: a period, a range `A..B`, or a comparison `>A`, `<=B`."""
    return replace(_parse_span(expr, now), zone=_zone(now))


def _parse_span(expr: str, now: datetime) -> Span:
    value = expr.strip()
    if not value:
        raise DateSyntaxError("the date is empty")
    if ".." in value:
        left, _, right = value.partition("..")
        start = period(left, now).start if left.strip() else None
        end = period(right, now).end if right.strip() else None
        if start is None and end is None:
            raise DateSyntaxError("a date range needs at least one end")
        if right.strip() and _is_relative(right):
            # "..-7d" reads as "up to 7 days ago".
            end = period(right, now).start
        if start is not None and end is not None and start >= end:
            raise DateSyntaxError(f"the range {shown(value)} ends before it starts")
        return Span(start, end)
    for op in (">=", "<=", ">", "<", "="):
        if value.startswith(op):
            target = value[len(op) :].strip()
            if not target:
                raise DateSyntaxError(f"{op} needs a date after it")
            span = period(target, now)
            relative = _is_relative(target)
            if op == "=":
                return span
            if relative:
                # A relative age names a moment: >-7d is newer than it, <-7d older.
                moment = span.start
                return Span(moment, None) if op in (">", ">=") else Span(None, moment)
            if op == ">":
                return Span(span.end, None)
            if op == ">=":
                return Span(span.start, None)
            if op == "<":
                return Span(None, span.start)
            return Span(None, span.end)
    return period(value, now)


def _is_relative(text: str) -> bool:
    word = text.strip().lower()
    return word.startswith("-") and _RELATIVE.match(word) is not None
