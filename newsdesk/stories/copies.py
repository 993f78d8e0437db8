"""Two imports of one article (an HTML page and its text copy, two browsers' copies),
told apart from two articles of one story (`score` compares the pair first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.stories.score import Features
    from newsdesk.stories.signature import Signature

#: A copy of one article (an HTML page and its text copy): the same headline
#: words and a body this alike (shingles, or the rarity-weighted lede words:
#: a whole-page text copy adds menus and captions that lower the shingles).
COPY_SHINGLES = 0.5
COPY_TFIDF = 0.75
#: Figures shared (`smoothed_ochiai`) when both have some: one of one is 0.5.
COPY_FIGURES = 0.5
#: Copies further apart than this in publication time are two articles.
COPY_HOURS = 7 * 24.0


def is_copy(f: Features) -> bool:
    """Two imports of one article (not two articles of one story)."""
    if f.hours is not None and f.hours > COPY_HOURS:
        return False
    if "title" in f.missing or f.title < 1.0:
        return False
    # Numbers are not words: pages alike but for their figures (a branch number,
    # a count, an alert's share price) are different articles; a copy that keeps
    # only some of the page's figures (a text copy without its sidebars) is not.
    if f.figures_clash or (
        "figures" not in f.missing and f.figures < COPY_FIGURES and f.figures_contained < 1.0
    ):
        return False
    return f.shingles >= COPY_SHINGLES or f.tfidf >= COPY_TFIDF


def may_be_copy(a: Signature, b: Signature, ts_a: float | None, ts_b: float | None) -> bool:
    """`is_copy`'s first two checks on the signatures alone, before `features`: the
    dates within `COPY_HOURS` and the same title words (a title Jaccard of 1).
    False means `is_copy(features(a, b, ts_a, ts_b))` is False; this skips the
    full comparison of every candidate that cannot be a copy (nearly all)."""
    if ts_a is not None and ts_b is not None and abs(ts_a - ts_b) / 3600.0 > COPY_HOURS:
        return False
    return bool(a.title_set) and a.title_set == b.title_set
