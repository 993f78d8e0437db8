"""A phrase pasted with typographic quotes is a phrase: “police officer” found every
article holding both words apart (over the real-world stories corpus, 4 for 3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from newsdesk.search.query_lexer import Token, lex
from tests.search.conftest import found_by_rules, found_by_search, indexed

ARTICLES = {
    "phrase": Extracted(title="Police shooting", body="A police officer fired; O’Brien said so."),
    "apart": Extracted(
        title="Shooting by police", body="The officer spoke to the police after O'Brien."
    ),
}
QUERIES = {
    "“police officer”": {"phrase"},
    "‘police officer’": {"phrase"},
    "„police officer“": {"phrase"},
    "«police officer»": {"phrase"},
    "title:“police shooting”": {"phrase"},
}


@pytest.fixture(scope="module")
def engine(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    with indexed(Path(tmp_path_factory.mktemp("quotes")), ARTICLES) as found:
        yield found


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_typographic_quotes_make_a_phrase(
    engine: tuple[SearchEngine, dict[str, str]], query: str, expected: set[str]
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_rules_on_arrival_agree(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, ids = engine
    assert found_by_rules(search, ids, QUERIES) == QUERIES


def test_an_apostrophe_is_no_quote() -> None:
    assert lex("O’Brien’s ‘x") == [Token("word", "O’Brien’s"), Token("word", "‘x")]
    assert lex("“a b”") == [Token("phrase", "a b")]
    assert lex("‘O’Brien said’") == [Token("phrase", "O’Brien said")]
