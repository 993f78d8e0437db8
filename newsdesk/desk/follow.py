"""Following the store for changes made elsewhere (the app's live view).

The app redraws what it changes itself at once; its watch thread should only
hear of changes made by someone else (another editor, window, CLI command or
process). A commit wakes every waiter, this desk's own included, so the
follower reads the store's change counter when woken and asks the store's
record of this process's commits (`own_changes`) whether every change since
the last look was its own: then it sleeps on. A change the counter does not
cover (an older newsdesk writing the file) counts as someone else's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.store import StoreBackend


class ChangeFollower:
    """Waits for others' commits to the store; used from one thread (the watch's)."""

    def __init__(self, store: StoreBackend, on_change: Callable[[], None]) -> None:
        self._store = store
        #: Called for every change made elsewhere (the search index catches up).
        self._on_change = on_change
        #: (data version, change counter) at the last look; None: not looked yet.
        self._mark: tuple[int, int] | None = None
        #: Wake-ups that held only this desk's own commits (tests and figures read it).
        self.skipped = 0

    def start(self) -> None:
        """Take the store's current state as seen (a `StoreError` if it cannot be read)."""
        self._mark = (self._store.data_version(), self._store.change_count())

    def wait(self, timeout: float, stop: threading.Event | None = None) -> bool:
        """Wait up to `timeout` seconds (less once `stop` is set); True when someone
        else changed the store."""
        if self._mark is None:
            self.start()
            assert self._mark is not None
        version, count = self._mark
        now = self._store.wait_for_change(version, timeout, stop)
        if now == version:
            return False
        latest = self._store.change_count()
        self._mark = (now, latest)
        if self._store.own_changes.only_ours(count, latest):
            self.skipped += 1
            return False
        self._on_change()
        return True
