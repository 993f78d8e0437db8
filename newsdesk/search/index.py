"""The Whoosh index: opening, checking, rebuilding, and the single writer.

The store is the truth and the index is derived from it, so every problem
with the index ends the same way: it is reset and refilled from the store,
with a message for the user, never a crash.

- One writer per process (a lock), one writer across processes (Whoosh's
  file lock, waited for with a timeout and retried; a LockError never leaves
  this module). Documents go in batches of BATCH with one commit each;
  segments are not compound (compound segments are copied onto the heap by
  every searcher) and the index is never optimised (it rewrites everything).
- `newsdesk-index.json` in the index directory records the schema version
  and the highest store revision indexed. It is rewritten atomically after
  each commit and re-read under the write lock, so two processes sharing the
  directory pick up where the other left off.
- One searcher is kept open and refreshed (cheap) rather than reopened
  (expensive), by reader.py rather than Whoosh's buggy refresh; searches take
  turns on it (searchers are not thread-safe).
- In the app, the catch-up runs in one background thread (writer_thread.py).
"""

from __future__ import annotations

import json
import logging
import pickle
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import FileFormatError
from whoosh.index import FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from newsdesk.atomic import atomic_write_text
from newsdesk.errors import StoreError
from newsdesk.search.docmap import DocMap
from newsdesk.search.pool import sort_in_pieces
from newsdesk.search.reader import LiveSearcher
from newsdesk.search.schema import SCHEMA_VERSION, build_schema, document_for_row
from newsdesk.search.writer_thread import WriterThread
from newsdesk.store import StoreBackend

log = logging.getLogger(__name__)

VERSION_FILE = "newsdesk-index.json"
INDEX_NAME = "MAIN"
BATCH = 500
#: A backlog of at least this many documents is indexed by `bulk_procs` processes,
#: BULK_BATCH documents a commit (each commit adds one segment per process).
BULK_MIN_DOCS = 2000
BULK_BATCH = 10_000
#: Each attempt to take Whoosh's write lock waits this long.
LOCK_TIMEOUT = 2.0
#: After this long without the lock, give up this round (another process is writing).
LOCK_PATIENCE = 30.0
WRITER_MB = 128

#: What Whoosh raises on a damaged directory: it has no single error type, and a
#: truncated or garbled file surfaces as whatever the decoder tripped on.
DAMAGE_ERRORS: tuple[type[BaseException], ...] = (
    whoosh_index.IndexError,
    FileFormatError,
    OSError,
    EOFError,
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
    # The schema names a class this version lacks (an index a newer newsdesk wrote).
    ImportError,
)

#: Errors that, while searching, mean a damaged file rather than a bug in this code.
READ_DAMAGE_ERRORS: tuple[type[BaseException], ...] = (
    whoosh_index.IndexError,
    FileFormatError,
    OSError,
    EOFError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
)


def is_read_damage(exc: BaseException) -> bool:
    """True when an error raised while searching means a damaged index file."""
    if isinstance(exc, READ_DAMAGE_ERRORS):
        return True
    # whoosh3's postings reader raises a bare Exception on a garbled block header.
    return type(exc) is Exception and str(exc).startswith("Block tag error")


#: What the writer thread survives (and reports) rather than dying silently.
_THREAD_ERRORS: tuple[type[BaseException], ...] = (StoreError, *DAMAGE_ERRORS)

MSG_DAMAGED = "the search index was damaged; rebuilding it from the store"
MSG_STALE = "the search index was made by another version of newsdesk; rebuilding it from the store"
MSG_MISSING = "the search index is missing; building it from the store"
#: No index folder at all: a desk's first import (or the editor removed the folder).
MSG_FIRST = "building the search index from the store"
MSG_AHEAD = "the search index does not match the database; rebuilding it from the store"


@dataclass
class IndexStatus:
    """How far the index is behind the store."""

    indexed_rev: int
    store_rev: int
    #: Articles changed in the store since they were last indexed.
    pending: int
    #: Documents in the index.
    total_docs: int
    #: Articles in the store.
    store_docs: int
    #: The latest thing the user should hear (a rebuild, a failure), or None.
    message: str | None
    #: True while the background thread is indexing.
    busy: bool = False


@dataclass
class _VersionInfo:
    schema_version: int
    indexed_rev: int


class IndexUnavailableError(RuntimeError):
    """The index is being reset right now; search the store only for the moment."""


