"""The store: the single source of truth, behind one interface.

Articles, their state (read, starred, archived, exported, note), tags, the
origins each article came from, the action log that backs undo, saved
searches. The Whoosh index is derived from it and can always be rebuilt.

`protocol.StoreBackend` is the interface; `sqlite/` is the backend in use.
`open_store` is how the Desk gets one. `Store` is the SQLite backend under its
old name, so older imports keep working.
"""

from __future__ import annotations

from pathlib import Path

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


def open_store(path: Path) -> StoreBackend:
    """The store at `path` (a SQLite file today), created and migrated as needed."""
    return SqliteStore(path)


__all__ = [
    "BUSY_TIMEOUT_MS",
    "RAW_LIMIT",
    "SCHEMA_VERSION",
    "STATE_FIELDS",
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
    "open_store",
]
