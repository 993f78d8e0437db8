"""Words whose capitals or spacing say what they are: `U.S.` finds "US" (capitals) and
`US` "U.S."; "per cent" in two words is "percent" and "%"; "Labour" the party is kept
apart from labor (work), while `labour` still finds both.

Over the 269 articles of the real-world stories corpus, `U.S.` found 72 articles and
now 90 (89 write "US" or "U.S."); over the real-world and peer text copies 26 and now
51, `%` 0 and now 112, `labor` 21 and now 19 (the two that name only the party).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from tests.search.conftest import found_by_rules, found_by_search, indexed

ARTICLES = {
    "dotted": Extracted(title="Tariffs rise", body="The U.S. raised tariffs, up 10% on a year."),
    "capitals": Extracted(title="Tariffs climb", body="The US raised tariffs by 10 percent."),
    "pronoun": Extracted(title="Letters", body="Write to us, said the readers of the paper."),
    "shouting": Extracted(title="TELL US MORE", body="A reader wrote in capitals."),
    "british": Extracted(title="Prices", body="Inflation rose to 4 per cent in the UK."),
    "party": Extracted(
        title="Budget vote", body="The opposition Labour Party voted against. A Labour MP spoke."
    ),
    "voted": Extracted(title="Poll", body="Half of the town voted Labour, the count showed."),
    "work": Extracted(title="Jobs", body="The labor market tightened as unions struck."),
    "british_work": Extracted(title="Wages", body="Labour shortages hit farms; labour costs rose."),
    "buffalo": Extracted(title="Snow", body="Snow closed roads.", dateline="BUFFALO, N.Y."),
    "new_york": Extracted(title="Rain", body="Rain closed roads.", dateline="New York, NY"),
}

QUERIES: dict[str, set[str]] = {
    "U.S.": {"dotted", "capitals"},
    "US": {"dotted", "capitals", "pronoun", "shouting"},
    "percent": {"dotted", "capitals", "british"},
    "%": {"dotted", "capitals", "british"},
    "per cent": {"dotted", "capitals", "british"},
    '"4 percent"': {"british"},
    '"10 per cent"': {"dotted", "capitals"},
    "U.K.": {"british"},
    "labor": {"work", "british_work"},
    "labour": {"work", "british_work", "party", "voted"},
    '"labour party"': {"party"},
    # A dateline's abbreviation in either spelling (no spelling rules: a place's name).
    "dateline:ny": {"buffalo", "new_york"},
    "dateline:N.Y.": {"buffalo", "new_york"},
    "dateline:york": {"new_york"},
}


@pytest.fixture(scope="module")
def engine(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    with indexed(Path(tmp_path_factory.mktemp("cased")), ARTICLES) as found:
        yield found


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_each_form_finds_the_others(
    engine: tuple[SearchEngine, dict[str, str]], query: str, expected: set[str]
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_rules_on_arrival_agree_on_abbreviations_and_per_cent(
    engine: tuple[SearchEngine, dict[str, str]],
) -> None:
    """The rules read "US" and "per cent" as the index does (the party they do not tell
    apart: they keep names by word, not by place)."""
    search, ids = engine
    asked = {q: QUERIES[q] for q in ("U.S.", "US", "percent", "%", "per cent", "U.K.")}
    assert found_by_rules(search, ids, asked) == asked


def test_the_party_is_told_by_its_capital_and_place() -> None:
    from newsdesk.search.cased import party_starts

    text = (
        "Labour shortages grew. Labour leader Ann Gray said so. Voters chose Labour; "
        "the Labour-led council and labour costs. Labour."
    )
    assert [text[at : at + 13] for at in party_starts(text)] == ["Labour leader", "Labour; the L"]


def test_capitals_are_dotted_only_as_an_abbreviation() -> None:
    from newsdesk.search.cased import dotted_capitals

    text = "The US, the FBI and AT&T. TELL US MORE. IT staff; the U.S. and US's allies; US-led"
    assert dotted_capitals(text) == (
        "The U.S, the F.B.I and AT&T. TELL US MORE. IT staff; the U.S. and U.S's allies; US-led"
    )


def test_the_detail_pane_marks_each_form() -> None:
    from newsdesk.search.highlight import highlighter

    text = "The US and the U.S. grew 5 per cent. A Labour MP spoke of labour costs."
    marked = [text[a:b] for a, b in highlighter(["U.S.", "percent", "labor"])(text)]
    assert marked == ["US", "U.S", "per", "cent", "labour"]


def test_per_cent_in_a_title_cased_headline_is_marked() -> None:
    """The pane marked "per cent" only when written in lower case; headlines are title-cased."""
    from newsdesk.search.highlight import highlighter

    text = "Prices Rise 3 Per Cent"
    spans = highlighter(["percent"])(text)
    assert [text[a:b] for a, b in spans] == ["Per", "Cent"]
