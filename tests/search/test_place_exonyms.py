"""`place:` finds a city or region however another language writes it.

German copy's "München" is kept as Munich (the places list is English), so
`place:münchen` found nothing while the word `münchen` found the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.model import Extracted
from tests.search.conftest import found_by_rules, found_by_search, indexed

ARTICLES = {
    "bavaria": Extracted(
        title="Staatsregierung plant neue Regeln",
        body="Die Staatsregierung in München will den Ausbau beschleunigen.",
        places=["Munich", "Bavaria", "Berlin"],
        language="de",
    ),
    "milan": Extracted(
        title="Fashion week opens",
        body="Designers gathered in Milan on Monday.",
        places=["Milan"],
    ),
}

QUERIES: dict[str, set[str]] = {
    "place:münchen": {"bavaria"},
    "place:Munchen": {"bavaria"},
    "place:munich": {"bavaria"},
    "place:mailand": {"milan"},
    "place:milano": {"milan"},
    "place:wien": set(),
}


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_a_place_is_found_by_its_other_names(
    tmp_path: Path, query: str, expected: set[str]
) -> None:
    with indexed(tmp_path, ARTICLES) as (search, ids):
        assert found_by_search(search, ids, query) == expected
        assert found_by_rules(search, ids, {query: expected}) == {query: expected}
