"""Counts in words: "1 rule", "2 rules", "1,204 articles"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` with its noun, singular for one ("1 story", "3 stories" with `plural`)."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"
