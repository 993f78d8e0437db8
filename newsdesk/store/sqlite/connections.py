"""SQLite connections: one per thread, WAL, a busy timeout, transactions, errors in plain words.

- WAL mode and a busy timeout so an app window and a CLI can share one data directory.
- One connection per thread (SQLite connections are not shared across
  threads); a finished thread's connection is handed to the next thread.
- Every write is one `BEGIN IMMEDIATE ... COMMIT`: after a crash the store
  holds each change whole or not at all.
- `sqlite3` errors never leave this package: `translate` turns each into a
  `StoreError` subclass whose message says what to do.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from newsdesk.errors import (
    DamagedStoreError,
    DiskFullError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreError,
)
from newsdesk.note_fold import fold_note
from newsdesk.sanitize import display
from newsdesk.store.own_changes import OwnChanges

BUSY_TIMEOUT_MS = 15_000
#: A write that waits longer than this for another process says so (see `on_wait`).
WAIT_NOTICE_MS = 500

#: Run last in a write transaction that changed something: move the change counter
#: (what tells one process's own commits from others', see `own_changes`).
COUNT_CHANGE = (
    "INSERT INTO meta (key, value) VALUES ('changes', '1') ON CONFLICT (key) "
    "DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value"
)


#: Next to the database, holding the message: written when an error shows the file is
#: damaged, so every later command (and the app) refuses it as the first one did, until
#: doctor has checked it. Reads and writes that missed the bad pages half-worked.
DAMAGE_MARK_SUFFIX = ".needs-doctor"


def damage_mark(path: Path) -> Path:
    return path.with_name(path.name + DAMAGE_MARK_SUFFIX)


def mark_damaged(path: Path, message: str) -> None:
    """Remember that the database at `path` is damaged (best effort: a read-only
    folder keeps no mark, and the next command finds the damage again)."""
    with suppress(OSError):
        damage_mark(path).write_text(message + "\n", encoding="utf-8")


def marked_damage(path: Path) -> str | None:
    """The message of an earlier command that found the database damaged, or None."""
    try:
        return damage_mark(path).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def clear_damage_mark(path: Path) -> None:
    """Doctor checked (or salvaged) the database: commands may open it again."""
    damage_mark(path).unlink(missing_ok=True)


def damaged_message(path: Path, exc: object) -> str:
    return (
        f"the database {display(str(path), name=True)} is damaged ({display(exc)}). "
        "Run `newsdesk doctor` to check it and recover what can be recovered."
    )


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """The user's version of a SQLite error: what happened and what to do."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return StoreBusyError(
            "another newsdesk (or another program) kept the database busy for "
            f"{BUSY_TIMEOUT_MS // 1000} seconds; nothing was changed. Try again when it is done."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyStoreError(read_only_message(path))
    if "full" in text:
        return DiskFullError(
            f"the disk holding {path.parent} is full; nothing was changed. "
            "Free some space and try again."
        )
    if isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text or "disk I/O" in text
    ):
        message = damaged_message(path, exc)
        if "disk I/O" not in text:  # an I/O error may pass; a malformed page stays
            mark_damaged(path, message)
        return DamagedStoreError(message)
    return StoreError(f"database problem: {exc}. Run `newsdesk doctor`.")


def read_only_message(path: Path) -> str:
    return (
        f"the data directory {path.parent} is read-only: newsdesk can show and "
        "search it but not change it. Run `newsdesk doctor` for details."
    )


def _enter_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting for others as every other statement does.

    SQLite answers a journal-mode change that meets another connection's lock with
    "database is locked" at once, without its busy handler: two processes opening a
    new desk together (a watched folder and a command) failed one of them.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


