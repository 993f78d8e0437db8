"""`dump_headline`'s work grows with the page, not with its headings times their windows.

A real dump has hundreds of lines and dozens of headings: each line's running-text test runs
once, and a heading's byline is looked for only where it can decide the headline. The page
below is written for these tests.
"""

from __future__ import annotations

import pytest

from newsdesk.extract import textbrowser
from newsdesk.extract.textbrowser import dump_headline

PLACES = (
    "Marrowby",
    "Eastholm",
    "Kirkwell",
    "Thornbury",
    "Ashcombe",
    "Lindale",
    "Brackwater",
    "Fennick",
    "Oldcastle",
    "Wrenhall",
    "Holmsted",
    "Carrow",
    "Dunmere",
    "Pellbridge",
    "Saltcote",
    "Grimsal",
    "Haverton",
    "Kestley",
    "Morland",
    "Ravensby",
)


def _page() -> tuple[str, list[str]]:
    """Twenty sections, each a heading over three paragraphs (a long page of teasers)."""
    headings = [f"Ferry returns to {place} harbour after the flood" for place in PLACES]
    blocks = []
    for place, heading in zip(PLACES, headings, strict=True):
        paragraph = (
            f"   The ferry between {place} and the island runs again from Monday, after the "
            "piers were closed for three weeks."
        )
        blocks.append("\n".join([heading, "", paragraph, paragraph, paragraph, ""]))
    return "\n".join(blocks), headings


def test_dump_headline_tests_each_line_for_running_text_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, headings = _page()
    calls: list[str] = []
    running = textbrowser._running

    def counted(text: str) -> bool:
        calls.append(text)
        return running(text)

    monkeypatch.setattr(textbrowser, "_running", counted)
    assert dump_headline(page) == headings[0]
    lines = [line for line in page.split("\n") if line.strip()]
    # Each heading's window (40 lines) used to test its lines again: 20 headings, ~600 calls.
    assert len(calls) <= len(lines)


def test_dump_headline_looks_for_bylines_only_near_the_headline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, headings = _page()
    looked: list[int] = []
    signed = textbrowser._signed

    def counted(lines: list[tuple[str, bool]], k: int, seen: dict[str, bool]) -> bool:
        looked.append(k)
        return signed(lines, k, seen)

    monkeypatch.setattr(textbrowser, "_signed", counted)
    assert dump_headline(page) == headings[0]
    # The first heading is over the most text: the nineteen after it cannot be the headline.
    assert looked == [0]
