"""Salvage a damaged store: copy it aside, then rebuild it from every row still readable.

The store is the user's work. It is never deleted or rewritten in place. A
damaged database is first copied aside (`newsdesk.sqlite3.damaged-<stamp>`,
with its `-wal`), then whatever rows can still be read are copied, table by
table and row by row, into a fresh database that takes its place.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newsdesk.atomic import atomic_replace
from newsdesk.store import Store, StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class SalvageResult:
    """What a salvage copied into the fresh database."""

    kept: dict[str, int]
    lost: dict[str, int]
    unreadable_tables: list[str]
    damaged_copy: Path


def salvage_database(db: Path, now: datetime) -> SalvageResult:
    """Copy `db` aside, then rebuild it from every row that can still be read.

    The copy (and its `-wal`, which holds committed work not yet in the main
    file) is made and checked before anything else happens; the fresh
    database is built beside it and only then moved over the damaged one.
    """
    stamp = now.strftime("%Y%m%d-%H%M%S")
    copy = _free_name(db.with_name(f"{db.name}.damaged-{stamp}"))
    _copy_with_sidecars(db, copy)
    work = db.with_name(f"{db.name}.salvage-{secrets.token_hex(4)}")
    try:
        source_file = _readable_source(copy, work)
        result = _copy_rows(source_file, work, copy)
        if source_file != copy:
            _remove_with_sidecars(source_file)
        # The old WAL and shared memory belong to the damaged file; SQLite would
        # otherwise replay them into the fresh one. They are kept in the copy.
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                db.with_name(db.name + suffix).unlink()
        atomic_replace(work, db)
    except BaseException:
        _remove_with_sidecars(work)
        raise
    return result


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def _copy_with_sidecars(db: Path, copy: Path) -> None:
    for suffix in ("", "-wal", "-journal"):
        source = db.with_name(db.name + suffix)
        if source.exists():
            target = copy.with_name(copy.name + suffix)
            shutil.copy2(source, target)
            if target.stat().st_size != source.stat().st_size:
                raise OSError(f"the copy {target} is incomplete; nothing was changed")


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


def _readable_source(copy: Path, work: Path) -> Path:
    """The copy itself, or a scratch copy with a rebuilt header when the header is garbage."""
    with copy.open("rb") as handle:
        header = handle.read(100)
    if header.startswith(SQLITE_MAGIC):
        return copy
    # The first 100 bytes only describe the file; the tables start after them.
    # A header from a fresh database with the right page size often reopens it.
    size = copy.stat().st_size
    for page_size in (4096, 1024, 2048, 8192, 16384, 32768, 65536):
        if size % page_size:
            continue
        scratch = work.with_name(work.name + f"-header{page_size}")
        shutil.copyfile(copy, scratch)
        with scratch.open("r+b") as handle:
            handle.write(_fresh_header(page_size, size // page_size))
        try:
            conn = sqlite3.connect(scratch.resolve().as_uri() + "?immutable=1", uri=True)
            try:
                conn.execute("SELECT name FROM sqlite_master").fetchall()
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            _remove_with_sidecars(scratch)
            continue
        return scratch
    return copy


def _fresh_header(page_size: int, pages: int) -> bytes:
    header = bytearray(100)
    header[0:16] = SQLITE_MAGIC
    header[16:18] = (1 if page_size == 65536 else page_size).to_bytes(2, "big")
    header[18] = 1  # legacy journal (a WAL flag would send readers to a WAL that does not exist)
    header[19] = 1
    header[21], header[22], header[23] = 64, 32, 32
    header[24:28] = (1).to_bytes(4, "big")
    header[28:32] = pages.to_bytes(4, "big")
    header[40:44] = (1).to_bytes(4, "big")
    header[44:48] = (4).to_bytes(4, "big")
    header[56:60] = (1).to_bytes(4, "big")  # UTF-8
    header[92:96] = (1).to_bytes(4, "big")
    header[96:100] = (3_045_000).to_bytes(4, "big")
    return bytes(header)


def _copy_rows(source: Path, work: Path, damaged_copy: Path) -> SalvageResult:
    """Build a fresh store at `work` and copy every readable row of `source` into it."""
    fresh = Store(work)
    try:
        target = fresh.conn
        tables = [
            str(r[0])
            for r in target.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        kept: dict[str, int] = {}
        lost: dict[str, int] = {}
        unreadable: list[str] = []
        try:
            src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
            # Lets SQLite read a file shorter than its header says (a truncated
            # database) instead of refusing it whole; the connection stays read-only.
            src.execute("PRAGMA writable_schema = ON")
        except sqlite3.Error:
            src = None
        try:
            for table in tables:
                target_cols = [str(r[1]) for r in target.execute(f"PRAGMA table_info({table})")]
                source_cols = _columns(src, table) if src is not None else None
                if source_cols is None:
                    unreadable.append(table)
                    kept[table] = 0
                    continue
                cols = [c for c in target_cols if c in source_cols]
                good, bad = _copy_table(src, target, table, cols) if src is not None else (0, 0)
                kept[table] = good
                if bad:
                    lost[table] = bad
            _fix_revision(target)
        finally:
            if src is not None:
                src.close()
        problems = fresh.integrity_check()
        if problems:
            raise StoreError(f"the salvaged database failed its own check: {problems[0]}")
        # One self-contained file to move into place: no WAL beside it.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        fresh.close()
    return SalvageResult(
        kept=kept, lost=lost, unreadable_tables=unreadable, damaged_copy=damaged_copy
    )


def _columns(src: sqlite3.Connection | None, table: str) -> list[str] | None:
    if src is None:
        return None
    try:
        cols = [str(r[1]) for r in src.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return None
    return cols or None


def _readable_rowids(src: sqlite3.Connection, table: str) -> list[int]:
    """Rowids that can still be listed, from the table itself and from each of its indexes.

    A damaged page stops a scan; the table scan then seeks past it in growing
    steps (the b-tree above it may still lead on), and the indexes, which live
    on other pages, often still name rows the table scan could not reach.
    """
    ids: set[int] = set()
    last = 0
    misses = 0
    while misses < 40:
        try:
            for (rowid,) in src.execute(
                f"SELECT rowid FROM {table} NOT INDEXED WHERE rowid > ? ORDER BY rowid", (last,)
            ):
                ids.add(int(rowid))
                last = int(rowid)
            break
        except sqlite3.DatabaseError:
            misses += 1
            last += 2**misses
    try:
        indexes = [
            str(r[0])
            for r in src.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
            )
        ]
    except sqlite3.DatabaseError:
        indexes = []
    for index in indexes:
        try:
            for (rowid,) in src.execute(f'SELECT rowid FROM {table} INDEXED BY "{index}"'):
                ids.add(int(rowid))
        except sqlite3.DatabaseError:
            continue  # Keep what this index gave before its damaged page.
    return sorted(ids)


def _copy_table(
    src: sqlite3.Connection, target: sqlite3.Connection, table: str, cols: list[str]
) -> tuple[int, int]:
    """Copy rows one by one; (rows kept, rows seen but unreadable or rejected)."""
    rowids = _readable_rowids(src, table)
    column_list = ", ".join(cols)
    marks = ", ".join("?" * len(cols))
    select = f"SELECT {column_list} FROM {table} NOT INDEXED WHERE rowid = ?"
    insert = f"INSERT OR IGNORE INTO {table} ({column_list}) VALUES ({marks})"
    if table == "meta":
        # The fresh database states its own schema version; keep every other key.
        insert = f"INSERT OR REPLACE INTO {table} ({column_list}) VALUES ({marks})"
    kept = bad = 0
    target.execute("BEGIN IMMEDIATE")
    try:
        for rowid in rowids:
            try:
                row = src.execute(select, (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                bad += 1
                continue
            if row is None:
                continue
            if (
                table == "meta"
                and dict(zip(cols, row, strict=False)).get("key") == "schema_version"
            ):
                continue
            if table == "articles" and not _whole_article(dict(zip(cols, row, strict=False))):
                bad += 1
                continue
            try:
                cur = target.execute(insert, tuple(row))
            except sqlite3.Error:
                bad += 1
                continue
            kept += cur.rowcount > 0
        target.execute("COMMIT")
    except BaseException:
        target.execute("ROLLBACK")
        raise
    return kept, bad


def _whole_article(row: dict[str, Any]) -> bool:
    """An article row worth keeping: it has an id, text and readable metadata."""
    import json

    if not isinstance(row.get("id"), str) or not row.get("id"):
        return False
    if not isinstance(row.get("body"), str) or not isinstance(row.get("title"), str):
        return False
    try:
        return isinstance(json.loads(row.get("meta") or ""), dict)
    except ValueError:
        return False


def _fix_revision(target: sqlite3.Connection) -> None:
    """Number the salvaged articles' revisions afresh, the counter above them all.

    A revision only tells the index what it has seen; the index is rebuilt after
    a salvage, and a damaged page can leave a plausible but wrong number behind.
    """
    target.execute("BEGIN IMMEDIATE")
    target.execute("UPDATE articles SET rev = rowid")
    top = int(target.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0])
    target.execute(
        "INSERT INTO meta (key, value) VALUES ('rev', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(top),),
    )
    target.execute("COMMIT")
