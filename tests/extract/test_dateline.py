"""Datelines: the place a story was filed from, normalised, and the agency in it."""

from __future__ import annotations

import pytest

from newsdesk.extract.dateline import lone_place, normalise_place, parse_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("SEOUL, South Korea — Officials met on Monday.", "Seoul, South Korea", None),
        ("GDANSK, March 14 (Agency) - The yard signed the order.", "Gdansk", "Agency"),
        ("NAIROBI (AP) — Rains flooded the market.", "Nairobi", "AP"),
        ("The Hague — Judges ruled on Friday.", "The Hague", None),
        ("BUFFALO, N.Y. — The team won again.", "Buffalo, N.Y.", None),
        ("LOS ANGELES (Reuters) - Studios reported sales.", "Los Angeles", "Reuters"),
        ("KHAN YOUNIS, GAZA — Doctors said.", "Khan Younis, Gaza", None),
        ("Lisbon, Portugal: The startup raised money.", "Lisbon, Portugal", None),
        ("Cairo (CNN)The talks resumed.", "Cairo", "CNN"),
    ],
)
def test_dateline_shapes(paragraph: str, place: str, agency: str | None) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is not None
    assert dateline.place == place
    assert dateline.agency == agency


def test_month_day_in_dateline() -> None:
    dateline = parse_dateline("ALZIRA, Spain, Nov 16 (PWS) - Torrential rain fell.")
    assert dateline is not None
    assert dateline.place == "Alzira, Spain"
    assert dateline.month_day == "Nov 16"


def test_agency_only_dateline() -> None:
    dateline = parse_dateline("(Reuters) — The company said.")
    assert dateline is not None
    assert dateline.place is None
    assert dateline.agency == "Reuters"


@pytest.mark.parametrize(
    "paragraph",
    [
        "A HIGH-speed train left the station on time.",
        "MARIA Lopez — a teacher — said she was leaving.",
        "However, the minister said: nothing will change.",
        "Yesterday — for the first time — the bridge closed.",
    ],
)
def test_not_a_dateline(paragraph: str) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is None or dateline.place is None


def test_outlet_where_a_dateline_would_be() -> None:
    dateline = parse_dateline("Harbour News – Police said on Friday.")
    assert dateline is not None
    assert dateline.place is None
    assert dateline.outlet == "Harbour News"


def test_normalise_place() -> None:
    assert normalise_place("SAN FRANCISCO, Calif.") == "San Francisco, Calif."
    assert normalise_place("WASHINGTON, DC") == "Washington, DC"


def test_lone_place_line() -> None:
    assert lone_place("Seoul, South Korea") == "Seoul, South Korea"
    assert lone_place("Cork") == "Cork"
    assert lone_place("Texas State Capitol") is None
    assert lone_place("Sunita Rao") is None
