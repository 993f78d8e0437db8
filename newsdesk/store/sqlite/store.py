"""`SqliteStore`: the SQLite backend of `StoreBackend`, one file in the data directory.

The routing from each verb to the module owning its SQL is shared with the
PostgreSQL backend (`newsdesk.store.routing.RoutedStore`); the modules here
are `articles` (import, reading, revisions, stories' columns), `wire` (which
version of wire copy is current), `actions` (state and the action log),
`saved` (saved searches), `conditions` (a query's store leaves as SQL),
`migrations` (numbered schema steps). This class keeps what is SQLite's own:
opening and migrating the file, read-only data directories, the change
counter and the integrity check. Every `sqlite3.Error` leaves as a
`StoreError` (see `connections.translate`).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.errors import DamagedStoreError, StoreError
from newsdesk.store.own_changes import OwnChanges
from newsdesk.store.routing import RoutedStore, SqlModules, routed
from newsdesk.store.sqlite import (
    actions,
    articles,
    claims,
    feeds,
    migrations,
    origins,
    removal,
    rules,
    saved,
    stories,
    transfer,
    wire,
)
from newsdesk.store.sqlite.connections import (
    Connections,
    damaged_message,
    mark_damaged,
    translate,
)
from newsdesk.store.sqlite.stories import SqliteStoryTables

if TYPE_CHECKING:
    from newsdesk.search.query import Node

#: Seconds between two looks at a SQLite file's change counter while waiting for a change.
CHANGE_POLL_S = 0.2
#: The page cache (KiB) of the connection an import stores through (`bulk_import`).
#: With SQLite's default (2 MB) a stored article read about 210 pages from the file
#: on a 40,000-article store (its candidates' band rows and member rows, the
#: articles' indexes): 28 with this, and each read is a system call and a page
#: parsed again. The importing process's memory grows by at most this much.
IMPORT_CACHE_KIB = 65_536


class SqliteStore(RoutedStore):
    """The store in one SQLite file. Safe to use from several threads."""

    sql = SqlModules(
        articles=articles,
        actions=actions,
        claims=claims,
        feeds=feeds,
        origins=origins,
        saved=saved,
        rules=rules,
        wire=wire,
        removal=removal,
        transfer=transfer,
        migrations=migrations,
        stories=stories,
        story_tables=SqliteStoryTables,
    )
    driver_error = sqlite3.Error
    connection_type = sqlite3.Connection
    backend_name = "SQLite"

    def __init__(self, path: Path, editor: str = "") -> None:
        super().__init__(editor)
        self.path = path
        self._db: Connections = Connections(path, editor, self.session)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    def translate(self, exc: Exception) -> StoreError:
        assert isinstance(exc, sqlite3.Error)
        return translate(exc, self.path)

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def editor_args(self) -> dict[str, str]:
        # The SQL functions are told who acts (a file has no session to hold it).
        return {"editor": self._editor}

    def condition_sql(self, condition: Node | None) -> tuple[Any, list[Any]]:
        # Loaded on the first condition, not at start (with the query grammar it
        # reads): the app's first screen is read by `inbox_head`.
        from newsdesk.store.sqlite.conditions import where

        return where(condition)

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    @property
    def on_wait(self) -> Callable[[], None] | None:
        return self._db.on_wait

    @on_wait.setter
    def on_wait(self, callback: Callable[[], None] | None) -> None:
        self._db.on_wait = callback

    @property
    def index_name(self) -> str:
        return ""

    @property
    def former_index_names(self) -> tuple[str, ...]:
        return ()

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (SQLite only: doctor and tests read the file directly)."""
        return self._db.conn

    @contextmanager
    def bulk_import(self) -> Iterator[None]:
        conn = self.conn
        before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            # The cache's pages beyond the old size are freed (closed meanwhile: none left).
            with suppress(sqlite3.Error):
                conn.execute(f"PRAGMA cache_size = {before}")

    def _migrate(self) -> None:
        try:
            current = migrations.read_version(self.conn)
        except (sqlite3.DatabaseError, ValueError) as exc:
            message = damaged_message(self.path, exc)
            if "disk I/O" not in str(exc):  # an I/O error may pass; a malformed page stays
                mark_damaged(self.path, message)
            raise DamagedStoreError(message) from exc
        migrations.check_version(current, self.path)
        if current != migrations.SCHEMA_VERSION:
            with self._db.transaction() as tx:
                migrations.upgrade(tx, current)
        # The story tables keep their own version: derived data, upgraded in place.
        if not self.read_only and stories.needs_upgrade(self.conn):
            with self._db.transaction() as tx:
                stories.upgrade(tx)

    # -- revisions -----------------------------------------------------------------------

    @routed
    def data_version(self) -> int:
        # SQLite's PRAGMA data_version: only meaningful compared on one connection.
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    @routed
    def change_count(self) -> int:
        return articles.change_count(self.conn)

    @property
    def own_changes(self) -> OwnChanges:
        return self._db.own

    def wait_for_change(
        self, since: int, timeout: float, stop: threading.Event | None = None
    ) -> int:
        # A file announces nothing: look at the pragma (it reads no page) a few times a second.
        deadline = time.monotonic() + timeout
        while True:
            now = self.data_version()
            left = deadline - time.monotonic()
            if now != since or left <= 0:
                return now
            if stop is None:
                time.sleep(min(left, CHANGE_POLL_S))
            elif stop.wait(min(left, CHANGE_POLL_S)):
                return now  # the app is closing: it need not wait out the poll

    # -- health ----------------------------------------------------------------------------

    @routed
    def integrity_check(self) -> list[str]:
        found = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        return [] if found == ["ok"] else found
