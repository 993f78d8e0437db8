"""`PostgresStore`: the PostgreSQL backend of `StoreBackend`, one shared desk on a server.

The routing from each verb to the module owning its SQL is shared with the
SQLite backend (`newsdesk.store.routing.RoutedStore`); the modules here are
`articles`, `actions`, `claims`, `feeds` (saved searches too), `rules`,
`wire`, `conditions`, `stories`, `migrations`. This class keeps what is the
server's own: migrating, the change signal (LISTEN/NOTIFY through
`ChangeListener`), the per-desk index name and the layout check. Every
psycopg error leaves as a `StoreError` naming the server without its
password (`connections.translate`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import psycopg

from newsdesk.errors import StoreError
from newsdesk.store.own_changes import OwnChanges
from newsdesk.store.postgresql import (
    actions,
    articles,
    claims,
    feeds,
    migrations,
    origins,
    removal,
    rules,
    stories,
    transfer,
    wire,
)
from newsdesk.store.postgresql.conditions import where
from newsdesk.store.postgresql.connections import (
    Conn,
    Connections,
    former_index_names,
    index_name,
    safe_url,
    translate,
)
from newsdesk.store.postgresql.listen import ChangeListener
from newsdesk.store.postgresql.stories import PostgresStoryTables
from newsdesk.store.protocol import TableCopy
from newsdesk.store.routing import RoutedStore, SqlModules, routed

if TYPE_CHECKING:
    from newsdesk.search.query import Node


class PostgresStore(RoutedStore):
    """The store on a PostgreSQL server. Safe to use from several threads."""

    sql = SqlModules(
        articles=articles,
        actions=actions,
        claims=claims,
        feeds=feeds,
        origins=origins,
        saved=feeds,
        rules=rules,
        wire=wire,
        removal=removal,
        transfer=transfer,
        migrations=migrations,
        stories=stories,
        story_tables=PostgresStoryTables,
    )
    driver_error = psycopg.Error
    connection_type = psycopg.Connection
    backend_name = "PostgreSQL"

    def __init__(self, url: str, editor: str = "") -> None:
        super().__init__(editor)
        self.url = url
        self.where = safe_url(url)
        self._db: Connections = Connections(url, editor, self.session)
        self._listener = ChangeListener(url)
        self._on_wait: Callable[[], None] | None = None
        self._migrate()

    def translate(self, exc: Exception) -> StoreError:
        assert isinstance(exc, psycopg.Error)
        return translate(exc, self.url)

    @property
    def location(self) -> str:
        return self.where

    def condition_sql(self, condition: Node | None) -> tuple[Any, list[Any]]:
        return where(condition)

    # -- lifecycle ---------------------------------------------------------------------
    # The connection knows the editor (`newsdesk.editor`), so `editor_args` stays empty.

    @property
    def read_only(self) -> bool:
        return False

    @property
    def on_wait(self) -> Callable[[], None] | None:
        return self._on_wait

    @on_wait.setter
    def on_wait(self, callback: Callable[[], None] | None) -> None:
        self._on_wait = callback

    @property
    def index_name(self) -> str:
        return index_name(self.url)

    @property
    def former_index_names(self) -> tuple[str, ...]:
        return former_index_names(self.url)

    @property
    def conn(self) -> Conn:
        return self._db.conn

    def close(self) -> None:
        self._listener.close()
        self._db.close()

    @routed
    def _migrate(self) -> None:
        current = migrations.read_version(self.conn)
        migrations.check_version(current, self.where)
        if current == migrations.SCHEMA_VERSION:
            return
        with self._db.conn.transaction():
            migrations.upgrade(self._db.conn, self.where)

    def load(self, tables: Iterable[TableCopy]) -> dict[str, int]:
        # COPY cannot run in a pipeline: the one transaction that copies runs without.
        with self._db.transaction(pipeline=False) as tx:
            return transfer.load(tx, tables, self.where)

    # -- revisions -----------------------------------------------------------------------

    @routed
    def data_version(self) -> int:
        return articles.data_version(self.conn)

    def change_count(self) -> int:
        return self.data_version()  # the server's counter is the same on every connection

    @property
    def own_changes(self) -> OwnChanges:
        return self._db.own

    def wait_for_change(
        self, since: int, timeout: float, stop: threading.Event | None = None
    ) -> int:
        # `stop` is not looked at: the server's announcement or the timeout ends the wait.
        return self._listener.wait_for_change(since, timeout, self.data_version)

    # -- health ----------------------------------------------------------------------------

    @routed
    def integrity_check(self) -> list[str]:
        # The server keeps its own pages whole; what can go wrong here is the layout.
        version = migrations.read_version(self.conn)
        if version != migrations.SCHEMA_VERSION:
            return [f"schema is at step {version}, expected {migrations.SCHEMA_VERSION}"]
        return []
