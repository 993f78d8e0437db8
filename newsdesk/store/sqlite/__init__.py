"""The SQLite backend of the store: one file, WAL, a connection per thread.

`store.py` routes; `articles`, `actions`, `saved` and `conditions` hold the
SQL by concern; `migrations/` holds the numbered schema steps.
"""

from newsdesk.store.sqlite.articles import RAW_LIMIT
from newsdesk.store.sqlite.connections import BUSY_TIMEOUT_MS, WAIT_NOTICE_MS
from newsdesk.store.sqlite.migrations import SCHEMA_VERSION
from newsdesk.store.sqlite.store import SqliteStore

__all__ = ["BUSY_TIMEOUT_MS", "RAW_LIMIT", "SCHEMA_VERSION", "WAIT_NOTICE_MS", "SqliteStore"]
