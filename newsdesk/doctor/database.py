"""Check: the store passes SQLite's integrity check, and is salvaged when it does not."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.doctor.emptied import emptied_message, emptied_store
from newsdesk.doctor.salvage import SQLITE_MAGIC, salvage_database
from newsdesk.store import SCHEMA_VERSION, StoreError
from newsdesk.store.sqlite.connections import clear_damage_mark, damaged_message, mark_damaged

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor


def check_database(doctor: Doctor, writable: bool) -> bool:
    """Check (and repair) the store; True when it is usable afterwards."""
    db = doctor.paths.database
    if doctor.repair:
        # What an earlier command found is checked again here (a look changes nothing).
        with contextlib.suppress(OSError):
            clear_damage_mark(db)
    if not db.exists():
        doctor.report.add("database", "ok", "no database yet; it is created on the first import")
        return writable
    evidence = emptied_store(doctor.paths)
    if evidence is not None:
        # Not "empty (no articles yet)": checking the index would wipe the evidence.
        doctor.report.add("database", "problem", emptied_message(doctor.paths, evidence))
        return False
    if db.stat().st_size == 0:
        # SQLite treats an empty file as an empty database; the next start sets it up.
        doctor.report.add("database", "ok", f"the database {db} is empty (no articles yet)")
        return writable
    problems, version, articles = inspect_database(db, read_only=not writable)
    if version is not None and version > SCHEMA_VERSION:
        doctor.report.add(
            "schema",
            "problem",
            f"the database was written by a newer newsdesk (schema {version}; this "
            f"version understands {SCHEMA_VERSION}). Upgrade newsdesk; nothing was touched",
            schema_version=version,
            supported=SCHEMA_VERSION,
        )
        return False
    if not problems:
        doctor.report.add(
            "database",
            "ok",
            f"database {db} passes the integrity check ({articles} articles)",
            articles=articles,
            schema_version=version,
        )
        return True
    summary = "; ".join(problems[:3]) + (
        f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
    )
    if doctor.repair:
        with contextlib.suppress(OSError):
            # Found again: the commands go on refusing it until it is repaired.
            mark_damaged(db, damaged_message(db, summary))
    if not (doctor.repair and writable):
        why = doctor.unwritable if not writable else "repair was not asked for"
        doctor.report.add(
            "database",
            "problem",
            f"the database {db} is damaged ({summary}); not repaired: {why}",
            problems=problems,
        )
        return False
    try:
        result = salvage_database(db, doctor.now())
    except (OSError, sqlite3.Error, StoreError) as exc:
        doctor.report.add(
            "database",
            "problem",
            f"the database {db} is damaged ({summary}) and the salvage failed: {exc}. "
            "The database was left as it was",
            problems=problems,
        )
        return False
    with contextlib.suppress(OSError):
        clear_damage_mark(db)  # the fresh database holds what could be read
    kept = sum(result.kept.values())
    lost = sum(result.lost.values())
    # A desk whose articles could not be read at all is not healthy for being readable
    # now: a check run from cron must still fail.
    nothing = "articles" in result.unreadable_tables
    doctor.report.add(
        "database",
        "problem" if nothing else "repaired",
        ("no article could be read back: restore a backup if there is one. " if nothing else "")
        + f"the database was damaged ({summary}). The original is kept at "
        f"{result.damaged_copy}; a fresh database now holds what could be read: "
        f"{result.kept.get('articles', 0)} articles, {kept} rows in all"
        + (f"; {lost} unreadable rows were left behind in the copy" if lost else "")
        + (
            f"; unreadable tables: {', '.join(result.unreadable_tables)}"
            if result.unreadable_tables
            else ""
        ),
        problems=problems,
        damaged_copy=str(result.damaged_copy),
        kept=result.kept,
        lost=result.lost,
        unreadable_tables=result.unreadable_tables,
    )
    # The index described the old database; it is rebuilt from the new one.
    doctor.database_salvaged = True
    drop_index_version(doctor)
    return True


def drop_index_version(doctor: Doctor) -> None:
    from newsdesk.search.index import VERSION_FILE

    with contextlib.suppress(FileNotFoundError):
        (doctor.paths.index_dir / VERSION_FILE).unlink()


def open_readonly(db: Path, *, immutable: bool) -> sqlite3.Connection:
    """A connection that cannot change the file (immutable when the folder is read-only)."""
    uri = db.resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")
    return sqlite3.connect(uri, uri=True, timeout=15)


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {
        str(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(r[0]).startswith("sqlite_")
    }


def expected_tables() -> set[str]:
    """The tables of a store at this version (built in memory from the migrations)."""
    from newsdesk.store.sqlite.migrations import upgrade

    conn = sqlite3.connect(":memory:")
    try:
        upgrade(conn, 0)
        return table_names(conn)
    finally:
        conn.close()


def _reader(db: Path, read_only: bool) -> sqlite3.Connection:
    """A read-only connection that sees the write-ahead log when there is one: an
    immutable one reads the main file alone, and a file whose newest pages are still in
    the log then looks malformed (doctor on a full disk called an intact desk damaged).
    Immutable only when the log cannot be read that way (a read-only folder)."""
    wal = db.with_name(db.name + "-wal")
    with contextlib.suppress(OSError):
        if read_only and wal.stat().st_size > 0:
            conn = open_readonly(db, immutable=False)
            try:
                conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
                return conn
            except sqlite3.Error:
                conn.close()
    return open_readonly(db, immutable=read_only)


def inspect_database(db: Path, *, read_only: bool) -> tuple[list[str], int | None, int]:
    """(problems, schema version or None, article count) without changing the file."""
    try:
        with db.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return [f"cannot read the file: {exc.strerror or exc}"], None, 0
    if header != SQLITE_MAGIC:
        return ["file is not a database (its header is damaged)"], None, 0
    try:
        conn = _reader(db, read_only)
    except sqlite3.Error as exc:
        return [str(exc)], None, 0
    try:
        version: int | None = None
        articles = 0
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
        except (sqlite3.Error, ValueError, TypeError):
            version = None
        if version is not None and version > SCHEMA_VERSION:
            # Not ours to judge: a newer newsdesk may lay things out differently.
            return [], version, 0
        try:
            problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(50)")]
        except sqlite3.Error as exc:
            return [str(exc)], version, 0
        if problems == ["ok"]:
            problems = []
        if version is None and not problems:
            problems = ["the meta table (schema version) is unreadable"]
        if version is not None and version < 0:
            problems.append(f"the schema version {version} makes no sense")
        if version is not None and version > 0:
            # What the integrity check cannot see: a table dropped by another tool.
            missing = sorted(expected_tables() - table_names(conn))
            if missing:
                problems.append(f"missing tables: {', '.join(missing)}")
        with contextlib.suppress(sqlite3.Error):
            articles = int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        return problems, version, articles
    finally:
        conn.close()
