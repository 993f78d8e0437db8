"""PostgreSQL connections: one per thread, transactions, savepoints, errors in plain words.

- Connections are in autocommit mode; a write is one explicit transaction
  (`transaction()`), so a read never holds a snapshot or a lock open.
- One connection per thread (a psycopg connection serialises its users);
  a finished thread's connection is handed to the next thread.
- `psycopg` errors never leave this package: `translate` turns each into a
  `StoreError` whose message names the server without its password.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row

from newsdesk.errors import DiskFullError, StoreBusyError, StoreError, StoreUnreachableError
from newsdesk.store.own_changes import OwnChanges

Conn = psycopg.Connection[dict[str, Any]]

#: Seconds to wait for the server at connect time before saying it is unreachable.
CONNECT_TIMEOUT_S = 5

#: The desk's change channel: one per schema, so desks sharing a database never
#: wake each other (an md5 prefix keeps any schema name under the 63-byte limit).
CHANNEL = "SELECT 'newsdesk_' || left(md5(current_schema()), 16)"

#: Run last in every write transaction: move the change counter and announce its new
#: value to the listeners (NOTIFY is delivered at commit, and only if it commits).
ANNOUNCE = """WITH bumped AS (
    UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'changes' RETURNING value
)
SELECT value, pg_notify('newsdesk_' || left(md5(current_schema()), 16), value) FROM bumped"""

#: Also in every write transaction: its action id (see `Connections.transaction`).
RECORD_ACTION = "INSERT INTO applied_actions (action_id, ts) VALUES (%s, %s)"
#: Ids are only asked for in the seconds after a lost connection: older ones go.
FORGET_ACTIONS = "DELETE FROM applied_actions WHERE ts < %s"
KEEP_ACTION_IDS_S = 3600.0
#: How long a writer whose commit got no answer waits for the server to say
#: whether it landed (a restart takes a second or two), and how often it asks.
OUTCOME_WAIT_S = 15.0
OUTCOME_RETRY_S = 0.25


def changed_rows(tx: Conn, query: str, params: Sequence[Any] = ()) -> int:
    """How many rows the write `query` (a fixed text) changed, counted by the server.

    Writes run in pipeline mode (see `Connections.transaction`), where a cursor's
    rowcount is not known until the pipeline syncs; a query's rows always are."""
    counted = sql.SQL("WITH changed AS ({} RETURNING 1) SELECT COUNT(*) AS n FROM changed")
    row = tx.execute(counted.format(sql.SQL(query)), params).fetchone()
    return int(row["n"]) if row else 0


#: The port libpq takes when an address names none (and PGPORT is not set).
DEFAULT_PORT = "5432"


def _one_desk(parts: dict[str, Any]) -> dict[str, Any]:
    """`parts` of an address as the server sees them: the default port written out and
    the host name in lower case. `postgresql://u@127.0.0.1/db` and `...:5432/db` are one
    desk; named apart, they built two index folders and rebuilt the index twice."""
    normal = dict(parts)
    host = str(normal.get("host") or "")
    if host and not host.startswith("/"):  # a socket folder's case is the file system's
        normal["host"] = host.lower()
    if host and not normal.get("port"):
        normal["port"] = os.environ.get("PGPORT") or DEFAULT_PORT
    return normal


