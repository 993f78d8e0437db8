"""The numbered schema steps of the PostgreSQL store, and the runner that applies them.

Same rules as the SQLite steps (`store/sqlite/migrations`): one module per
step, `mNNN_what.py`, with `STATEMENTS`; never edit a shipped step. The
discovery is shared; the runner is PostgreSQL's own. A transaction-level
advisory lock makes two editors starting at once migrate one after the other.
"""

from __future__ import annotations

from typing import Any

import psycopg

from newsdesk.errors import NewerSchemaError
from newsdesk.store.sqlite.migrations import Step, discover

STEPS: dict[int, Step] = discover(tuple(__path__), __name__)
SCHEMA_VERSION = max(STEPS)
#: Any fixed number: the key of the advisory lock held while migrating.
_MIGRATION_LOCK = 160_416


def read_version(conn: psycopg.Connection[Any]) -> int:
    """The version the schema is at (0 when it has no `meta` table yet)."""
    row = conn.execute("SELECT to_regclass('meta') IS NOT NULL AS present").fetchone()
    if not row or not _first(row):
        return 0
    found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(_first(found)) if found else 0


def _first(row: Any) -> Any:
    return next(iter(row.values())) if isinstance(row, dict) else row[0]


def check_version(current: int, where: str) -> None:
    if current > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"the shared desk at {where} was written by a newer newsdesk "
            f"(schema {current}, this version understands {SCHEMA_VERSION}). "
            "Upgrade newsdesk; the data has not been touched."
        )


def upgrade(tx: psycopg.Connection[Any], where: str) -> None:
    """Bring the schema to `SCHEMA_VERSION` inside the caller's transaction."""
    tx.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
    current = read_version(tx)
    check_version(current, where)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        for statement in STEPS[version].statements:
            tx.execute(statement)
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )
