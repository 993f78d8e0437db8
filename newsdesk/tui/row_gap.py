"""Where the cursor's article stood when it left the list under the cursor.

Another editor archives the article the cursor is on; the list catches up and the
cursor lands on the row after it. A move typed before the editor saw that (`J` to
read the next article, `j`, `N`) went on from the row the cursor had landed on, and
the article right after the one that went was skipped without a word. The list keeps
the gap (the rows either side of the article that went) so such a move goes from
there (`flows/changed_elsewhere.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class RowGap:
    """The article that left from under the cursor, and its neighbours still listed."""

    gone: str
    #: The nearest article before it still listed (None: it was the first).
    before: str | None
    #: The nearest article after it still listed (None: it was the last).
    after: str | None

    def start(self, ids: Sequence[str], *, forward: bool) -> int | None:
        """The index a move starts from as if the article were still there: the row
        before the gap for a move down (-1 at the top), the row after it for a move up
        (the row count at the end). None when a neighbour is no longer listed."""
        try:
            if forward:
                return ids.index(self.before) if self.before is not None else -1
            return ids.index(self.after) if self.after is not None else len(ids)
        except ValueError:
            return None


def gap_of(old_ids: Sequence[str], old_index: int, ids: Sequence[str]) -> RowGap | None:
    """The gap the article at `old_index` of `old_ids` left in `ids` (None if it did not
    leave, or there was none)."""
    if not 0 <= old_index < len(old_ids):
        return None
    listed = set(ids)
    gone = old_ids[old_index]
    if gone in listed:
        return None
    before = next((i for i in reversed(old_ids[:old_index]) if i in listed), None)
    after = next((i for i in old_ids[old_index + 1 :] if i in listed), None)
    return RowGap(gone, before, after)
