"""File-name slugs: readable, unique, bounded, never a path."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.export.slug import MAX_SLUG_BYTES, MAX_SLUG_CHARS, UniqueNames, slugify


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zürich Überschwemmung", "zürich-überschwemmung"),
        ("Council approves £2m plan!", "council-approves-2m-plan"),
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\windows\\system32", "windows-system32"),
        (".hidden", "hidden"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("tab\there\x00nul\x1bescape", "tab-here-nul-escape"),
        ("東京で地震", "東京で地震"),
        ("Ελλάδα σήμερα", "ελλάδα-σήμερα"),
        ("", "article"),
        ("!!!", "article"),
        ("CON", "con-article"),
        ("lpt1", "lpt1-article"),
        ("Aux", "aux-article"),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_fallback_is_slugified_too() -> None:
    assert slugify("", fallback="article-../x/y") == "article-x-y"


def test_decomposed_input_gives_composed_slug() -> None:
    decomposed = unicodedata.normalize("NFD", "Zürich")
    assert slugify(decomposed) == "zürich"


def test_long_headlines_are_bounded_on_a_word_boundary() -> None:
    slug = slugify("word " * 100)
    assert len(slug) <= MAX_SLUG_CHARS
    assert slug.endswith("word") and not slug.endswith("-")


def test_length_is_bounded_in_bytes_for_wide_scripts() -> None:
    slug = slugify("𐐀" * 200)  # Deseret letters: 4 bytes each in UTF-8
    assert len(slug.encode("utf-8")) <= MAX_SLUG_BYTES
    assert slug


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_property_slug_is_a_plain_safe_name(text: str) -> None:
    slug = slugify(text)
    assert slug
    assert "/" not in slug and "\\" not in slug and "." not in slug
    assert not slug.startswith("-") and not slug.endswith("-")
    assert all(unicodedata.category(ch)[0] in "LMN" or ch == "-" for ch in slug)
    assert len(slug) <= MAX_SLUG_CHARS and len(slug.encode("utf-8")) <= MAX_SLUG_BYTES


def test_unique_names_number_repeats_case_insensitively() -> None:
    names = UniqueNames()
    got = [names.claim(s, ".md") for s in ["story", "story", "Story", "story-2", "other"]]
    assert got == ["story.md", "story-2.md", "Story-3.md", "story-2-2.md", "other.md"]


def test_unique_numbering_stays_within_the_length_bound() -> None:
    names = UniqueNames()
    long = slugify("x" * 200)
    first, second = names.claim(long, ".md"), names.claim(long, ".md")
    assert first != second
    assert second.endswith("-2.md")
    assert len(second) <= MAX_SLUG_CHARS + len(".md")
