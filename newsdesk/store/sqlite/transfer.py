"""Copying a whole desk out of and into SQLite (`StoreBackend.dump` / `load`).

The tables are found in the file's own catalogue, so a table added by a
later step is copied without a change here. Identifiers come from that
catalogue (or are checked against it) and are quoted; values are always
parameters.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from newsdesk.errors import StoreError
from newsdesk.store.protocol import TableCopy

#: Tables of a shared desk a file desk keeps otherwise: read state per editor
#: (the copying editor's arrives in `articles.read`).
SHARED_ONLY = ("reads",)
#: `meta` keys that are this backend's own bookkeeping, never copied.
OWN_META = ("schema_version", "story_version", "changes")
_BATCH = 1000


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
    names = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {n: [str(r[1]) for r in conn.execute(f"PRAGMA table_info({_quote(n)})")] for n in names}


def dump(conn: sqlite3.Connection) -> Iterator[TableCopy]:
    """Every table, in one read transaction (a consistent snapshot in WAL mode)."""
    conn.execute("BEGIN")
    try:
        for name, columns in _tables(conn).items():
            query = f"SELECT {', '.join(map(_quote, columns))} FROM {_quote(name)}"
            params: tuple[str, ...] = ()
            if name == "meta":
                query += " WHERE key NOT IN (" + ", ".join("?" for _ in OWN_META) + ")"
                params = OWN_META
            cursor = conn.execute(query, params)
            yield TableCopy(name, columns, (tuple(row) for row in cursor))
    finally:
        # Nothing was written: ending the read (when the connection is still open) is enough.
        with contextlib.suppress(sqlite3.ProgrammingError):
            if conn.in_transaction:
                conn.execute("COMMIT")


def load(tx: sqlite3.Connection, tables: Iterable[TableCopy], where: str) -> dict[str, int]:
    """Write the dump into this (empty) file inside `tx`; rows written per table."""
    present = _tables(tx)
    written: dict[str, int] = {}
    for table in tables:
        if table.name in SHARED_ONLY and table.name not in present:
            for _ in table.rows:  # read through, so the source's cursor moves on
                pass
            continue
        columns = present.get(table.name)
        if columns is None:
            raise StoreError(f"the desk at {where} has no table {table.name!r}; nothing was copied")
        missing = [c for c in table.columns if c not in columns]
        if missing:
            raise StoreError(
                f"the desk at {where} has no column {missing[0]!r} in {table.name!r}; "
                "nothing was copied"
            )
        names = ", ".join(map(_quote, table.columns))
        marks = ", ".join("?" for _ in table.columns)
        if table.name == "meta":
            sql = (
                f"INSERT INTO meta ({names}) VALUES ({marks}) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            )
        else:
            if tx.execute(f"SELECT 1 FROM {_quote(table.name)} LIMIT 1").fetchone():
                raise StoreError(
                    f"the desk at {where} is not empty ({table.name} holds rows); "
                    "a desk is copied only into an empty one. Nothing was copied"
                )
            sql = f"INSERT INTO {_quote(table.name)} ({names}) VALUES ({marks})"
        count = 0
        batch: list[tuple[Any, ...]] = []
        for row in table.rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                tx.executemany(sql, batch)
                count += len(batch)
                batch.clear()
        tx.executemany(sql, batch)
        written[table.name] = count + len(batch)
    # The revision counter is at least every article's revision (the index relies on it).
    tx.execute(
        "UPDATE meta SET value = CAST(MAX(CAST(value AS INTEGER), "
        "(SELECT COALESCE(MAX(rev), 0) FROM articles)) AS TEXT) WHERE key = 'rev'"
    )
    return written
