"""Dates in the other languages' short forms, and the publication date among several."""

from __future__ import annotations

import pytest

from newsdesk.extract.dates import date_line


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("vr 13 mrt 2026, 06:00", "2026-03-13T06:00:00"),
        ("di 4 mei 2027", "2027-05-04"),
        ("wt., 5 maja 2026", "2026-05-05"),
        ("Opublikowano: 13 października 2026", "2026-10-13"),
        ("czwartek, 9 lipca 2026", "2026-07-09"),
        ("7 paź 2025 10:00", "2025-10-07T10:00:00"),
        ("donderdag 8 januari 2026", "2026-01-08"),
    ],
)
def test_short_and_declined_month_names(line: str, iso: str) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "Last modified on Fri 9 Oct 2026 11.20 BST · First published on Wed 7 Oct 2026 08.00 BST",
        "Updated: 9 October 2026 | Published: 7 October 2026",
        "Aktualisiert am 9. Oktober 2026, veröffentlicht am 7. Oktober 2026",
    ],
)
def test_the_date_labelled_published_wins_over_the_updated_one(line: str) -> None:
    assert (date_line(line) or "")[:10] == "2026-10-07"


def test_a_league_over_a_date_it_now_reads_is_no_byline() -> None:
    from newsdesk.extract.byline import parse_name_line

    assert parse_name_line("KPL Superliga", ["14 października 2026, 18:00"]) is None
    signed = parse_name_line("Marta Zielińska", ["14 października 2026, 18:00"])
    assert signed is not None and signed.authors == ["Marta Zielińska"]
