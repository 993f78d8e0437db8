"""What one version of a story has that another lacks."""

from __future__ import annotations

from newsdesk.model import Extracted, Quote
from newsdesk.stories.diff import compare

from .articles import QUARRY_LOCAL, QUARRY_WIRE


def test_quotes_names_and_numbers_only_in_one_version() -> None:
    diff = compare(QUARRY_WIRE, QUARRY_LOCAL)
    a, b = diff.only_in_a, diff.only_in_b
    assert a.quotes == ["We heard a bang much louder than the usual ones"]
    assert b.quotes == ["My first thought was the children at the school"]
    assert "Ruth Penrose" in b.people
    assert "85" in a.numbers and "400" in a.numbers
    assert "20" in b.numbers
    # Shared facts appear on neither side.
    for facts in (a, b):
        assert "14" not in facts.numbers
        assert not any("Morcombe" in p or "Jelley" in p for p in facts.people)
    # The outlet's own dateline is not a fact.
    assert "Northern Wire" not in a.organizations


def test_surname_alone_matches_full_name_and_figures_match_across_forms() -> None:
    a = Extracted(title="t", body="Gov. Dana Whitcomb approved $4 million, a rise of 3.5%.")
    b = Extracted(title="t", body="Whitcomb signed off on 4m dollars, up 3.5 percent.")
    diff = compare(a, b)
    assert diff.only_in_a.people == [] and diff.only_in_a.numbers == []


def test_trimmed_quote_counts_as_shared_and_extractor_quotes_are_used() -> None:
    a = Extracted(
        title="t",
        body="x",
        quotes=[Quote("We are going to stay here until every family is safe and dry", "Whitcomb")],
    )
    b = Extracted(
        title="t", body='She said: "We are going to stay here until every family is safe."'
    )
    assert compare(a, b).only_in_a.quotes == []
    c = Extracted(title="t", body='"Nobody expected the river to rise this fast," he said.')
    assert compare(a, c).only_in_a.quotes == [
        "We are going to stay here until every family is safe and dry"
    ]
    assert compare(a, c).only_in_b.quotes == ["Nobody expected the river to rise this fast"]


def test_identical_versions_have_an_empty_diff() -> None:
    diff = compare(QUARRY_WIRE, QUARRY_WIRE)
    assert diff.only_in_a.is_empty() and diff.only_in_b.is_empty()


def test_a_name_both_versions_were_found_to_hold_is_shared_however_each_spells_it() -> None:
    """The extractor names "UK" and "Britain" as "United Kingdom": neither text spells
    it out, and it is in both versions, so it is on neither side."""
    a = Extracted(
        title="Ferry strike ends",
        body="Crews in the UK returned to work on Monday, the union said.",
        places=["United Kingdom"],
        organizations=["European Union"],
    )
    b = Extracted(
        title="Ferries sail again",
        body="Ferries across Britain sailed again after talks with the EU.",
        places=["United Kingdom", "Dover"],
        organizations=["European Union"],
    )
    diff = compare(a, b)
    assert diff.only_in_a.places == [] and diff.only_in_a.organizations == []
    assert diff.only_in_b.places == ["Dover"]
    assert compare(a, a).only_in_a.is_empty() and compare(b, b).only_in_b.is_empty()
