"""A quoted phrase finds its words however the text joins them: `"covid 19"` finds
"COVID-19" (over the real-world stories corpus it found none of the 41 articles that
write so), `"e mail"` "e-mail", and `"covid-19 cases"` "covid 19 cases". The index
holds a hyphenated word as one word at one place, so a phrase spelling it apart missed it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from tests.search.conftest import found_by_rules, found_by_search, indexed

ARTICLES = {
    "hyphen": Extracted(title="COVID-19 cases rise", body="Send an e-mail to the co-founder."),
    "apart": Extracted(title="Covid 19 cases fall", body="Send an e mail to the co founder."),
    "joined": Extracted(title="Covid19 cases steady", body="Send an email to the cofounder."),
    "neither": Extracted(title="Cases of covid", body="In 19 days the mail came."),
}

QUERIES: dict[str, set[str]] = {
    '"covid 19"': {"hyphen", "apart", "joined"},
    '"covid-19"': {"hyphen", "apart", "joined"},
    '"covid 19 cases"': {"hyphen", "apart", "joined"},
    '"covid-19 cases"': {"hyphen", "apart", "joined"},
    '"e mail"': {"hyphen", "apart", "joined"},
    'title:"covid 19"': {"hyphen", "apart", "joined"},
    '"the co founder"': {"hyphen", "apart", "joined"},
    '-"covid 19"': {"neither"},
}


@pytest.fixture(scope="module")
def engine(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    with indexed(Path(tmp_path_factory.mktemp("phrases")), ARTICLES) as found:
        yield found


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_a_quoted_phrase_finds_its_words_joined_or_apart(
    engine: tuple[SearchEngine, dict[str, str]], query: str, expected: set[str]
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_rules_on_arrival_agree(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, ids = engine
    assert found_by_rules(search, ids, QUERIES) == QUERIES


def test_a_colon_word_and_a_name_are_as_typed() -> None:
    """`10:30` is no "10-30" (a score); a name field's phrase is the name's run."""
    from newsdesk.search.query import Words, parse

    assert parse("10:30").root == Words("any", "10:30", "word")
    assert parse('person:"moon jae-in"').root == Words("people", "moon jae-in", "phrase")
    assert parse('"covid 19"').root != Words("any", "covid 19", "phrase")