def safe_url(url: str, *, normalised: bool = False) -> str:
    """The URL as it may be shown: user, host, port and database, never the password
    (`normalised`: as the desk is named, the default port written out: `_one_desk`)."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://(unreadable address)"
    if normalised:
        parts = _one_desk(parts)
    user = str(parts.get("user") or "")
    host = str(parts.get("host") or "localhost")
    port = f":{parts['port']}" if parts.get("port") else ""
    dbname = str(parts.get("dbname") or "")
    who = f"{user}@" if user else ""
    # Two desks in two schemas of one database: the schema tells them apart (and the
    # address still works when pasted back).
    schema = _SEARCH_PATH.search(str(parts.get("options") or ""))
    where = f"?options=-csearch_path%3D{quote(schema.group(1), safe=',')}" if schema else ""
    return f"postgresql://{who}{host}{port}/{dbname}{where}"


_SEARCH_PATH = re.compile(r"search_path\s*=\s*([^\s]+)")


def index_name(url: str) -> str:
    """A folder name for this desk's local index: server and database, plus a digest of
    every connection setting but the password (two schemas or users of one database are
    two desks). Never the password, in the name or behind the digest. One desk written
    two ways (with and without its default port, its host in capitals) has one name."""
    return _index_name(url, normalised=True)


def former_index_names(url: str) -> tuple[str, ...]:
    """Names this desk's index folder had before addresses were normalised (`index_name`):
    a folder under one of them is moved, not rebuilt."""
    former = _index_name(url, normalised=False)
    return () if former == index_name(url) else (former,)


def _index_name(url: str, *, normalised: bool) -> str:
    try:
        read = conninfo_to_dict(url)
        parts = {
            k: str(v)
            for k, v in (_one_desk(read) if normalised else read).items()
            if k != "password"
        }
    except psycopg.Error:
        parts = {"unreadable": url.rsplit("@", 1)[-1]}
    canonical = "\n".join(f"{k}={v}" for k, v in sorted(parts.items()))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
    label = (
        "-".join(parts.get(k, "") for k in ("host", "port", "dbname") if parts.get(k))
        or "localhost"
    )
    label = re.sub(r"[^A-Za-z0-9._-]+", "_", label)[:60].strip("._") or "desk"
    return f"pg-{label}-{digest}"


def _scrub(text: str, url: str) -> str:
    """`text` with the password of `url` blanked out, should a message ever repeat it."""
    try:
        password = str(conninfo_to_dict(url).get("password") or "")
    except psycopg.Error:
        password = ""
    first = text.strip().splitlines()[0] if text.strip() else type(text).__name__
    return first.replace(password, "***") if password else first


def _what_to_check(detail: str) -> str:
    """The hint for a failed connection. A server that answered FATAL is running: telling
    the editor to check that it runs (as every failure did) sends them the wrong way."""
    lowered = detail.lower()
    if "no password supplied" in lowered:
        return "the server is up and asks for a password: give it in the address, ~/.pgpass or PGPASSWORD"
    if "password authentication failed" in lowered:
        return "the server is up and refused the user name or password"
    if "does not exist" in lowered:
        return "the server is up and has no such database or user: check the address"
    if "pg_hba.conf" in lowered:
        return "the server is up and does not accept this user from this machine"
    if "fatal:" in lowered:
        return "the server is up and refused the connection"
    return "check that the server is running and the address is right"


def translate(exc: psycopg.Error, url: str) -> StoreError:
    """The user's version of a PostgreSQL error: what happened, where, without secrets."""
    where = safe_url(url)
    detail = _scrub(str(exc), url)
    if isinstance(
        exc,
        psycopg.errors.LockNotAvailable
        | psycopg.errors.QueryCanceled
        | psycopg.errors.DeadlockDetected
        | psycopg.errors.SerializationFailure,
    ):
        return StoreBusyError(f"the shared desk at {where} is busy ({detail}); nothing changed")
    if isinstance(exc, psycopg.errors.DiskFull):
        return DiskFullError(
            f"the disk of the shared desk at {where} is full ({detail}); nothing changed"
        )
    if isinstance(exc, psycopg.OperationalError):
        return StoreUnreachableError(
            f"cannot reach the shared desk at {where} ({detail}); {_what_to_check(detail)}"
        )
    return StoreError(f"the shared desk at {where} refused the change ({detail})")


