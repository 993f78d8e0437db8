"""`org:` finds an organisation by its initials, as `source:` finds an outlet.

On a desk of real news `org:cdc` found 1 article where 15 named the "Centers for
Disease Control and Prevention", and `org:eu`, `org:un` and `org:who` found none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from tests.search.conftest import found_by_rules, found_by_search, indexed

ARTICLES = {
    "cdc": Extracted(
        title="Masks can come off outdoors",
        organizations=["Centers for Disease Control and Prevention"],
        body="The Centers for Disease Control and Prevention eased its advice.",
    ),
    "who": Extracted(
        title="Origins report delayed",
        organizations=["World Health Organization", "Wuhan Institute of Virology"],
        body="The World Health Organization said the report was delayed.",
    ),
    "eu": Extracted(
        title="Brussels agrees budget",
        organizations=["European Union", "United Nations"],
        body="The European Union and the United Nations agreed.",
    ),
    "jcs": Extracted(
        title="Generals meet",
        organizations=["Joint Staff Council"],
        body="The Joint Staff Council (JSCO) met on Monday.",
    ),
    "clinic": Extracted(
        title="Court to weigh in on abortion law",
        organizations=["Jackson Women's Health Organization", "U.S. News"],
        body="Jackson Women's Health Organization sued; U.S. News reported the case.",
    ),
    "puc": Extracted(
        title="Utility rates rise",
        organizations=["California Public Utilities Commission"],
        body="The California Public Utilities Commission approved the rise; the PUC said so.",
    ),
    "other": Extracted(
        title="Who won the cup",
        organizations=["Harbour Rowing Club"],
        body="Who won? The Harbour Rowing Club did, and the crowd cheered.",
    ),
}

QUERIES: dict[str, set[str]] = {
    "org:cdc": {"cdc"},
    "org:who": {"who"},
    "org:eu": {"eu"},
    # Not by the initials of a name's tail (Women's Health Organization) unless the text
    # uses them, nor of a name holding an abbreviation (U.S. News).
    "org:un": {"eu"},
    "org:puc": {"puc"},
    "org:jwho": {"clinic"},
    "org:jsco": {"jcs"},
    "org:hrc": {"other"},
    'org:"world health organization"': {"who"},
}


@pytest.fixture(scope="module")
def engine(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    with indexed(Path(tmp_path_factory.mktemp("orgs")), ARTICLES) as found:
        yield found


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_an_organisation_is_found_by_its_initials(
    engine: tuple[SearchEngine, dict[str, str]], query: str, expected: set[str]
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_rules_agree_with_the_index(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, ids = engine
    assert found_by_rules(search, ids, QUERIES) == QUERIES
