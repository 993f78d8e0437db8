"""Where the cursor was when each of this window's steps was written, for `u` to go back.

Kept by step, newest last, not by the articles a step changed: archive three rows and
then star the same three, and two `u` took the cursor to the star's row both times
(the second change had replaced the first's place under the same set of ids).
"""

from __future__ import annotations

from collections.abc import Sequence

#: Steps remembered at most (the oldest are forgotten first).
KEPT = 64


class UndoCursors:
    """The cursor's article at each step written here, in the order written."""

    def __init__(self, kept: int = KEPT) -> None:
        self._kept = kept
        self._steps: list[tuple[frozenset[str], str | None]] = []

    def written(self, changed: Sequence[str], cursor: str | None) -> None:
        """A step that changed `changed` was written with the cursor on `cursor`."""
        if not changed:
            return  # nothing changed, nothing logged: no step for `u` to take back
        self._steps.append((frozenset(changed), cursor))
        del self._steps[: -self._kept]

    def undone(self, changed: Sequence[str]) -> str | None:
        """Where the cursor was at the newest step remembered that changed every article an
        undo took back (`changed`; fewer than the step's when others changed some since),
        and that step forgotten. None when no step remembered is that one (an import, or
        a step from before the app opened)."""
        taken = set(changed)
        if not taken:
            return None
        for index in range(len(self._steps) - 1, -1, -1):
            ids, cursor = self._steps[index]
            if taken <= ids:
                del self._steps[index]
                return cursor
        return None
