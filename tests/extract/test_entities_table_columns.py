"""A table column of places holds places, whatever person cues its cells fire."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities

_TABLE = """The list of members follows.

Constituency | Member | Email address

Bishop Auckland | Nadia Ortiz | nadia.ortiz@example.org

Birmingham | Tomas Lindqvist | tomas.lindqvist@example.org

Hazel Grove | Ruth Okafor | ruth.okafor@example.org

Manchester | Pavel Novak | pavel.novak@example.org

Filton and Bradley Stoke | Owen Price | owen.price@example.org

Leeds | Amira Haddad | amira.haddad@example.org

Bristol | Jonas Berg | jonas.berg@example.org
"""


def test_a_column_of_places_makes_its_other_names_places() -> None:
    found = find_entities(_TABLE)
    for place in ("Bishop Auckland", "Hazel Grove", "Bradley Stoke"):
        assert place in found.places
        assert place not in found.people
    assert "Auckland" not in found.people
    assert {"Nadia Ortiz", "Ruth Okafor", "Owen Price"} <= set(found.people)
    # Headlines run together with bars are no table: their names keep their kinds.
    bars = " | ".join(
        f"Hazel Grove {n} said the long awaited council report would be out on Monday"
        for n in ("Smith", "Jones", "Brown", "Green", "White", "Black", "Stone")
    )
    assert "Bristol" not in find_entities(bars + "\n\n" + "Bristol is wet.").people
    assert not set(find_entities(bars).places) & {"Hazel Grove Smith", "Hazel Grove"}
