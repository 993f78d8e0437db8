"""Keeping the action log bounded (issue 17): batches older than `[history] keep_days` go.

Undo and history stay fast at any size through the store's indexes on the
open rows; pruning keeps the file from growing without end. It runs after a
write that logged something, at most every ten minutes in one process (the
first write of every CLI command, and then every ten minutes in the app),
removes at most `PRUNE_ROWS` rows at a time so the write it follows stays
quick, and reads one row when nothing is old enough. `newsdesk history
--prune` removes everything that is old at once.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta

from newsdesk.config import load_settings
from newsdesk.errors import StoreError
from newsdesk.paths import Paths
from newsdesk.store.protocol import StoreBackend

log = logging.getLogger(__name__)

#: Seconds between two automatic prunes in one process.
PRUNE_EVERY = 600.0
#: Rows one automatic prune removes at most (about 0.1 s on a loaded machine).
PRUNE_ROWS = 5_000


class LogKeeper:
    """Prunes one store's action log by the configured age."""

    def __init__(self, store: StoreBackend, paths: Paths) -> None:
        self._store = store
        self._paths = paths
        self._last: float | None = None

    def keep_days(self) -> int:
        return load_settings(self._paths).history_keep_days

    def prune(self, keep_days: int | None = None, max_rows: int | None = None) -> int:
        """Drop the batches older than `keep_days` (default: the setting); the rows removed."""
        days = self.keep_days() if keep_days is None else keep_days
        cutoff = datetime.now(UTC) - timedelta(days=days)
        self._last = time.monotonic()
        return self._store.prune_log(cutoff.replace(microsecond=0).isoformat(), max_rows)

    def after_write(self) -> None:
        """Prune when due. A failure is logged, never raised: the write it follows
        succeeded, and the next write tries again."""
        if self._last is not None and time.monotonic() - self._last < PRUNE_EVERY:
            return
        try:
            self.prune(max_rows=PRUNE_ROWS)
        except StoreError as exc:
            self._last = time.monotonic()
            log.warning("the action log was not pruned: %s", exc)