class Connections:
    """This thread's connection to one server, and transactions on it."""

    def __init__(self, url: str, editor: str = "", session: str = "") -> None:
        self.url = url
        self.editor = editor
        #: This open desk's session: the action log's column default reads it (m015).
        self.session = session
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: dict[int, tuple[threading.Thread, Conn]] = {}
        #: The change-counter values this process committed.
        self.own = OwnChanges()

    def _connect(self) -> Conn:
        try:
            conn = psycopg.connect(
                self.url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT_S
            )
            # Read state and the log are this editor's: the SQL reads the name from here.
            conn.execute("SELECT set_config('newsdesk.editor', %s, false)", (self.editor,))
            conn.execute("SELECT set_config('newsdesk.session', %s, false)", (self.session,))
            return conn
        except psycopg.Error as exc:
            raise translate(exc, self.url) from exc

    @property
    def conn(self) -> Conn:
        conn: Conn | None = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._adopt_or_connect()
            self._local.conn = conn
        return conn

    def _adopt_or_connect(self) -> Conn:
        """A finished thread's connection if one is left, else a new one."""
        me = threading.current_thread()
        with self._lock:
            for key, (owner, conn) in list(self._all.items()):
                if not owner.is_alive() and not conn.closed:
                    self._all[key] = (me, conn)
                    return conn
        conn = self._connect()
        with self._lock:
            self._all[id(conn)] = (me, conn)
        return conn

    def open_connections(self) -> int:
        with self._lock:
            return sum(1 for _, conn in self._all.values() if not conn.closed)

    def close(self) -> None:
        with self._lock:
            for _, conn in self._all.values():
                conn.close()
            self._all.clear()
        self._local = threading.local()

    def changed_nothing(self) -> None:
        """The transaction open on this thread changed nothing (a star on a starred
        article): its commit moves no counter and wakes no other editor."""
        self._local.quiet = True

    @contextmanager
    def transaction(self, pipeline: bool = True) -> Iterator[Conn]:
        """One atomic write on this thread's connection; `StoreError` on failure.

        The write records a fresh action id in its own commit. Should the connection
        break while committing, the outcome is asked for by that id once the server
        answers again (`_landed`): a change that was committed is never made twice
        and never reported as lost, one that was not is reported as not saved.
        """
        conn = self.conn
        action_id = uuid.uuid4().hex
        committing = False
        #: The change counter's value this write moved it to.
        counted: int | None = None
        landed = False
        self._local.quiet = False
        try:
            # Pipeline mode: a write whose answer nobody reads is sent with the next
            # statement that is read (or at the end) instead of waiting a round trip
            # of its own; an import's INSERTs ride along with its next lookup. The
            # pipeline ends (and every error surfaces) inside the transaction. Hence
            # no cursor's rowcount here: `changed_rows` counts.
            # (COPY cannot run in a pipeline: `pipeline=False` for a bulk load.)
            batching = conn.pipeline() if pipeline else contextlib.nullcontext()
            with conn.transaction(), batching:
                yield conn
                # Every committed write that changed something moves the counter
                # `data_version` reads and wakes the other editors' apps (listen.py).
                bumped = None if self._local.quiet else conn.execute(ANNOUNCE).fetchone()
                if bumped is not None:
                    counted = int(bumped["value"])
                    self.own.committing(counted)
                now = time.time()
                conn.execute(RECORD_ACTION, (action_id, now))
                conn.execute(FORGET_ACTIONS, (now - KEEP_ACTION_IDS_S,))
                committing = True
            landed = True
        except psycopg.OperationalError as exc:
            if not committing and (conn.broken or conn.closed):
                # The connection died in the middle of the write (the server is up: it
                # ended this session): rolled back, and said so, not "is it running?".
                raise StoreUnreachableError(
                    f"lost the shared desk at {safe_url(self.url)} while saving "
                    f"({_scrub(str(exc), self.url)}); the change was not saved (nothing "
                    "changed): try again"
                ) from exc
            if not committing or not (conn.broken or conn.closed):
                # Failed before the commit, or the server refused it: rolled back.
                raise translate(exc, self.url) from exc
            landed = self._landed(action_id, exc)
            if not landed:
                raise StoreUnreachableError(
                    f"lost the shared desk at {safe_url(self.url)} while saving; "
                    "the change was not saved (nothing changed)"
                ) from exc
        except psycopg.Error as exc:
            raise translate(exc, self.url) from exc
        finally:
            if counted is not None:
                self.own.settled(counted, landed)

    def _landed(self, action_id: str, lost: psycopg.Error) -> bool:
        """Whether a write whose commit got no answer was committed, asked by its id
        over a new connection, for up to `OUTCOME_WAIT_S` while the server comes back."""
        deadline = time.monotonic() + OUTCOME_WAIT_S
        while True:
            try:
                row = self.conn.execute(
                    "SELECT 1 AS found FROM applied_actions WHERE action_id = %s", (action_id,)
                ).fetchone()
                return row is not None
            except (psycopg.Error, StoreError) as exc:
                self._forget_broken()
                if time.monotonic() >= deadline:
                    detail = _scrub(str(lost), self.url)
                    raise StoreError(
                        f"lost the shared desk at {safe_url(self.url)} while saving ({detail}); "
                        "whether the change was saved is not known: look before doing it again"
                    ) from exc
                time.sleep(OUTCOME_RETRY_S)

    def _forget_broken(self) -> None:
        """Drop this thread's connection if it broke, so the next use connects anew."""
        conn: Conn | None = getattr(self._local, "conn", None)
        if conn is not None and conn.broken:
            with contextlib.suppress(psycopg.Error):
                conn.close()

    @contextmanager
    def savepoint(self, conn: Conn) -> Iterator[None]:
        try:
            with conn.transaction():
                yield
        except psycopg.Error as exc:
            raise translate(exc, self.url) from exc
