"""A title abbreviated before a name ("Sens. Joe Manchin ...") never reads as a dateline."""

from __future__ import annotations

from newsdesk.extract import extract_page
from newsdesk.extract.dateline import parse_dateline

TITLES = [
    "Sen.", "Sens.", "Rep.", "Reps.", "Gov.", "Govs.", "Gen.", "Lt.", "Dr.", "Prof.",
    "Col.", "Capt.", "Sgt.", "Maj.", "Mr.", "Mrs.", "Rev.", "Pres.",
]  # fmt: skip


def test_a_title_opening_a_sentence_is_no_dateline() -> None:
    # "Sens" is also a town in France: the full stop is a title's, not a dateline's.
    read = {
        t: parse_dateline(f"{t} Joe Manchin and Kyrsten Sinema said on Tuesday.") for t in TITLES
    }
    assert {t: d for t, d in read.items() if d is not None} == {}
    # A German paper's town before its full stop still is one.
    dateline = parse_dateline("Wetzlar. Der Stadtrat hat am Montag beschlossen.")
    assert dateline is not None and dateline.place == "Wetzlar"


def test_sens_is_neither_the_dateline_nor_a_place_of_the_story() -> None:
    page = (
        "Senate Democrats pause their voting bill\n\n"
        "By Dana Ortlieb\n\n"
        "Sens. Joe Manchin and Kyrsten Sinema said on Tuesday they would not back the bill "
        "as it stands, leaving the party short of the votes it needs in Washington.\n\n"
        "Leaders said they would try again next month after talks with both senators."
    )
    meta = extract_page(page)
    assert meta.dateline != "Sens"
    assert "Sens" not in meta.places
