"""BM25F ranking with each index segment's field lengths read once.

Whoosh's BM25F asks for a document's field length at every match, through five
calls and a one-byte file read; at 100,000 articles that was a quarter of a
search's time. The lengths of a segment are one run of bytes in its file: they
are read in one go the first time a search scores that segment's field, and
kept for as long as the segment reader lives (`reader.LiveSearcher` keeps
readers of unchanged segments across searches). Scores are the same numbers:
the same byte-to-length table (a zero byte, a document with no words in the
field, is never scored: no term of the field matches it).
Anything unexpected in a segment's layout falls back to Whoosh's own lookup.
"""

from __future__ import annotations

import weakref
from typing import Any

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

#: A stored length byte decoded; a zero byte means "none stored": the scorer's default, 1.
_DECODED = [1] + [byte_to_length(b) for b in range(1, 256)]

_LENGTHS: weakref.WeakKeyDictionary[Any, dict[str, list[int] | None]] = weakref.WeakKeyDictionary()


def _read_lengths(reader: Any, fieldname: str) -> list[int] | None:
    """Every document's length of `fieldname` in this segment, or None to fall back."""
    try:
        perdoc = reader._perdoc
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None or column._fixedlen != 1:
            return None
        count = int(column._count)
        raw = column._dbfile.get(column._basepos, count)
        total = int(reader.doc_count_all())
    except (AttributeError, TypeError, ValueError, OSError):
        return None
    if len(raw) != count:
        return None
    return [_DECODED[b] for b in raw] + [1] * max(0, total - count)


def field_lengths(reader: Any, fieldname: str) -> list[int] | None:
    """The segment's lengths of `fieldname`, read once per reader."""
    try:
        per_reader = _LENGTHS.setdefault(reader, {})
    except TypeError:  # a reader that cannot be weakly referenced
        return None
    if fieldname not in per_reader:
        per_reader[fieldname] = _read_lengths(reader, fieldname)
    return per_reader[fieldname]


class CachedLengthBM25F(scoring.BM25F):
    """`BM25F` whose scorers look field lengths up in `field_lengths`."""

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, scoring.BM25FScorer):
            lengths = field_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer
