"""Waiting for other editors' changes: LISTEN/NOTIFY, with a poll of the counter as fallback.

Every committed write bumps `meta.changes` and announces the new value on the
desk's channel (`connections.ANNOUNCE`); the announcement is delivered when the
transaction commits, never before, and never for a rolled-back one. A waiter
keeps one connection of its own LISTENing, so a change wakes it within
milliseconds. Should the announcement be lost (the listening connection broke
and is not back yet), the waiter still reads the counter every
`FALLBACK_POLL_S`, so a change is never missed, only seen later.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import sql

from newsdesk.store.postgresql.connections import CHANNEL, CONNECT_TIMEOUT_S

#: Seconds between two reads of the change counter while no announcement comes.
FALLBACK_POLL_S = 0.5


class ChangeListener:
    """One LISTENing connection for one desk; its `wait` is used by one thread at a time."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: psycopg.Connection[Any] | None = None
        self._lock = threading.Lock()

    def _listening(self) -> psycopg.Connection[Any] | None:
        """The listening connection, made (and LISTENing) if need be; None if the server
        cannot be reached now (the caller polls, and its own read reports the failure)."""
        if self._conn is not None and not self._conn.closed:
            return self._conn
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
            row = conn.execute(CHANNEL).fetchone()
            assert row is not None
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(str(row[0]))))
        except psycopg.Error:
            return None
        self._conn = conn
        return conn

    def wait_for_change(self, since: int, timeout: float, version: Callable[[], int]) -> int:
        """Block until `version()` differs from `since` or `timeout` seconds pass; the
        version then. Listening starts before the first read, so no commit falls between."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                conn = self._listening()
                now = version()
                left = deadline - time.monotonic()
                if now != since or left <= 0:
                    return now
                pause = min(left, FALLBACK_POLL_S)
                if conn is None:
                    time.sleep(pause)
                    continue
                try:
                    # Any announcement (even one queued since the last wait) ends the pause;
                    # the counter, read again above, says whether anything really changed.
                    for _ in conn.notifies(timeout=pause, stop_after=1):
                        pass
                except psycopg.Error:
                    self._drop()

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(psycopg.Error):
                conn.close()

    def close(self) -> None:
        with self._lock:
            self._drop()
