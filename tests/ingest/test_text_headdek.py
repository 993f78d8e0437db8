"""Plain text typed as "headline / standfirst / byline": the first line is the headline."""

from __future__ import annotations

from newsdesk.ingest import load_bytes


def test_a_short_headline_over_a_short_standfirst_keeps_both() -> None:
    text = (
        "Bakery chain shuts rural shops\n\n"
        "Villagers lose their last place to buy bread\n\n"
        "By Oskar Feld\n\n"
        "NORTHBY — The Crumb & Co chain will close nine shops in farming villages by spring, "
        "the company told staff on Thursday.\n\n"
        "Residents said the nearest bakery would then be twenty kilometres away.\n"
    )
    item = load_bytes(text.encode(), "bakery.txt").items[0]
    assert item.title == "Bakery chain shuts rural shops"
    assert item.dek == "Villagers lose their last place to buy bread"
    assert item.authors == ["Oskar Feld"]


def test_a_three_word_headline_over_its_standfirst() -> None:
    text = (
        "Ferry fares frozen\n\n"
        "Island commuters spared a rise for the second year\n\n"
        "By Oskar Feld\n\n"
        "The island council froze ferry fares on Tuesday after a vote that split the chamber, "
        "its leader said.\n\n"
        "The freeze costs the council about a million a year.\n"
    )
    item = load_bytes(text.encode(), "ferry.txt").items[0]
    assert item.title == "Ferry fares frozen"
    assert item.dek == "Island commuters spared a rise for the second year"
