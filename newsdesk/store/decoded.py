"""Decoded story-member signatures by member id, for the stores' candidate reads.

`signature.stored` keeps the last `signature.DECODED` signatures by their bytes, about
a sparse queue's 96-hour window. On a dense queue (tens of thousands of articles in one
window) a grouping decision reads about fifty candidate rows, most of them past that
cache: decoding them and building their sets and vectors again (`lede_vector`,
`name_weights`...) was a fifth of the decision's CPU in
benchmarks/bench_grouping_dense.py. Here a store keeps more of them, found by their
member id (no hash of the row's bytes) and checked against the bytes read now, so a row
written again (a refreshed fingerprint, a regroup, another process, another database
with the same ids) is decoded anew: the answer always equals `signature.stored(row)`'s.
A row not kept here is decoded by `Signature.decoded` (when first read: `StoredSignature`),
not through `signature.stored`:
that cache (smaller, keyed by the row's bytes) hardly ever holds a row this one does not,
and looking a row up there hashed its kilobyte of bytes and kept it a second time.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.stories.signature import Row, Signature

#: Members kept decoded: about 7.6 KB each with their sets and vectors, so at most about
#: 60 MB, which keeps a 100,000-article import under its 400 MB bound; on the dense
#: benchmark the share of candidate rows decoded again falls from 78 % to 47 % (12,000
#: gave 34 % for 90 MB).
MEMBERS = 8_192


@functools.cache
def _decode() -> Callable[[Row], Signature]:
    """`signature.StoredSignature`: a row decoded when first read (most candidates never
    are). Imported on first use: the signature brings numpy, and every store user (the
    app's start included) imports the stores while only grouping reads signatures; found
    once, not by an import statement at each miss."""
    from newsdesk.stories.signature import StoredSignature

    return StoredSignature


class DecodedMembers:
    """The decoded signature of each recently read member row (least recently read
    forgotten first), valid only for the very bytes it was decoded from."""

    def __init__(self, size: int = MEMBERS) -> None:
        self.size = size
        self._by_id: OrderedDict[int, tuple[Row, Signature]] = OrderedDict()

    def signature(self, member_id: int, row: Row) -> Signature:
        """`Signature.from_row(row)` (decoded when first read), the signature kept for `member_id` when it
        was decoded from the same bytes."""
        kept = self._by_id.get(member_id)
        # Bytes compared, not hashed: equal bytes decode to an equal signature.
        if kept is not None and kept[0] == row:
            self._by_id.move_to_end(member_id)
            return kept[1]
        decoded = _decode()(row)
        self._by_id[member_id] = (row, decoded)
        self._by_id.move_to_end(member_id)
        if len(self._by_id) > self.size:
            self._by_id.popitem(last=False)
        return decoded

    def keep(self, member_id: int, row: Row, signature: Signature) -> None:
        """`signature`, just written as `row` for `member_id`, is that row's decoded one
        (when `Signature.decodes_as_itself`): an import reads most members it stores as
        later articles' candidates, and decoding each again was a fifth of a decision."""
        if not signature.decodes_as_itself():
            return
        self._by_id[member_id] = (row, signature)
        self._by_id.move_to_end(member_id)
        if len(self._by_id) > self.size:
            self._by_id.popitem(last=False)

    def clear(self) -> None:
        self._by_id.clear()

    def __len__(self) -> int:
        return len(self._by_id)


#: The process's cache, shared by every connection (rows are checked, never trusted).
DECODED = DecodedMembers()
