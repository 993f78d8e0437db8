"""Whoosh's postings pool, sorted in short pieces so a commit never holds the interpreter long.

A Whoosh commit sorts every posting of the batch (and of the small segments
it merges) with one `sorted()` call: C code that keeps the interpreter lock
throughout, 100-200 ms for 500 documents. In the app the index writer is a
thread, so a key pressed then waited for the whole sort before its frame.
Sorted in pieces of `PIECE` postings and merged lazily (heapq.merge is Python
and lets other threads in between items), the lock changes hands every few
milliseconds. The postings come out in the same order.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.writing import PostingPool, SegmentWriter

#: Postings sorted in one go: a few milliseconds of the interpreter lock.
PIECE = 4096

Posting = tuple[Any, ...]


def sorted_in_pieces(items: list[Posting]) -> Iterable[Posting]:
    """`sorted(items)`, as pieces sorted apart and merged as they are read."""
    if len(items) <= PIECE:
        return sorted(items)
    pieces = [sorted(items[start : start + PIECE]) for start in range(0, len(items), PIECE)]
    return heapq.merge(*pieces)


class PiecewisePool(PostingPool):
    """A PostingPool whose in-memory sorts (at commit, and when a run spills) go in pieces."""

    current: list[Posting]

    def items(self, maxfiles: int = 128) -> Iterable[Posting]:
        if not self.runs:
            return sorted_in_pieces(self.current)
        result: Iterator[Posting] = super().items(maxfiles)  # spills via save() below
        return result

    def save(self) -> None:
        current = self.current
        if current:
            path, handle = self._new_run()
            self._write_run(handle, sorted_in_pieces(current))
            self._add_run(path)
            self.current = []
        self.currentsize = 0


def sort_in_pieces(writer: SegmentWriter) -> SegmentWriter:
    """Give a fresh one-process writer the piecewise pool (nothing is in its pool yet)."""
    writer.pool.__class__ = PiecewisePool
    return writer
