"""Opening and refreshing the searcher, instead of Whoosh's `Searcher.refresh()`.

whoosh-reloaded 2.7.5's refresh (`FileIndex._reader(reuse=...)`) is wrong in
two ways that matter here:

- it appends every segment of the old reader that is missing from the new
  table of contents, so segments merged away by a commit stay in the reader
  (their files deleted: documents with empty ids, duplicates) and an empty
  index cannot be refreshed at all (TypeError);
- it reuses a segment's reader when only the segment id matches, so
  deletions committed since (an updated article's old version) stay visible.

This module keeps the good part, reusing an open segment reader, but only
when the segment id and its deletion count are both unchanged.
"""

from __future__ import annotations

import time

from whoosh.index import EmptyIndexError, FileIndex
from whoosh.reading import EmptyReader, IndexReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

from newsdesk.search.scoring import CachedLengthBM25F

_SegmentKey = tuple[str, int]
_RETRIES = 10


class LiveSearcher:
    """One searcher kept current with the index's latest generation."""

    def __init__(self, ix: FileIndex) -> None:
        self.ix = ix
        self.generation = -1
        self._readers: dict[_SegmentKey, SegmentReader] = {}
        self.searcher: Searcher | None = None

    def current(self) -> Searcher:
        """The searcher for the latest commit (reopening only changed segments)."""
        if self.searcher is not None and self.ix.latest_generation() == self.generation:
            return self.searcher
        for attempt in range(_RETRIES):
            try:
                return self._open()
            except (EmptyIndexError, FileNotFoundError):
                # A writer replaced the table of contents while we read it.
                if attempt == _RETRIES - 1:
                    raise
                time.sleep(0.05)
        raise AssertionError("unreachable")

    def _open(self) -> Searcher:
        info = self.ix._read_toc()
        readers: dict[_SegmentKey, SegmentReader] = {}
        ordered: list[SegmentReader] = []
        for segment in info.segments:
            key = (str(segment.segment_id()), int(segment.deleted_count()))
            reader = self._readers.get(key)
            if reader is None:
                reader = readers.get(key)
            if reader is None:
                reader = SegmentReader(
                    self.ix.storage, info.schema, segment, generation=info.generation
                )
            readers[key] = reader
            ordered.append(reader)
        for key, stale in self._readers.items():
            if key not in readers:
                stale.close()
        self._readers = readers
        top: IndexReader
        if not ordered:
            top = EmptyReader(info.schema)
        elif len(ordered) == 1:
            top = ordered[0]
        else:
            top = MultiReader(ordered, generation=info.generation)
        # closereader=False: segment readers outlive a searcher and are closed here.
        # Ranked by BM25F as Whoosh's default, with field lengths read once a segment.
        self.searcher = Searcher(
            top, fromindex=self.ix, closereader=False, weighting=CachedLengthBM25F()
        )
        self.generation = int(info.generation)
        return self.searcher

    def close(self) -> None:
        for reader in self._readers.values():
            reader.close()
        self._readers = {}
        self.searcher = None
        self.generation = -1
