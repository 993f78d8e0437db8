"""Copying a whole desk out of and into PostgreSQL (`StoreBackend.dump` / `load`).

Tables and columns are read from the server's catalogue for the desk's
schema, so a table added by a later step is copied without a change here.
Identifiers are composed with `psycopg.sql.Identifier`, values go through
COPY or parameters. Rows are streamed both ways (a server-side cursor out,
COPY in), so a large desk never sits in memory whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import tuple_row

from newsdesk.errors import StoreError
from newsdesk.store.postgresql.articles import read_by_me
from newsdesk.store.protocol import TableCopy

Conn = psycopg.Connection[dict[str, Any]]

#: `meta` keys that are this backend's own bookkeeping, never copied.
OWN_META = ("schema_version", "changes")


def _tables(conn: Conn) -> dict[str, dict[str, str]]:
    """Table -> column -> data type, columns in their order, for the desk's schema."""
    found: dict[str, dict[str, str]] = {}
    for row in conn.execute(
        """SELECT c.table_name, c.column_name, c.data_type
           FROM information_schema.columns c
           JOIN information_schema.tables t
             ON t.table_schema = c.table_schema AND t.table_name = c.table_name
           WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
           ORDER BY c.table_name, c.ordinal_position"""
    ):
        found.setdefault(str(row["table_name"]), {})[str(row["column_name"])] = str(
            row["data_type"]
        )
    return found


def dump(conn: Conn) -> Iterator[TableCopy]:
    """Every table, read in one repeatable-read snapshot."""
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for name, types in _tables(conn).items():
            columns = list(types)
            # Read or unread is per editor here: a copy carries the copying editor's.
            picks = [
                sql.SQL(read_by_me(name) + " AS read")
                if (name, c) == ("articles", "read")
                else sql.Identifier(c)
                for c in columns
            ]
            query = sql.SQL("SELECT {} FROM {}").format(
                sql.SQL(", ").join(picks), sql.Identifier(name)
            )
            params: tuple[Any, ...] = ()
            if name == "meta":
                query += sql.SQL(" WHERE NOT (key = ANY(%s))")
                params = (list(OWN_META),)
            with conn.cursor(name="newsdesk_dump", row_factory=tuple_row) as cursor:
                cursor.itersize = 2000
                cursor.execute(query, params)
                yield TableCopy(name, columns, iter(cursor))


def _caster(data_type: str) -> Callable[[Any], Any]:
    """Turn a value from another backend into what this column holds (SQLite is loosely typed)."""
    if data_type in ("bigint", "integer", "smallint"):
        return int
    if data_type in ("double precision", "real", "numeric"):
        return float
    if data_type == "bytea":
        return bytes
    return str


def load(tx: Conn, tables: Iterable[TableCopy], where: str) -> dict[str, int]:
    """Write the dump into this (empty) desk inside `tx`; rows written per table."""
    present = _tables(tx)
    written: dict[str, int] = {}
    for table in tables:
        types = present.get(table.name)
        if types is None:
            raise StoreError(
                f"the shared desk at {where} has no table {table.name!r}; nothing was copied"
            )
        missing = [c for c in table.columns if c not in types]
        if missing:
            raise StoreError(
                f"the shared desk at {where} has no column {missing[0]!r} in "
                f"{table.name!r}; nothing was copied"
            )
        casts = [_caster(types[c]) for c in table.columns]
        rows = (
            tuple(None if v is None else cast(v) for cast, v in zip(casts, row, strict=True))
            for row in table.rows
        )
        ident = sql.Identifier(table.name)
        names = sql.SQL(", ").join(map(sql.Identifier, table.columns))
        count = 0
        if table.name == "meta":
            marks = sql.SQL(", ").join(sql.Placeholder() for _ in table.columns)
            upsert = sql.SQL(
                "INSERT INTO meta ({}) VALUES ({}) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ).format(names, marks)
            with tx.cursor() as cur:
                for row in rows:
                    cur.execute(upsert, row)
                    count += 1
        else:
            if tx.execute(sql.SQL("SELECT 1 FROM {} LIMIT 1").format(ident)).fetchone():
                raise StoreError(
                    f"the shared desk at {where} is not empty ({table.name} holds rows); "
                    "a desk is copied only into an empty one. Nothing was copied"
                )
            # COPY writes identity columns as given: ids (and what refers to them) stay.
            copy_sql = sql.SQL("COPY {} ({}) FROM STDIN").format(ident, names)
            with tx.cursor() as cur, cur.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        written[table.name] = count
    if "reads" not in written:
        # From a desk of one editor: what it had read is what the copying editor has read.
        tx.execute(
            "INSERT INTO reads (article_id, editor) "
            "SELECT id, current_setting('newsdesk.editor', true) FROM articles WHERE read = 1 "
            "ON CONFLICT DO NOTHING"
        )
    _after_copy(tx)
    return written


def _after_copy(tx: Conn) -> None:
    """Move the counters past the copied rows, so new ids and batches never collide."""
    for row in tx.execute(
        """SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND is_identity = 'YES'"""
    ).fetchall():
        table, column = sql.Identifier(row["table_name"]), sql.Identifier(row["column_name"])
        tx.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({}), 0) + 1, false) "
                "FROM {}"
            ).format(column, table),
            (row["table_name"], row["column_name"]),
        )
    tx.execute("SELECT setval('action_batches', COALESCE(MAX(batch), 0) + 1, false) FROM actions")
    tx.execute(
        "UPDATE meta SET value = GREATEST(value::bigint, "
        "(SELECT COALESCE(MAX(rev), 0) FROM articles))::text WHERE key = 'rev'"
    )
