"""Compounds, one-letter pieces, stems and names: what a typed word finds.

An exploratory tester's desk of real news: `AT&T` found 106 articles (the top hit
said "won't": the piece "t"), `ceasefire` missed "cease-fire", `vaccine` missed
"vaccinated", and `harry` found Kamala Harris (both stemmed "harri"). The rules on
arrival match the same way (`found_by_rules`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from tests.search.conftest import NOW, found_by_rules, found_by_search, indexed

ARTICLES = {
    "att": Extracted(
        title="Regulators question carriers",
        source="The Harbour Times",
        body="Executives from AT&T, Comcast and T-Mobile testified on Wednesday.",
    ),
    "wont": Extracted(
        title="Council won't reopen the pool",
        body="The council said it won't reopen the pool this year; at the T junction, work stops.",
    ),
    "deal": Extracted(
        title="Bankers expect more M&A next year",
        body="Mergers and acquisitions (M&A) rose. Jack Ma spoke at a conference.",
    ),
    "obrien": Extracted(
        title="O'Brien named coach",
        people=["Kevin O'Brien"],
        body="Kevin O'Brien's first season starts in May.",
    ),
    "obvious": Extracted(
        title="An obvious bridge",
        people=["Barack Obama"],
        body="O'Neill said the brief was obvious; Brienne was not there.",
    ),
    "assad": Extracted(
        title="Al-Assad meets envoy",
        people=["Bashar al-Assad"],
        body="Bashar al-Assad met the envoy in Damascus.",
    ),
    "assange": Extracted(
        title="Assange appeal heard",
        people=["Julian Assange"],
        body="Julian Assange's lawyers argued the appeal; Al Jazeera reported it.",
    ),
    "hyphen": Extracted(
        title="Cease-fire holds in the north",
        body="The cease-fire held overnight, a non-profit group said by e-mail about COVID-19.",
    ),
    "closed": Extracted(
        title="Ceasefire talks resume",
        body="Ceasefire talks resumed; the nonprofit sent an email about covid19 to the G7.",
    ),
    "vaccinated": Extracted(
        title="CDC: Fully vaccinated people don't need to wear masks outside",
        body="People who are fully vaccinated can go without masks, officials said.",
    ),
    "harry": Extracted(
        title="Harry and Meghan speak",
        people=["Prince Harry", "Meghan Markle"],
        body="Prince Harry said the family had struggled.",
    ),
    "harried": Extracted(
        title="Harried commuters wait",
        body="Harried commuters waited an hour for the last train.",
    ),
    "organisation": Extracted(
        title="International aid organizations meet",
        body="Organizations from twenty countries met at an international conference.",
    ),
    "organ": Extracted(
        title="Organ donors honoured",
        body="The internal medicine ward thanked organ donors at an evening concert.",
    ),
    "harris": Extracted(
        title="Harris visits the border",
        people=["Kamala Harris"],
        body="Vice President Kamala Harris visited the border. Harris's aides said little.",
    ),
}

#: Query -> the articles it finds (keys of ARTICLES).
QUERIES: dict[str, set[str]] = {
    "AT&T": {"att"},
    '"AT&T"': {"att"},
    "title:AT&T": set(),
    "M&A": {"deal"},
    'source:"the harbour times"': {"att"},
    "won't": {"wont"},
    "o'brien": {"obrien"},
    "obrien": {"obrien"},
    "brien": {"obrien"},
    "o'bri*": {"obrien"},
    "al-ass*": {"assad"},
    "person:o'b*": {"obrien"},
    "person:o’bri*": {"obrien"},
    "person:obrien": {"obrien"},
    "al-assad": {"assad"},
    "assad": {"assad"},
    "ceasefire": {"hyphen", "closed"},
    "cease-fire": {"hyphen", "closed"},
    '"cease-fire talks"': {"closed"},
    "nonprofit": {"hyphen", "closed"},
    "non-profit": {"hyphen", "closed"},
    "email": {"hyphen", "closed"},
    "covid19": {"hyphen", "closed"},
    "covid-19": {"hyphen", "closed"},
    "g-7": {"closed"},
    "vaccine": {"vaccinated"},
    # Whoosh's Python Porter2 stemmed these words to one stem (organ, intern, even).
    "organ": {"organ"},
    "organization": {"organisation"},
    "international": {"organisation"},
    "internal": {"organ"},
    "even": set(),
    "evening": {"organ"},
    "vaccination": {"vaccinated"},
    # A name's word is indexed as written: Harry and Harris do not meet, though a
    # word stemmed so ("harried") still comes with either.
    "harry": {"harry", "harried"},
    "title:harry": {"harry", "harried"},
    "harris": {"harris", "harried"},
    "person:harry": {"harry"},
    '"prince harry"': {"harry"},
    '"harris visited"': {"harris"},
}


@pytest.fixture(scope="module")
def engine(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    with indexed(Path(tmp_path_factory.mktemp("forms")), ARTICLES) as found:
        yield found


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_a_typed_word_finds_its_forms_and_nothing_else(
    engine: tuple[SearchEngine, dict[str, str]], query: str, expected: set[str]
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_rules_agree_with_the_index(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, ids = engine
    assert found_by_rules(search, ids, QUERIES) == QUERIES


def test_a_compound_is_one_position_with_its_joined_form_and_parts() -> None:
    from newsdesk.search.words import positions_of

    found = positions_of("at&t won't say o'brien's cease-fire talks korea's m&a")
    assert found == {
        "at&t": [0],
        "wont": [1],
        "won": [1],
        "say": [2],
        "obrien": [3],
        "brien": [3],
        "ceasefir": [4],
        "ceas": [4],
        "fire": [4],
        "talk": [5],
        "korea": [6],
        "m&a": [7],
    }
    # No piece of one letter is a word of its own.
    assert "t" not in found and "o" not in found and "s" not in found


def test_a_search_asks_a_compound_joined_and_a_word_as_typed_too() -> None:
    from newsdesk.search.words import query_words

    assert query_words("at&t o'brien cease-fire harry vaccinated") == [
        ("at&t", None),
        ("obrien", None),
        ("ceasefir", "ceasefire"),
        ("harri", "harry"),
        ("vaccin", "vaccinated"),
    ]


def test_the_exact_form_ranks_first(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, ids = engine
    # "harried" stems as "harry" does; the article naming Harry comes first.
    assert search.search("harry", now=NOW, limit=None).ids[0] == ids["harry"]


def test_a_glue_word_alone_in_the_outlet_finds_nothing(
    engine: tuple[SearchEngine, dict[str, str]],
) -> None:
    """`source:the` found 128 of a desk's articles: the outlet field keeps its glue
    words (for `source:"the times"`), and one alone matched nearly every outlet."""
    search, _ids = engine
    result = search.search("source:the", now=NOW, limit=None)
    assert result.ids == []
    assert "too common" in (result.notice or "")
