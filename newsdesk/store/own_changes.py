"""Which of the store's changes this process made itself.

Every committed write that changes something moves the store's change counter
by one (`meta.changes`, on both backends), under the write lock, so each value
names one commit. The connections note here each value they commit; the Desk's
change follower (the app's watch) then skips a wake-up that holds only its own
commits: the app has already redrawn what it changed itself.

A value is noted before its commit and settled after it, so a follower that
reads it in between waits the few milliseconds the commit takes instead of
guessing. A commit that fails is forgotten (another process may commit that
value next, and that one is news).
"""

from __future__ import annotations

import threading

#: How long a follower waits for one of this process's commits to settle.
SETTLE_WAIT_S = 5.0
#: Values kept; the follower asks about recent ones only.
KEEP = 4096


class OwnChanges:
    """The change-counter values this process committed; thread-safe."""

    def __init__(self) -> None:
        self._state = threading.Condition()
        self._committing: set[int] = set()
        self._committed: set[int] = set()

    def committing(self, value: int) -> None:
        """A transaction of ours moved the counter to `value` and is about to commit."""
        with self._state:
            self._committing.add(value)

    def settled(self, value: int, landed: bool) -> None:
        """The commit of `value` landed (or failed: then the value is not ours)."""
        with self._state:
            self._committing.discard(value)
            if landed:
                self._committed.add(value)
                if len(self._committed) > KEEP:
                    newest = sorted(self._committed)[-KEEP // 2 :]
                    self._committed = set(newest)
            self._state.notify_all()

    def only_ours(self, after: int, upto: int) -> bool:
        """True when every change after counter value `after` up to `upto` was ours
        (False when there is none: then something changed the store uncounted)."""
        if upto <= after or upto - after > KEEP:
            return False
        wanted = range(after + 1, upto + 1)
        with self._state:
            self._state.wait_for(
                lambda: not any(v in self._committing for v in wanted), SETTLE_WAIT_S
            )
            return all(v in self._committed for v in wanted)
