"""One date normaliser: the same date is the same string whichever door it came in by."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from newsdesk.extract.dates import date_line, normalise
from newsdesk.isodates import iso_to_ts, normalise_date, parse_iso


def test_an_rfc822_date_is_one_string_from_a_feed_and_from_a_page() -> None:
    rfc = "Tue, 19 Nov 2019 10:00:00 GMT"
    assert normalise_date(rfc) == "2019-11-19T10:00:00+00:00"
    assert normalise(rfc) == normalise_date(rfc)
    assert date_line(rfc) == normalise_date(rfc)
    assert date_line("19 November 2019 10:00 GMT") == normalise_date(rfc)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3. März 2021", "2021-03-03"),
        ("le 3 mars 2021", "2021-03-03"),
        ("3 de marzo de 2021", "2021-03-03"),
        ("3 marzo 2021", "2021-03-03"),
        ("3 de março de 2021", "2021-03-03"),
        ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33"),
        ("Nov. 20, 2019 5:52 AM EST", "2019-11-20T05:52:00-05:00"),
        ("03.04.2025", "2025-04-03"),
        ("2019/11/20", "2019-11-20"),
        ("2025-03-14T09:30:00Z", "2025-03-14T09:30:00+00:00"),
        ("2025-03-14", "2025-03-14"),
    ],
)
def test_written_dates(text: str, iso: str) -> None:
    assert normalise_date(text) == iso


@pytest.mark.parametrize(
    "text", ["November 2019", "Nov 5", "2019", "Tuesday", "10:00", "soon", "", "1 hour ago"]
)
def test_incomplete_dates_are_no_date(text: str) -> None:
    assert normalise_date(text) is None


def test_other_types_and_absurd_years() -> None:
    assert normalise_date(date(2024, 2, 29)) == "2024-02-29"
    assert normalise_date(datetime(2024, 2, 29, 8, 0, 5, 123, tzinfo=UTC)) == (
        "2024-02-29T08:00:05+00:00"
    )
    assert normalise_date(time.gmtime(0)) == "1970-01-01T00:00:00+00:00"
    assert normalise_date(1_700_000_000) == "2023-11-14T22:13:20+00:00"
    assert normalise_date("1 January 1850") is None
    assert normalise_date(True) is None


def test_a_field_holding_more_than_a_date_gives_its_first_date() -> None:
    assert normalise_date("Posted on March 3, 2021 by Jo") is None
    assert normalise("Posted on March 3, 2021 by Jo") == "2021-03-03"


def test_read_back() -> None:
    assert parse_iso("2025-03-14") == datetime(2025, 3, 14, tzinfo=UTC)
    assert iso_to_ts("2025-03-14T00:00:00+00:00") == iso_to_ts("2025-03-14")
    assert parse_iso("not a date") is None


def _feed_dates() -> list[str]:
    """Feed dates in the RFC 822 form and near misses, a deterministic sample."""
    import random

    rng = random.Random(822)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    zones = ["GMT", "UTC", "Z", "EST", "PDT", "IST", "CEST", "UT", "XYZ", "gmt", ""]
    zones += ["+0000", "-0000", "+0530", "-0330", "+2400", "+0099", "-1200", "+1400"]
    texts = []
    for _ in range(400):
        day = rng.choice([1, 3, 9, 28, 29, 30, 31, 0, 32])
        clock = f"{rng.choice([0, 9, 23, 24]):02d}:{rng.choice([0, 30, 59, 60]):02d}"
        if rng.random() < 0.7:
            clock += f":{rng.choice([0, 5, 59, 60]):02d}"
        year = rng.choice([1899, 1900, 2019, 2024, 2026, 2100, 2101])
        text = f"{rng.choice(['%02d', '%d']) % day} {rng.choice(months)} {year} {clock}"
        if rng.random() < 0.8:
            text = f"{rng.choice(days)}, {text}"
        zone_name = rng.choice(zones)
        texts.append(f"{text} {zone_name}".strip())
    return texts


def test_the_feed_date_shortcut_gives_what_the_written_date_parser_gives() -> None:
    """`_rfc822` (the fast path) answers only where it agrees with dateutil's `_written`."""
    import warnings

    from newsdesk.isodates import _rfc822, _written

    answered = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateutil warns about unknown zone names
        for text in _feed_dates():
            fast = _rfc822(text)
            if fast is None:
                continue
            answered += 1
            try:
                slow = _written(text)
            except ValueError:
                slow = None  # normalise_date turns dateutil's refusals into None
            assert fast == slow, text
    assert answered > 50  # the usual forms do take the shortcut
    assert normalise_date("Tue, 31 Feb 2026 10:00:00 GMT") is None
    assert normalise_date("Tue, 03 Nov 2026 10:00:00 -0330") == "2026-11-03T10:00:00-03:30"
