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
