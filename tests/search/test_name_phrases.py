"""A run of a name's words is a phrase of the name: compound surnames and hyphens.

`by:"ainge roy"` found nothing where `by:"eleanor ainge roy"` found the article, and
`person:"o'brien-ruiz"` nothing where `person:o'brien-ruiz` found it: the name fields
held each whole name and each single word only. The rules answer the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from newsdesk.search.schema import name_keywords
from tests.search.conftest import found_by_rules, found_by_search, indexed

ARTICLES = {
    "quake": Extracted(
        title="Aftershocks rattle the coast",
        authors=["Eleanor Ainge Roy", "Ruwaida Kamal Amer"],
        people=["Yunfan Gerry Zhang", "Maria O'Brien-Ruiz"],
        organizations=["Ministry of Civil Defence and Emergency Management"],
        body="Aftershocks rattled the coast overnight, officials said.",
    ),
    "market": Extracted(
        title="Night market returns",
        authors=["Anaïs Dupont-Lefèvre"],
        people=["Roy Kamal"],
        body="The night market returned to the square after two years.",
    ),
}

QUERIES: dict[str, set[str]] = {
    'by:"ainge roy"': {"quake"},
    'by:"eleanor ainge roy"': {"quake"},
    'by:"kamal amer"': {"quake"},
    'by:"roy kamal"': set(),  # two names' words are no run of one name
    'person:"roy kamal"': {"market"},
    'person:"gerry zhang"': {"quake"},
    'person:"o\'brien-ruiz"': {"quake"},
    'person:"maria o\'brien ruiz"': {"quake"},
    'by:"anaïs dupont"': {"market"},
    'by:"dupont lefevre"': {"market"},
    '"dupont-lefevre"': {"market"},
    "by:obrien": set(),
    "person:obrien": {"quake"},
    'person:"obrien-ruiz"': {"quake"},
    'person:"maria obrien"': {"quake"},
    'org:"civil defence"': {"quake"},
    'org:"ministry of civil defence and emergency management"': {"quake"},
    'org:"defence ministry"': set(),
}


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    with indexed(tmp_path, ARTICLES) as found:
        yield found


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_a_run_of_a_names_words_is_found(
    engine: tuple[SearchEngine, dict[str, str]], query: str, expected: set[str]
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_rules_agree_with_the_index(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, ids = engine
    assert found_by_rules(search, ids, QUERIES) == QUERIES


def test_name_keywords_and_phrases() -> None:
    from newsdesk.search.schema import name_phrase

    assert name_phrase("Maria O'Brien-Ruiz") == "maria o brien ruiz"
    kept = set(name_keywords(["Eleanor Ainge Roy"]).split(","))
    assert kept == {"eleanor ainge roy", "eleanor", "ainge", "roy", "eleanor ainge", "ainge roy"}
    # A long name keeps its runs bounded, and its whole form as a phrase.
    long = "a b c d e f g h i j"
    runs = name_keywords([long]).split(",")
    assert long in runs and "a b c d e f" in runs and "a b c d e f g" not in runs
