"""`newsdesk doctor`: check the data directory, the store and the index; repair what is safe.

The rules it keeps:

- The store is the user's work. It is never deleted or rewritten in place. A
  damaged database is first copied aside (`newsdesk.sqlite3.damaged-<stamp>`,
  with its `-wal`), then whatever rows can still be read are copied, table by
  table and row by row, into a fresh database that takes its place. The
  report says how many rows of each table were kept and where the copy is.
- A database from a newer newsdesk is left exactly as it is.
- The index is derived data: when it is missing, damaged or behind, it is
  rebuilt or caught up from the store.
- Leftovers of interrupted atomic writes and exports (hidden temp files and
  staging folders with newsdesk's own names) are removed once they are old
  enough that no running process can still be writing them.

Nothing here opens the Desk (it may be the Desk that cannot open) and nothing
imports Textual.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from newsdesk.paths import Paths
from newsdesk.store import SCHEMA_VERSION, Store, StoreError

Status = Literal["ok", "repaired", "problem", "skipped"]

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Temp files younger than this may belong to a process still writing them.
STALE_AFTER_SECONDS = 10 * 60
#: Index terms whose postings are read back per field (a full read of a big index is slow).
INDEX_TERM_SAMPLE = 2_000

# Names that only newsdesk's own writers create (atomic.py for every file; search/index.py).
_TEMP_FILE = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")
_STAGING_DIR = re.compile(r"^\.newsdesk-staging-[0-9a-f]{12}$")
_INDEX_TEMP = re.compile(r"^\.version-.+$")
_SALVAGE_TEMP = re.compile(
    r"^newsdesk\.sqlite3\.salvage-[0-9a-f]{8}(-header\d+)?(-wal|-shm|-journal)?$"
)


@dataclass
class Finding:
    """The outcome of one check."""

    check: str
    status: Status
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "status": self.status,
            "message": self.message,
            "details": self.details,
        }


@dataclass
class DoctorReport:
    """Every finding, in the order the checks ran."""

    data_dir: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """True when no problem remains (things repaired count as healthy)."""
        return not any(f.status == "problem" for f in self.findings)

    def add(self, check: str, status: Status, message: str, **details: Any) -> Finding:
        finding = Finding(check, status, message, dict(details))
        self.findings.append(finding)
        return finding

    def as_dict(self) -> dict[str, Any]:
        return {
            "data_dir": self.data_dir,
            "healthy": self.healthy,
            "findings": [f.as_dict() for f in self.findings],
        }


@dataclass
class SalvageResult:
    """What a salvage copied into the fresh database."""

    kept: dict[str, int]
    lost: dict[str, int]
    unreadable_tables: list[str]
    damaged_copy: Path


class Doctor:
    """Runs the checks over one set of paths. `repair=False` only looks."""

    def __init__(
        self,
        paths: Paths,
        *,
        repair: bool = True,
        stale_after: float = STALE_AFTER_SECONDS,
        extra_temp_dirs: list[Path] | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.paths = paths
        self.repair = repair
        self.stale_after = stale_after
        self.extra_temp_dirs = extra_temp_dirs or []
        self._now = now
        self.report = DoctorReport(data_dir=str(paths.data_dir))

    # -- the run ---------------------------------------------------------------

    def run(self) -> DoctorReport:
        writable = self._check_data_dir()
        if writable is None:
            return self.report
        store_ok = self._check_database(writable)
        if store_ok:
            self._check_index(writable)
        self._check_temp_files(writable)
        return self.report

    # -- data directory --------------------------------------------------------

    def _check_data_dir(self) -> bool | None:
        """True/False for writable; None when there is no data directory at all."""
        data_dir = self.paths.data_dir
        if not data_dir.exists():
            self.report.add(
                "data_dir",
                "ok",
                f"no data directory yet at {data_dir}; it is created on the first import",
            )
            return None
        if not data_dir.is_dir():
            self.report.add(
                "data_dir",
                "problem",
                f"{data_dir} is not a folder; move it away or choose another with --data-dir",
            )
            return None
        problem = _write_probe(data_dir)
        if problem is not None:
            self.report.add(
                "data_dir",
                "problem",
                f"the data directory {data_dir} is not writable ({problem}): newsdesk can "
                f"show nothing new and save no change. Make it writable (e.g. "
                f"`chmod u+w {data_dir}`), free some space, or use --data-dir",
                path=str(data_dir),
            )
            return False
        self.report.add("data_dir", "ok", f"data directory {data_dir} is writable")
        return True

    # -- database --------------------------------------------------------------

    def _check_database(self, writable: bool) -> bool:
        """Check (and repair) the store; True when it is usable afterwards."""
        db = self.paths.database
        if not db.exists():
            self.report.add("database", "ok", "no database yet; it is created on the first import")
            return writable
        if db.stat().st_size == 0:
            # SQLite treats an empty file as an empty database; the next start sets it up.
            self.report.add("database", "ok", f"the database {db} is empty (no articles yet)")
            return writable
        problems, version, articles = _inspect_database(db, read_only=not writable)
        if version is not None and version > SCHEMA_VERSION:
            self.report.add(
                "schema",
                "problem",
                f"the database was written by a newer newsdesk (schema {version}; this "
                f"version understands {SCHEMA_VERSION}). Upgrade newsdesk; nothing was touched",
                schema_version=version,
                supported=SCHEMA_VERSION,
            )
            return False
        if not problems:
            self.report.add(
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
        if not (self.repair and writable):
            why = (
                "the data directory is not writable" if not writable else "repair was not asked for"
            )
            self.report.add(
                "database",
                "problem",
                f"the database {db} is damaged ({summary}); not repaired: {why}",
                problems=problems,
            )
            return False
        try:
            result = salvage_database(db, self._now())
        except (OSError, sqlite3.Error, StoreError) as exc:
            self.report.add(
                "database",
                "problem",
                f"the database {db} is damaged ({summary}) and the salvage failed: {exc}. "
                "The database was left as it was",
                problems=problems,
            )
            return False
        kept = sum(result.kept.values())
        lost = sum(result.lost.values())
        self.report.add(
            "database",
            "repaired",
            f"the database was damaged ({summary}). The original is kept at "
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
        self._drop_index_version()
        return True

    def _drop_index_version(self) -> None:
        from newsdesk.search.index import VERSION_FILE

        with contextlib.suppress(FileNotFoundError):
            (self.paths.index_dir / VERSION_FILE).unlink()

    # -- index -----------------------------------------------------------------

    def _check_index(self, writable: bool) -> None:
        from newsdesk.search.index import DAMAGE_ERRORS, SearchIndex

        if not self.paths.database.exists():
            return
        if not writable:
            self.report.add(
                "index", "skipped", "the index was not checked: the data directory is read-only"
            )
            return
        try:
            store = Store(self.paths.database)
        except StoreError as exc:
            self.report.add("index", "problem", f"the index was not checked: {exc}")
            return
        try:
            index = SearchIndex(self.paths.index_dir, store)
            try:
                message = index.open()
                status = index.status()
                behind = status.pending
                damage = None if message else _read_whole_index(index)
                if damage is not None or index.damaged:
                    index.rebuild()
                    count = store.count()
                    self.report.add(
                        "index",
                        "repaired",
                        f"the search index was damaged ({damage or 'unreadable'}); rebuilt it "
                        f"from the store ({count} articles)",
                    )
                    return
                caught_up = index.catch_up()
                status = index.status()
                if status.total_docs != status.store_docs:
                    index.rebuild()
                    self.report.add(
                        "index",
                        "repaired",
                        f"the search index held {status.total_docs} documents for "
                        f"{status.store_docs} articles; rebuilt it from the store",
                    )
                    return
                if message or caught_up:
                    self.report.add(
                        "index",
                        "repaired",
                        (
                            message + "; done"
                            if message
                            else f"the search index was {behind} articles behind; caught up"
                        )
                        + f" ({status.total_docs} documents)",
                        documents=status.total_docs,
                    )
                    return
                self.report.add(
                    "index",
                    "ok",
                    f"the search index is current ({status.total_docs} documents)",
                    documents=status.total_docs,
                )
            finally:
                index.stop()
        except (*DAMAGE_ERRORS, sqlite3.Error, StoreError) as exc:  # type: ignore[misc]
            self.report.add(
                "index",
                "problem",
                f"the search index could not be repaired ({exc!r}); run `newsdesk reindex`",
            )
        finally:
            store.close()

    # -- temp files ------------------------------------------------------------

    def _check_temp_files(self, writable: bool) -> None:
        found = list(self._temp_files())
        if not found:
            self.report.add("temp_files", "ok", "no leftovers of interrupted writes")
            return
        cutoff = time.time() - self.stale_after
        stale = [p for p in found if _mtime(p) <= cutoff]
        fresh = [p for p in found if p not in stale]
        removed: list[str] = []
        failed: list[str] = []
        if self.repair:
            for path in stale:
                try:
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
                except OSError as exc:
                    failed.append(f"{path}: {exc.strerror or exc}")
                else:
                    removed.append(str(path))
        details = {"removed": removed, "failed": failed, "recent": [str(p) for p in fresh]}
        note = (
            f"; {len(fresh)} recent ones were left (a newsdesk may still be writing them)"
            if fresh
            else ""
        )
        if failed or (stale and not self.repair):
            what = f"could not remove {len(failed)}" if failed else f"{len(stale)} found"
            self.report.add(
                "temp_files",
                "problem",
                f"leftovers of interrupted writes: {what}" + note,
                **details,
            )
        elif removed:
            self.report.add(
                "temp_files",
                "repaired",
                f"removed {len(removed)} leftovers of interrupted writes" + note,
                **details,
            )
        else:
            self.report.add("temp_files", "ok", "no stale leftovers" + note, **details)

    def _temp_files(self) -> Iterator[Path]:
        dirs = [self.paths.data_dir, self.paths.config_dir, *self.extra_temp_dirs]
        for directory in dirs:
            yield from _leftovers_in(directory, (_TEMP_FILE, _STAGING_DIR, _SALVAGE_TEMP))
        yield from _leftovers_in(self.paths.index_dir, (_INDEX_TEMP,))


def run_doctor(paths: Paths, *, repair: bool = True, **options: Any) -> DoctorReport:
    """Check (and repair, unless `repair=False`) the data of `paths`."""
    return Doctor(paths, repair=repair, **options).run()


# -- helpers: probes ------------------------------------------------------------


def _write_probe(directory: Path) -> str | None:
    """None when a file can be created in `directory`, else why not.

    A real write, not os.access: root ignores permission bits, and a
    read-only mount or a full disk only shows when something is written.
    """
    probe = directory / f".newsdesk-doctor-{secrets.token_hex(4)}.probe"
    try:
        with probe.open("xb") as handle:
            handle.write(b"x" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            probe.unlink()
        return exc.strerror or str(exc)
    probe.unlink()
    return None


def _mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return time.time()


def _leftovers_in(directory: Path, patterns: tuple[re.Pattern[str], ...]) -> Iterator[Path]:
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if any(p.match(entry.name) for p in patterns):
            yield Path(entry.path)


def _open_readonly(db: Path, *, immutable: bool) -> sqlite3.Connection:
    """A connection that cannot change the file (immutable when the folder is read-only)."""
    uri = db.resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")
    return sqlite3.connect(uri, uri=True, timeout=15)


def _inspect_database(db: Path, *, read_only: bool) -> tuple[list[str], int | None, int]:
    """(problems, schema version or None, article count) without changing the file."""
    try:
        with db.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return [f"cannot read the file: {exc.strerror or exc}"], None, 0
    if header != SQLITE_MAGIC:
        return ["file is not a database (its header is damaged)"], None, 0
    try:
        conn = _open_readonly(db, immutable=read_only)
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
        with contextlib.suppress(sqlite3.Error):
            articles = int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        return problems, version, articles
    finally:
        conn.close()


def _read_whole_index(index: Any) -> str | None:
    """Read stored fields and a sample of every field's postings; the error, or None."""
    from newsdesk.search.index import DAMAGE_ERRORS, is_read_damage

    try:
        with index.reading() as (searcher, _docmap):
            reader = searcher.reader()
            for _ in reader.all_stored_fields():
                pass
            for name in reader.indexed_field_names():
                step = 1
                for count, term in enumerate(reader.lexicon(name)):
                    if count >= INDEX_TERM_SAMPLE * step:
                        step *= 2  # Sample ever more sparsely on a large lexicon.
                    if count % step == 0:
                        reader.postings(name, term).all_ids()
    except DAMAGE_ERRORS as exc:
        return repr(exc)
    except Exception as exc:  # whoosh has no single error type for a damaged file
        if not is_read_damage(exc):
            raise
        return repr(exc)
    return None


# -- salvage ---------------------------------------------------------------------


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
        os.replace(work, db)
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
