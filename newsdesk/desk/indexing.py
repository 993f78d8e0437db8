"""The Desk's search index: opened on first use (the list needs only the store),
kept up to date from the store's change feed, rebuilt when damaged.

`DeskIndex` owns the `SearchIndex` and the `SearchEngine` over it; the Desk's
index verbs (`sync_index`, `index_status`, `user_active`, `index_damaged`,
`reindex`) and every write's "the store changed" go through it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.store import StoreBackend

if TYPE_CHECKING:
    from newsdesk.search.engine import SearchEngine
    from newsdesk.search.index import IndexStatus, SearchIndex


class DeskIndex:
    """One desk's local index, opened lazily; safe to reach from several threads."""

    def __init__(self, store: StoreBackend, index_dir: Path, *, background: bool) -> None:
        self.store = store
        self.index_dir = index_dir
        #: True in the app: a writer thread catches up; else the caller does (the CLI).
        self.background = background
        #: Messages for the user from opening the index (e.g. "rebuilding").
        self.notices: list[str] = []
        self._index: SearchIndex | None = None
        self._engine: SearchEngine | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> SearchIndex:
        """The search index, opened on first use."""
        with self._lock:
            if self._index is None:
                from newsdesk.search.index import SearchIndex

                index = SearchIndex(self.index_dir, self.store)
                message = index.open()
                if message:
                    self.notices.append(message)
                if self.background and not self.store.read_only:
                    # A read-only desk writes nothing: its writer thread only failed at
                    # Whoosh's lock file ("indexing failed: Read-only file system"),
                    # even with the index current. It searches what is indexed.
                    index.start_background()
                else:
                    # No app threads here: a large catch-up may fork sub-writers.
                    from newsdesk.pipeline import worker_count

                    index.bulk_procs = worker_count()
                self._index = index
            return self._index

    @property
    def engine(self) -> SearchEngine:
        """The search engine over the index, made on first use."""
        if self._engine is None:
            from newsdesk.search.engine import SearchEngine

            self._engine = SearchEngine(self.store, self.index)
        return self._engine

    def notify(self) -> None:
        """The store changed: an open index catches up (an unopened one will when opened)."""
        if self._index is not None:
            self._index.notify()

    def sync(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Bring the index up to date with the store now; nothing on a read-only desk."""
        if self.store.read_only:
            return 0  # nothing can be written; search what is indexed
        return self.index.catch_up(progress)

    def status(self) -> IndexStatus:
        return self.index.status()

    def hold(self, seconds: float) -> None:
        """Background indexing gives way for `seconds` (cheap; nothing when not open)."""
        if self._index is not None:
            self._index.hold(seconds)

    @property
    def damaged(self) -> bool:
        """True when a search found a damaged index file that is not rebuilt yet."""
        return self._index is not None and self._index.damaged

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> int:
        return self.index.rebuild(progress)

    def stop(self) -> None:
        if self._index is not None:
            self._index.stop()
