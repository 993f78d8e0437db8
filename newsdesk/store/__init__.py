"""The store: the single source of truth, behind one interface.

Articles, their state (read, starred, archived, exported, note), tags, the
origins each article came from, the action log that backs undo, saved
searches. The Whoosh index is derived from it and can always be rebuilt.

`protocol.StoreBackend` is the interface; `sqlite/` is the backend in use.
`open_store` is how the Desk gets one: a shared desk on PostgreSQL when
`NEWSDESK_STORE` holds a `postgresql://` URL, else the SQLite file. `Store` is the SQLite backend under its
old name, so older imports keep working.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsdesk.config import STORE_ENV
from newsdesk.errors import (
    DamagedStoreError,
    NewerSchemaError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreError,
)
from newsdesk.store.protocol import (
    STATE_FIELDS,
    ActionRecord,
    InsertOutcome,
    StoreBackend,
    StoryTables,
    Transaction,
)
from newsdesk.store.sqlite import BUSY_TIMEOUT_MS, RAW_LIMIT, SCHEMA_VERSION, SqliteStore

Store = SqliteStore


def is_server_url(url: str | None) -> bool:
    """True for a PostgreSQL address (`postgresql://` or `postgres://`)."""
    return bool(url) and str(url).startswith(("postgresql://", "postgres://"))


def open_store(path: Path, url: str | None = None, editor: str = "") -> StoreBackend:
    """The store to use, created and migrated as needed.

    `url` (else `NEWSDESK_STORE`) naming a PostgreSQL server opens the shared
    desk there; otherwise the SQLite file at `path`.
    """
    url = url or os.environ.get(STORE_ENV) or None
    if url:
        if not is_server_url(url):
            raise StoreError(
                "the shared desk must be a postgresql:// address (--store, "
                f"{STORE_ENV} or [store] url); leave it unset for the desk in the data directory"
            )
        # Imported here: a desk on SQLite never loads the PostgreSQL driver.
        from newsdesk.store.postgresql import PostgresStore

        return PostgresStore(url, editor)
    return SqliteStore(path, editor)


def describe(spec: str) -> str:
    """A store named as `store migrate` takes it, fit to show (never a password)."""
    if is_server_url(spec):
        from newsdesk.store.postgresql import safe_url

        return safe_url(spec)
    return spec


def open_named(
    spec: str, data_file: Path, *, must_exist: bool = False, editor: str = ""
) -> StoreBackend:
    """The store `spec` names: `sqlite` (the file in the data directory, `data_file`),
    a path to a SQLite file, or a postgresql:// URL. With `must_exist`, a SQLite
    file that is not there is refused instead of created."""
    if is_server_url(spec):
        from newsdesk.store.postgresql import PostgresStore

        return PostgresStore(spec, editor)
    if "://" in spec:
        raise StoreError(
            f"{spec.split('://')[0]}:// is not a store newsdesk knows; use "
            "sqlite, a SQLite file or a postgresql:// address"
        )
    path = data_file if spec == "sqlite" else Path(spec).expanduser()
    if must_exist and not path.is_file():
        raise StoreError(f"there is no desk at {path} to copy")
    return SqliteStore(path, editor)


__all__ = [
    "BUSY_TIMEOUT_MS",
    "RAW_LIMIT",
    "SCHEMA_VERSION",
    "STATE_FIELDS",
    "STORE_ENV",
    "ActionRecord",
    "DamagedStoreError",
    "InsertOutcome",
    "NewerSchemaError",
    "ReadOnlyStoreError",
    "Store",
    "StoreBackend",
    "StoreBusyError",
    "StoreError",
    "StoryTables",
    "Transaction",
    "describe",
    "is_server_url",
    "open_named",
    "open_store",
]
