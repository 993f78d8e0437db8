"""Article ids <-> Whoosh document numbers, cached per segment.

Store filters come back as article ids; Whoosh filters and masks want
document numbers. Segments are immutable except for deletions, so each
segment's id list is read once from the `id` column and reused until the
segment is merged away or gains deletions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from whoosh.reading import IndexReader

_SegmentKey = tuple[str, int]


class DocMap:
    """Maps for one reader generation; built lazily from a per-segment cache."""

    def __init__(self) -> None:
        self._segments: dict[_SegmentKey, list[str | None]] = {}
        self._reader: IndexReader | None = None
        self._by_id: dict[str, int] | None = None
        self._offsets: list[tuple[int, list[str | None]]] = []
        self._starts: list[int] = []
        #: Global document number -> id, made on first use for a reader (ids_of).
        self._flat: list[str | None] | None = None

    def bind(self, reader: IndexReader) -> None:
        """Use this reader from now on (called whenever the searcher is refreshed)."""
        if reader is self._reader:
            return
        self._reader = reader
        self._by_id = None
        self._flat = None
        offsets: list[tuple[int, list[str | None]]] = []
        live: dict[_SegmentKey, list[str | None]] = {}
        for sub, offset in reader.leaf_readers():
            segment = sub.segment()
            if segment is None:  # the empty reader of an empty index
                continue
            key = (str(segment.segment_id()), int(segment.deleted_count()))
            ids = self._segments.get(key)
            if ids is None:
                ids = self._read_segment(sub)
            live[key] = ids
            offsets.append((offset, ids))
        self._segments = live
        self._offsets = offsets
        self._starts = [offset for offset, _ in offsets]

    @staticmethod
    def _read_segment(sub: IndexReader) -> list[str | None]:
        column = sub.column_reader("id")
        count = sub.doc_count_all()
        if sub.has_deletions():
            return [None if sub.is_deleted(n) else str(column[n]) for n in range(count)]
        return [str(column[n]) for n in range(count)]

    def id_of(self, docnum: int) -> str | None:
        index = bisect_right(self._starts, docnum) - 1
        if index < 0:
            return None
        offset, ids = self._offsets[index]
        local = docnum - offset
        return ids[local] if local < len(ids) else None

    def ids_of(self, docnums: Iterable[int]) -> list[str]:
        # One list over every segment: a search's 10,000 matches were 10,000 bisects.
        flat = self._flat
        if flat is None:
            flat = []
            for offset, ids in self._offsets:
                flat.extend([None] * (offset - len(flat)))
                flat.extend(ids)
            self._flat = flat
        size = len(flat)
        found = (flat[d] if 0 <= d < size else None for d in docnums)
        return [article_id for article_id in found if article_id is not None]

    def docnums_of(self, ids: Iterable[str]) -> set[int]:
        by_id = self._by_id
        if by_id is None:
            by_id = {}
            for offset, seg_ids in self._offsets:
                for local, article_id in enumerate(seg_ids):
                    if article_id is not None:
                        by_id[article_id] = offset + local
            self._by_id = by_id
        return {by_id[i] for i in ids if i in by_id}

    def __len__(self) -> int:
        return sum(1 for _, ids in self._offsets for i in ids if i is not None)
