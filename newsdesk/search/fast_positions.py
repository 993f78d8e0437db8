"""Indexing a text field's words in one loop: Whoosh's postings, without its token stream.

Whoosh turns a field's text into postings through a chain of generators (the
tokenizer, then its filters, each handing on a Token object) and then counts
positions per word; for a 500-word body that per-token Python was about a third
of an index build (`benchmarks/profile_stages.py`). `FastPositions` is the
`Positions` format of the headline, standfirst and body fields: for the
`search.words.NewsAnalyzer` those fields use, it takes the words and positions
from `words.positions_of` in one loop, exactly the postings Whoosh's generic path
gives through the analyzer (a test compares them on many texts). Any other
analyzer or call falls back to Whoosh's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.formats import Positions

from newsdesk.search.words import NewsAnalyzer, positions_of


class FastPositions(Positions):
    """`Positions` with the one-loop path for plain text through the news analyzer."""

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if (
            not isinstance(value, str)
            or type(analyzer) is not NewsAnalyzer
            or kwargs.keys() - {"mode"}
            or kwargs.get("mode", "index") == "query"
        ):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        kept: frozenset[str] = getattr(value, "kept", frozenset())
        kept_at: frozenset[int] = getattr(value, "kept_at", frozenset())
        for word, poslist in positions_of(value, kept, kept_at).items():
            # Every token's boost is 1.0, so a word's weight is its count.
            yield word, len(poslist), float(len(poslist)) * boost, self.encode(poslist)
