"""Counts in words."""

from __future__ import annotations

from newsdesk.counting import counted


def test_one_is_singular_and_large_counts_are_grouped() -> None:
    assert counted(1, "rule") == "1 rule"
    assert counted(0, "rule") == "0 rules"
    assert counted(2, "story", "stories") == "2 stories"
    assert counted(1, "story", "stories") == "1 story"
    assert counted(12_040, "article") == "12,040 articles"
