"""Named zones are applied, and they, the page and the day of import order numeric dates."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.extract.date_order import reference_day
from newsdesk.extract.dates import date_line, find_dates, numeric_order
from newsdesk.ingest import load_bytes


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2026-03-04 09:30 CET", "2026-03-04T09:30:00+01:00"),
        ("2026-03-04T09:30 EEST", "2026-03-04T09:30:00+03:00"),
        ("2026-03-04 09:30:15 PST", "2026-03-04T09:30:15-08:00"),
        ("4 March 2026 09:30 WET", "2026-03-04T09:30:00+00:00"),
    ],
)
def test_a_zone_named_after_the_time_is_applied(text: str, iso: str) -> None:
    assert find_dates(text)[0].iso == iso


def test_a_zone_that_is_also_a_word_counts_only_in_capitals() -> None:
    # French "et" (and), German "ist" (is): no zone after a time in running text.
    assert find_dates("Publié le 2 mars 2026, 10:30 et mis à jour")[0].iso == (
        "2026-03-02T10:30:00"
    )
    assert find_dates("March 2, 2026 10:30 a.m. ET")[0].iso == "2026-03-02T10:30:00-05:00"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("04/03/2026 08:05 GMT", "2026-03-04T08:05:00+00:00"),
        ("Updated: 04/03/2026 08:05 BST", "2026-03-04T08:05:00+01:00"),
        ("04/03/2026 08:05 CET", "2026-03-04T08:05:00+01:00"),
        ("04/03/2026 8:05 a.m. ET", "2026-04-03T08:05:00-05:00"),
        ("04/03/2026 08:05 PDT", "2026-04-03T08:05:00-07:00"),
    ],
)
def test_the_zone_of_a_numeric_date_tells_its_order(line: str, iso: str) -> None:
    with reference_day(dt.date(2030, 1, 1)), numeric_order("en"):
        assert date_line(line) == iso


def test_the_zones_of_the_pages_times_order_a_date_without_one() -> None:
    page = "Published 04/03/2026\n\nUpdated 10:15 GMT\n\nThe story."
    with reference_day(dt.date(2030, 1, 1)), numeric_order("en", page):
        assert date_line("Published 04/03/2026") == "2026-03-04"
    page = "Published 04/03/2026\n\nUpdated 10:15 a.m. EDT\n\nThe story."
    with reference_day(dt.date(2030, 1, 1)), numeric_order("en", page):
        assert date_line("Published 04/03/2026") == "2026-04-03"


def test_without_a_signal_the_fresh_reading_wins() -> None:
    line = "Last updated: 05/03/2026 - 23:10"
    with reference_day(dt.date(2026, 3, 6)), numeric_order("en"):
        assert date_line(line) == "2026-03-05T23:10:00"  # yesterday, not 3 May to come
    with reference_day(dt.date(2026, 5, 10)), numeric_order("en"):
        assert date_line(line) == "2026-05-03T23:10:00"  # a week ago, not two months
    with reference_day(dt.date(2029, 1, 1)), numeric_order("en"):
        # An archive page: neither reading is fresh, and English reads the month first.
        assert date_line(line) == "2026-05-03T23:10:00"


def test_a_day_first_language_still_reads_the_day_first() -> None:
    with reference_day(dt.date(2026, 5, 10)), numeric_order("de"):
        assert date_line("05/03/2026") == "2026-03-05"


def test_a_british_text_copy_is_dated_by_its_zone() -> None:
    text = (
        "Tide gauge records a new high at Skerrow\n\n"
        "By Ines Marlow\n\n"
        "04/03/2026 08:05 GMT\n\n"
        "SKERROW — The harbour's tide gauge recorded its highest reading in forty years on "
        "Tuesday morning, the harbour master said.\n\n"
        '"The water came over the quay," said fisherman Tobias Wren.\n'
    )
    item = load_bytes(text.encode(), "gauge.txt").items[0]
    assert item.published == "2026-03-04T08:05:00+00:00"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        # The zone printed with the date orders it, as in a page's text.
        ("06/12/2026 08:05 GMT", "2026-12-06T08:05:00+00:00"),
        ("05/12/2026 10:00 EST", "2026-05-12T10:00:00-05:00"),
        # No zone: the fresh reading against the day of import (6 December 2026).
        ("05/12/2026", "2026-12-05"),
        ("12/05/2026", "2026-12-05"),
        # An archive date: neither reading is fresh, the month is read first as before.
        ("03/05/2021", "2021-03-05"),
        # Only one reading is a date.
        ("25/11/2026", "2026-11-25"),
        ("11/25/2026", "2026-11-25"),
    ],
)
def test_a_structured_fields_numeric_date_is_ordered_like_a_pages(value: str, iso: str) -> None:
    # A JSON Lines item's "published" goes through `isodates.normalise_date`, not the page's
    # date finder: the same signals must order it.
    line = '{"title": "Ferry timetable changes", "body": "The ferry runs later.", '
    line += f'"published": "{value}"}}\n'
    with reference_day(dt.date(2026, 12, 6)):
        items = load_bytes(line.encode(), "queue.jsonl").items
    assert items[0].published == iso