class Connections:
    """The connections to one database file, one per thread."""

    def __init__(self, path: Path, editor: str = "", session: str = "") -> None:
        self.path = path
        self.editor = editor
        #: This open desk's session, stamped on the steps it logs (`newsdesk_session()`).
        self.session = session
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        #: True when the data directory could only be opened for reading.
        self.read_only = False
        #: Which thread each connection serves (finished threads' connections are reused).
        self._owners: dict[threading.Thread, sqlite3.Connection] = {}
        #: Called when a write has to wait for another process (e.g. to tell the user).
        self.on_wait: Callable[[], None] | None = None
        self._lock = threading.Lock()
        #: The change-counter values this process committed.
        self.own = OwnChanges()

    def _connect(self) -> sqlite3.Connection:
        marked = marked_damage(self.path)
        if marked is not None:
            raise DamagedStoreError(marked)
        try:
            conn = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.row_factory = sqlite3.Row
            self._know_editor(conn)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _enter_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            reader = self._read_only_connection()
            if reader is not None:
                return reader
            if _disk_full(self.path.parent):
                # WAL's shared-memory file cannot grow: "disk I/O error" read as damage.
                raise StoreError(
                    f"cannot open the database {self.path}: the disk holding it is full "
                    "(nothing is damaged). Free some space and run the command again."
                ) from exc
            text = str(exc)
            if "malformed" in text or "not a database" in text:
                # Said and marked as the commands say it: the app, started first on a
                # damaged file, gave other words and left the next command to find it.
                raise translate(exc, self.path) from exc
            raise StoreError(
                f"cannot open the database {self.path}: {exc}. "
                "Run `newsdesk doctor` to check and repair it."
            ) from exc
        return conn

    def _know_editor(self, conn: sqlite3.Connection) -> None:
        """`newsdesk_editor()` in SQL is this desk's editor (`is:mine`), as on PostgreSQL;
        `newsdesk_fold(text)` folds case and accents (`note:`), as `translate` does there."""
        editor, session = self.editor, self.session
        conn.create_function("newsdesk_editor", 0, lambda: editor, deterministic=True)
        conn.create_function("newsdesk_session", 0, lambda: session, deterministic=True)
        conn.create_function("newsdesk_fold", 1, _fold_or_null, deterministic=True)

    def _read_only_connection(self) -> sqlite3.Connection | None:
        """On a read-only data directory, still let the editor read (writes then fail).

        WAL needs a writable folder for its shared-memory file; when nobody can
        write there, nobody can change the file either, so `immutable` is safe.
        """
        folder = self.path.parent
        if not self.path.is_file() or (os.access(folder, os.W_OK) and _can_create_in(folder)):
            return None
        try:
            conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro&immutable=1",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.row_factory = sqlite3.Row
            self._know_editor(conn)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError:
            return None
        self.read_only = True
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._adopt_or_connect()
            self._local.conn = conn
        return conn

    def _adopt_or_connect(self) -> sqlite3.Connection:
        """This thread's connection: one left by a finished thread, else a new one.

        The app runs every query in a short-lived worker thread; without reuse
        each would leave a connection (and its file descriptors) open until exit.
        """
        with self._lock:
            for thread, conn in list(self._owners.items()):
                if not thread.is_alive():
                    del self._owners[thread]
                    if conn.in_transaction:
                        conn.rollback()  # the thread died mid-write: nothing was committed
                    self._owners[threading.current_thread()] = conn
                    return conn
        conn = self._connect()
        with self._lock:
            self._all.append(conn)
            self._owners[threading.current_thread()] = conn
        return conn

    def open_connections(self) -> int:
        with self._lock:
            return len(self._all)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:
                    continue  # closing a connection of a finished thread may fail; harmless
            self._all.clear()
            self._owners.clear()
        self._local = threading.local()

    def changed_nothing(self) -> None:
        """Nothing to do: a SQLite transaction knows by itself whether it changed a row."""

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

        When another process is writing, `on_wait` is called once (so the user
        hears why nothing happens) and the wait goes on up to the busy timeout.
        A `sqlite3.Error`, here or in the caller's block, leaves as a `StoreError`.
        """
        conn = self.conn  # opening it finds out whether the folder is read-only
        if self.read_only:
            raise ReadOnlyStoreError(read_only_message(self.path))
        try:
            self._begin(conn)
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc
        before = conn.total_changes
        counted: int | None = None
        try:
            yield conn
            if conn.total_changes != before:
                # A write that changed nothing moves no counter and wakes no one.
                counted = int(conn.execute(COUNT_CHANGE).fetchone()[0])
                self.own.committing(counted)
        except BaseException as exc:
            if counted is not None:
                self.own.settled(counted, landed=False)
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise translate(exc, self.path) from exc
            raise
        else:
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if counted is not None:
                    self.own.settled(counted, landed=False)
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise translate(exc, self.path) from exc
            if counted is not None:
                self.own.settled(counted, landed=True)

    @contextmanager
    def savepoint(self, conn: sqlite3.Connection) -> Iterator[None]:
        """SAVEPOINT ... RELEASE inside a transaction; ROLLBACK TO it on any error.

        A `sqlite3.Error` leaves as a `StoreError`. Some failures (disk full, I/O)
        end the whole transaction: then there is nothing left to roll back to.
        """
        try:
            conn.execute("SAVEPOINT part")
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc
        try:
            yield
        except BaseException as exc:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK TO part")
                    conn.execute("RELEASE part")
                except sqlite3.Error:
                    pass  # the transaction went with the failure; its commit will fail
            if isinstance(exc, sqlite3.Error):
                raise translate(exc, self.path) from exc
            raise
        else:
            try:
                conn.execute("RELEASE part")
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

    def _begin(self, conn: sqlite3.Connection) -> None:
        if self.on_wait is None:
            conn.execute("BEGIN IMMEDIATE")
            return
        try:
            conn.execute(f"PRAGMA busy_timeout = {WAIT_NOTICE_MS}")
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
            self.on_wait()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("BEGIN IMMEDIATE")


#: Less free space than this where the database lives reads as a full disk.
FULL_DISK_BYTES = 1 << 20


def _disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < FULL_DISK_BYTES
    except OSError:
        return False


def _can_create_in(folder: Path) -> bool:
    """Really try: permission bits do not stop root, a read-only mount does."""
    probe = folder / f".newsdesk-probe-{os.getpid()}-{threading.get_ident()}"
    try:
        probe.touch()
        probe.unlink()
    except OSError:
        return False
    return True


def _fold_or_null(text: object) -> str | None:
    return fold_note(text) if isinstance(text, str) else None
