"""Figures and abbreviations written two ways: `US` finds "U.S.", `1000` finds "1,000",
`10%` finds "10 percent" and not "10 people", `$1.2bn` finds "$1.2 billion".

Over the 269 articles of the real-world stories corpus, `US` found 28 of the 90
articles naming the United States (62 wrote "U.S."), `percent` 13 of 37 that give a
percentage, and `10%` nine articles of which one said 10%.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from tests.search.conftest import found_by_rules, found_by_search, indexed

ARTICLES = {
    "dotted": Extracted(
        title="Tariffs rise", body="The U.S. raised tariffs on 1,000 items, up 10% on a year."
    ),
    "plain": Extracted(
        title="Tariffs climb", body="The US raised tariffs on 1000 items, up 10 percent."
    ),
    "pronoun": Extracted(title="Letters", body="Write to us: 10 people wrote 1 000 letters."),
    "billions": Extracted(title="Budget", body="The fund holds $1.2bn, and 3.5% of it is spent."),
    "spelled": Extracted(title="Budget two", body="The fund holds $1.2 billion; 3.5 per cent."),
}

QUERIES: dict[str, set[str]] = {
    "US": {"dotted", "plain", "pronoun"},
    "1000": {"dotted", "plain"},
    "1,000": {"dotted", "plain"},
    '"1,000 items"': {"dotted", "plain"},
    "10%": {"dotted", "plain"},
    '"10 percent"': {"dotted", "plain"},
    "percent": {"dotted", "plain", "billions", "spelled"},
    "$1.2bn": {"billions", "spelled"},
    '"1.2 billion"': {"billions", "spelled"},
    "billion": {"billions", "spelled"},
    "3.5%": {"billions", "spelled"},
}


@pytest.fixture(scope="module")
def engine(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    with indexed(Path(tmp_path_factory.mktemp("figures")), ARTICLES) as found:
        yield found


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_a_figure_or_abbreviation_finds_its_other_spelling(
    engine: tuple[SearchEngine, dict[str, str]], query: str, expected: set[str]
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_a_dotted_abbreviation_is_also_read_without_its_dots(
    engine: tuple[SearchEngine, dict[str, str]],
) -> None:
    """ "U.S." is indexed as itself and as "us"; `U.S.` asks for the dotted form, which
    "US" in capitals is indexed as too, so it finds both and never the pronoun."""
    from newsdesk.search.words import positions_of

    assert positions_of("the u.s. said") == {"u.s": [0], "us": [0], "said": [1]}
    search, ids = engine
    assert found_by_search(search, ids, "U.S.") == {"dotted", "plain"}


def test_rules_on_arrival_agree(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, ids = engine
    assert found_by_rules(search, ids, QUERIES) == QUERIES


def test_the_detail_pane_marks_them() -> None:
    from newsdesk.search.highlight import highlighter

    text = "The U.S. bought 1,000 tons, 10% more."
    marks = [text[a:b] for a, b in highlighter(["us", "1000", "percent"])(text)]
    assert marks == ["U.S", "1,000", "%"]