def _indexed_up_to(
    rows: list[Mapping[str, Any]], added: int, gone: list[tuple[str, int]], limit: int
) -> int:
    """The revision everything up to which is now in the index.

    Rows and removals each come in revision order; a removal above the last row
    added is applied again next time (deleting twice is harmless), but one may
    not be skipped, so a full list of removals bounds the revision too.
    """
    if not added:
        return gone[-1][1]
    last = int(rows[added - 1]["rev"])
    if len(gone) == limit:
        last = min(last, gone[-1][1])
    return last


class SearchIndex:
    """The derived full-text index of the store's articles."""

    def __init__(self, index_dir: Path, store: StoreBackend) -> None:
        self.index_dir = Path(index_dir)
        self.store = store
        self._ix: FileIndex | None = None
        self._live: LiveSearcher | None = None
        self.docmap = DocMap()
        #: Guards opening, resetting and the writer (one at a time in this process).
        self._write_lock = threading.RLock()
        #: Searches take turns on the one searcher.
        self._search_lock = threading.RLock()
        self._message: str | None = None
        self._needs_reset: str | None = None
        self._indexed_rev = 0
        #: Processes for a large backlog; above 1 only where forking is safe (no app threads).
        self.bulk_procs = 1
        self._blocked = False
        self._background = WriterThread(
            lambda stop: self.catch_up(should_stop=stop),
            failed=self._background_failed,
            blocked=lambda: self._blocked,
            survives=_THREAD_ERRORS,
        )

    # -- opening and resetting -------------------------------------------------

    def open(self) -> str | None:
        """Open the index, resetting it when missing, stale or damaged.

        Fast: it never indexes. Returns a message for the user when it had to
        reset the index (the caller then catches up, usually in the background).
        """
        with self._write_lock:
            message = self._open_or_reset()
            if message is not None:
                self._message = message
            return message

    def _open_or_reset(self) -> str | None:
        if self.index_dir.exists() and not self.index_dir.is_dir():
            self._reset()
            return MSG_DAMAGED
        try:
            exists = whoosh_index.exists_in(str(self.index_dir), indexname=INDEX_NAME)
        except DAMAGE_ERRORS as exc:
            # exists_in reads the TOC: a garbled one raises rather than answering.
            log.warning("search index at %s is damaged: %r", self.index_dir, exc)
            self._reset()
            return MSG_DAMAGED
        if not exists:
            has_articles = self.store.count() > 0
            # "Missing" only where an index was: a new desk's first import builds one.
            was_made = self.index_dir.is_dir()
            self._reset()
            if not has_articles:
                return None
            return MSG_MISSING if was_made else MSG_FIRST
        version = self._read_version()
        if version is None or version.schema_version != SCHEMA_VERSION:
            self._reset()
            return MSG_STALE
        try:
            ix = whoosh_index.open_dir(str(self.index_dir), indexname=INDEX_NAME)
            if set(ix.schema.names()) != set(build_schema().names()):
                ix.close()
                self._reset()
                return MSG_STALE
            live = LiveSearcher(ix)
            live.current().doc_count_all()
        except DAMAGE_ERRORS as exc:
            log.warning("search index at %s is damaged: %r", self.index_dir, exc)
            self._reset()
            return MSG_DAMAGED
        if version.indexed_rev > self.store.max_rev():
            # The database was replaced by an older or different one.
            live.close()
            self._reset()
            return MSG_AHEAD
        self._set_searcher(ix, live)
        self._indexed_rev = version.indexed_rev
        return None

    def _set_searcher(self, ix: FileIndex | None, live: LiveSearcher | None) -> None:
        with self._search_lock:
            if self._live is not None:
                self._live.close()
            self._ix = ix
            self._live = live
            self.docmap = DocMap()

    def _reset(self) -> None:
        """Empty the index directory and create a fresh index at revision 0.

        Holds Whoosh's write lock while doing so when it can get it, so a
        writer in another process is not cut off half-way through a commit.
        """
        self._set_searcher(None, None)
        if self.index_dir.exists() and not self.index_dir.is_dir():
            # Something else sits where the index belongs: keep it, out of the way.
            aside = self.index_dir.with_name(self.index_dir.name + ".not-an-index")
            log.warning("moving %s aside to %s", self.index_dir, aside)
            self.index_dir.replace(aside)
        self.index_dir.mkdir(parents=True, exist_ok=True)
        storage = FileStorage(str(self.index_dir))
        lock = storage.lock(f"{INDEX_NAME}_WRITELOCK")
        deadline = time.monotonic() + LOCK_PATIENCE
        locked = False
        while not locked and time.monotonic() < deadline:
            try:
                locked = bool(lock.acquire(blocking=False))
            except OSError as exc:
                log.warning("cannot lock the search index to reset it: %s", exc)
                break
            if not locked:
                time.sleep(0.1)
        try:
            keep = {f"{INDEX_NAME}_WRITELOCK"}
            for entry in self.index_dir.iterdir():
                if entry.name in keep:
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            ix = storage.create_index(build_schema(), indexname=INDEX_NAME)
            self._write_version(0)
        finally:
            if locked:
                lock.release()
        self._indexed_rev = 0
        self._needs_reset = None
        self._set_searcher(ix, LiveSearcher(ix))

    def _require_open(self) -> FileIndex:
        if self._ix is None:
            message = self._open_or_reset()
            if message is not None:
                self._message = message
        assert self._ix is not None
        return self._ix

    def _unreadable(self) -> bool:
        """True when the directory cannot be opened and searched from scratch."""
        try:
            live = LiveSearcher(whoosh_index.open_dir(str(self.index_dir), indexname=INDEX_NAME))
            live.current().doc_count_all()
            live.close()
        except DAMAGE_ERRORS as exc:
            log.warning("search index at %s is unreadable: %r", self.index_dir, exc)
            return True
        return False

    def report_damage(self, exc: BaseException) -> None:
        """A search hit a damaged file: reset on the next catch-up and tell the user."""
        log.warning("search index damaged while searching: %r", exc)
        self._needs_reset = MSG_DAMAGED
        self._message = MSG_DAMAGED
        self.notify()

    @contextmanager
    def damage_guard(self) -> Iterator[None]:
        """The one handler for a damaged index file met while reading.

        A read inside the block that trips on one is reported (`report_damage`:
        the index is rebuilt from the store) and given up: the block ends and the
        code after it gives the fallback answer. Any other error goes on up.
        """
        try:
            yield
        except Exception as exc:  # whoosh has no single error type for a damaged file
            if not is_read_damage(exc):
                raise
            self.report_damage(exc)

    @property
    def damaged(self) -> bool:
        return self._needs_reset is not None

    # -- the version file ------------------------------------------------------

    def _read_version(self) -> _VersionInfo | None:
        path = self.index_dir / VERSION_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return _VersionInfo(int(data["schema_version"]), int(data["indexed_rev"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("unreadable %s: %r", path, exc)
            return None

    def _write_version(self, indexed_rev: int) -> None:
        payload = json.dumps(
            {"schema_version": SCHEMA_VERSION, "indexed_rev": indexed_rev}, indent=1
        )
        atomic_write_text(self.index_dir / VERSION_FILE, payload)

    # -- writing ---------------------------------------------------------------

    def _writer(self, should_stop: Callable[[], bool], procs: int = 1) -> SegmentWriter | None:
        """Whoosh's writer, waiting for another process to let go of it; None if it won't."""
        ix = self._require_open()
        deadline = time.monotonic() + LOCK_PATIENCE
        while True:
            try:
                if procs > 1:
                    from newsdesk.search.bulk import bulk_writer

                    return bulk_writer(ix, procs, timeout=LOCK_TIMEOUT, compound=False)
                writer = ix.writer(timeout=LOCK_TIMEOUT, limitmb=WRITER_MB, compound=False)
                # The app's writer is a thread: its commit must not hold the keys up.
                return sort_in_pieces(writer)
            except LockError:
                if should_stop() or time.monotonic() >= deadline:
                    return None

    def catch_up(
        self,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> int:
        """Index every article changed since the indexed revision. Returns documents indexed."""
        stop = should_stop or (lambda: False)
        with self._write_lock:
            if self._needs_reset is not None:
                message = self._needs_reset
                self._reset()
                self._message = message
            self._require_open()
            try:
                return self._catch_up_locked(progress, stop)
            except DAMAGE_ERRORS as exc:
                # A failed commit leaves the last good commit in place (the table of
                # contents is written last), so reset only if the index is unreadable.
                if not self._unreadable():
                    raise
                log.warning("search index damaged while writing: %r", exc)
                self._reset()
                self._message = MSG_DAMAGED
                return self._catch_up_locked(progress, stop)

    def _catch_up_locked(
        self, progress: Callable[[int, int], None] | None, stop: Callable[[], bool]
    ) -> int:
        done = 0
        version = self._read_version()
        total = self._pending(version.indexed_rev if version is not None else self._indexed_rev)
        self._blocked = False
        while not stop():
            # A large backlog in a process that may fork (the CLI): every core, bigger commits.
            bulk = self.bulk_procs > 1 and total - done >= BULK_MIN_DOCS
            writer = self._writer(stop, self.bulk_procs if bulk else 1)
            if writer is None:
                self._blocked = True
                self._message = "another newsdesk process is updating the search index"
                break
            try:
                version = self._read_version()
                if version is not None and version.schema_version != SCHEMA_VERSION:
                    writer.cancel()
                    self._message = MSG_STALE
                    self._needs_reset = MSG_STALE
                    break
                # Another process may have indexed (or reset) since we last looked.
                rev = version.indexed_rev if version is not None else 0
                limit = BULK_BATCH if bulk else BATCH
                rows = self.store.changed_since(rev, limit)
                gone = self.store.removed_since(rev, limit)
                if not rows and not gone:
                    writer.cancel()
                    self._indexed_rev = rev
                    break
                for removed_id, _ in gone:
                    writer.delete_by_term("id", removed_id)
                ids = [str(row["id"]) for row in rows]
                tags = self.store.tags_for(ids)
                added = 0
                for row in rows:
                    if added and stop():
                        break  # commit what is done so a quitting app is not held up
                    self._background.give_way(stop)
                    writer.update_document(**document_for_row(row, tags.get(row["id"], [])))
                    added += 1
                writer.commit()
            except BaseException:
                if not writer.is_closed:
                    writer.cancel()
                raise
            last = _indexed_up_to(rows, added, gone, limit)
            self._write_version(last)
            self._indexed_rev = last
            done += added
            if progress is not None:
                progress(done, max(total, done))
        if not self._blocked and self._message and self._message.startswith("another newsdesk"):
            self._message = None
        return done

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Throw the index away and index every article again (`newsdesk reindex`)."""
        with self._write_lock:
            self._reset()
            self._message = None
            return self._catch_up_locked(progress, lambda: False)

    # -- the background writer (search/writer_thread.py) ------------------------

    def start_background(self) -> None:
        """Start the writer thread; it catches up now and after every notify()."""
        self._background.start()

    def notify(self) -> None:
        """The store changed: the writer thread should catch up."""
        self._background.notify()

    def hold(self, seconds: float) -> None:
        """The user is pressing keys: the background writer pauses for `seconds`."""
        self._background.hold(seconds)

    def _background_failed(self, exc: BaseException) -> None:
        self._message = f"indexing failed: {exc}"
        self._blocked = True

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until the writer thread has nothing left to do; False on timeout."""
        return self._background.wait_idle(timeout)

    def stop(self) -> None:
        """Finish the current batch, stop the thread and close the searcher."""
        self._background.stop()
        self._set_searcher(self._ix, None)

    # -- reading ---------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[tuple[Searcher, DocMap]]:
        """The shared searcher, refreshed, and its id map; one search at a time."""
        if self._ix is None:
            # Opening takes the write lock; never while holding the search lock
            # (a reset holds the write lock and then takes the search lock).
            with self._write_lock:
                self._require_open()
        with self._search_lock:
            ix = self._ix
            if ix is None:
                raise IndexUnavailableError("the search index is being rebuilt")
            if self._live is None:
                self._live = LiveSearcher(ix)
            searcher = self._live.current()
            self.docmap.bind(searcher.reader())
            yield searcher, self.docmap

    def _pending(self, rev: int) -> int:
        return self.store.pending_count(rev)

    def pending_counts(self) -> tuple[int, int]:
        """(articles not yet indexed, articles in the store): cheap, for notices."""
        return self._pending(self.indexed_rev()), self.store.count()

    def indexed_rev(self) -> int:
        """The store revision the index has caught up to (no count, no searcher)."""
        version = self._read_version()
        return version.indexed_rev if version is not None else self._indexed_rev

    def status(self) -> IndexStatus:
        version = self._read_version()
        indexed_rev = version.indexed_rev if version is not None else self._indexed_rev
        total_docs = 0
        if self._ix is not None and self._needs_reset is None:
            try:
                with self.reading() as (searcher, _):
                    total_docs = int(searcher.doc_count())
            except IndexUnavailableError:
                total_docs = 0
            except READ_DAMAGE_ERRORS as exc:
                self.report_damage(exc)
        busy = self._background.busy
        return IndexStatus(
            indexed_rev=indexed_rev,
            store_rev=self.store.max_rev(),
            pending=self._pending(indexed_rev),
            total_docs=total_docs,
            store_docs=self.store.count(),
            message=self._message,
            busy=busy,
        )
