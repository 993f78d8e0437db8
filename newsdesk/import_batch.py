"""Storing loaded files several to a transaction, each all-or-nothing, reported after commit.

A commit per file cost about 0.8 ms of the importing process's 2-5 ms per
page copy. Files now share a transaction, each in its own savepoint: a file
that fails to store is undone alone and reported, and ends the batch so the
files before it are committed (or, when the failure took the transaction
with it, reported as not stored). Nothing is reported done before its commit.
A batch ends after `BATCH_SECONDS`, so the app sees new articles steadily
and another writer never waits long for the lock.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdesk.errors import DiskFullError, StoreBusyError, StoreError, StoreUnreachableError

if TYPE_CHECKING:
    from newsdesk.pipeline import Prepared
    from newsdesk.store import StoreBackend, Transaction

#: A transaction ends after this many files, items or seconds, whichever comes first.
BATCH_FILES = 50
BATCH_ITEMS = 2000
BATCH_SECONDS = 0.5
#: Busy timeouts a batch waits out at its start before its file fails: another import
#: into the same desk commits and begins again at once, and a waiting writer can miss
#: every gap for one timeout (a file "failed" only because the other held the desk).
BUSY_TRIES = 4
#: How long a batch the shared desk's lost line rolled back waits for the desk before the
#: import stops (as long as a writer waits to learn whether its commit landed:
#: `store.postgresql.connections.OUTCOME_WAIT_S`), and how often it tries again.
STORE_AWAY_WAIT_S = 15.0
STORE_AWAY_RETRY_S = 0.5


#: The importing process's collector thresholds while it stores (`bulk_collection`):
#: storing keeps thousands of decoded fingerprints (`store/decoded.py`) and the
#: statements' rows alive, and with the defaults (700, 10, 10) the collector rescanned
#: them about every 700 allocations: 5 % of a stored article's instructions on a dense
#: store. The workers use the same (`pipeline.WORKER_GC_THRESHOLDS`).
BULK_GC_THRESHOLDS = (20_000, 50, 100)

_bulk_lock = threading.Lock()
#: Imports storing now in this process (threads), and the thresholds before the first.
_bulk_depth = 0
_bulk_before: tuple[int, int, int] = (700, 10, 10)


@contextmanager
def bulk_collection() -> Iterator[None]:
    """Fewer collections while an import stores (`BULK_GC_THRESHOLDS`), the
    thresholds before it restored when the last import of the process ends. Never
    lowers a threshold the process has set higher (the app's)."""
    global _bulk_depth, _bulk_before
    with _bulk_lock:
        if _bulk_depth == 0:
            _bulk_before = gc.get_threshold()
            raised = tuple(max(a, b) for a, b in zip(_bulk_before, BULK_GC_THRESHOLDS, strict=True))
            gc.set_threshold(*raised)
        _bulk_depth += 1
    try:
        yield
    finally:
        with _bulk_lock:
            _bulk_depth -= 1
            if _bulk_depth == 0:
                gc.set_threshold(*_bulk_before)


@dataclass
class FileOutcome:
    """What happened to one input file."""

    path: str
    imported: int = 0
    duplicates: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: The disk was full: the import stopped at this file, the files after it untried.
    disk_full: bool = False


#: Stores one loaded file's items inside a transaction: (new ids, duplicates).
StoreFile = Callable[["Transaction", "Prepared"], tuple[list[str], int]]


class Pending:
    """The loaded files still to store, in order: `results`, after any files a batch the
    lost line rolled back handed back (`put_back`). One per import, kept across its
    batches, so a file taken by a rolled-back try is stored by a later one, whenever the
    try that takes it back ends (another failure, a full batch)."""

    def __init__(self, results: Iterator[Prepared]) -> None:
        self._results = results
        self._again: deque[Prepared] = deque()

    def __iter__(self) -> Iterator[Prepared]:
        return self

    def __next__(self) -> Prepared:
        if self._again:
            return self._again.popleft()
        return next(self._results)

    def put_back(self, files: Sequence[Prepared]) -> None:
        """`files` are handed out again first, in their order."""
        self._again.extendleft(reversed(files))


def store_batch(
    store: StoreBackend,
    results: Pending,
    store_file: StoreFile,
    before_commit: Callable[[Transaction, list[str]], None] | None = None,
    waiting: Callable[[bool], None] | None = None,
) -> tuple[list[tuple[FileOutcome, list[str]]], bool]:
    """Store files from `results` in one transaction until the batch is full.

    Returns each file's outcome with its new ids (none when its transaction
    failed), and whether the import is over: `results` ran out, or the disk is full
    (every later file failed the same way, one line each: `stopped_for_full_disk`).
    `before_commit(tx, new ids)` writes what must be committed with them (the
    import's step of the action log).

    A batch the shared desk's lost line rolled back (`StoreUnreachableError`: nothing
    of it was saved) is stored again from its first file once the desk answers, for up
    to `STORE_AWAY_WAIT_S`: a four-second outage failed one file for each batch that
    began meanwhile (13 of 491). Every file a rolled-back try took goes back to
    `results`, so a retry the same outage cuts short loses none of them (it kept only
    the files it had replayed: 81 of 82 pages stored, the other never reported). Still
    away after that, the import stops at that file. `waiting(True)` is called when that
    wait begins, `waiting(False)` when it ends: the import stood still for up to 15 s
    with nothing to tell why.
    """
    deadline: float | None = None
    try:
        while True:
            fed: list[Prepared] = []
            try:
                return _store_once(store, _noted(results, fed), store_file, before_commit)
            except _StoreAway as away:
                results.put_back(fed)
                now = time.monotonic()
                if deadline is None:
                    deadline = now + STORE_AWAY_WAIT_S
                    if waiting is not None:
                        waiting(True)
                if now >= deadline:
                    return _gave_up(fed, away.error), True
                time.sleep(min(STORE_AWAY_RETRY_S, deadline - now))
    finally:
        if deadline is not None and waiting is not None:
            waiting(False)


def _noted(results: Iterator[Prepared], fed: list[Prepared]) -> Iterator[Prepared]:
    """The files of `results`, each one handed out noted in `fed` (what a rolled-back
    try puts back)."""
    for prepared in results:
        fed.append(prepared)
        yield prepared


class _StoreAway(Exception):
    """The batch was rolled back because the shared desk could not be reached."""

    def __init__(self, error: StoreUnreachableError) -> None:
        super().__init__(str(error))
        self.error = error


def _gave_up(
    taken: Sequence[Prepared], error: StoreUnreachableError
) -> list[tuple[FileOutcome, list[str]]]:
    """The batch's outcomes once the desk stayed away past `STORE_AWAY_WAIT_S`: its first
    file to store says the import stopped there (those after it were not tried)."""
    outcomes: list[tuple[FileOutcome, list[str]]] = []
    for prepared in taken:
        result = prepared.result
        outcome = FileOutcome(path=str(result.path), warnings=list(result.warnings))
        outcomes.append((outcome, []))
        if result.error is not None:
            outcome.error = result.error  # it could not be read: failed whatever the desk
            continue
        outcome.error = (
            f"could not store articles from {result.path}: {error}; the desk did not come "
            f"back within {STORE_AWAY_WAIT_S:g} s, so the import stopped at this file: "
            "nothing stored from it or the files after it (import them again once the desk "
            "is back: what is stored is skipped)"
        )
        break
    return outcomes


def _store_once(
    store: StoreBackend,
    results: Iterator[Prepared],
    store_file: StoreFile,
    before_commit: Callable[[Transaction, list[str]], None] | None,
) -> tuple[list[tuple[FileOutcome, list[str]]], bool]:
    """One try at `store_batch`; `_StoreAway` (all of it rolled back) when the shared desk
    could not be reached at its start, in a file or at its commit."""
    batch: list[tuple[FileOutcome, list[str]]] = []
    finished = True
    context: AbstractContextManager[Transaction] | None = None
    items = 0
    started = 0.0
    try:
        for prepared in results:
            result = prepared.result
            outcome = FileOutcome(
                path=str(result.path), error=result.error, warnings=list(result.warnings)
            )
            created: list[str] = []
            batch.append((outcome, created))
            if result.error is None:
                try:
                    if context is None:
                        opening, tx = _begin(store)  # may fail (read-only, locked)
                        context, started = opening, time.monotonic()
                    with store.savepoint(tx):
                        new, duplicates = store_file(tx, prepared)
                except StoreUnreachableError as exc:
                    raise _StoreAway(exc) from exc  # the transaction is lost with the line
                except StoreError as exc:
                    outcome.error = f"could not store articles from {result.path}: {exc}"
                    finished = stopped_for_full_disk(exc, outcome)
                    break
                created.extend(new)
                outcome.imported = len(new)
                outcome.duplicates = duplicates
                items += len(result.items)
            if _full(len(batch), items, started if context is not None else None):
                finished = False
                break
    except BaseException as exc:
        if context is not None:
            _roll_back(context, exc)
        raise
    if context is not None:
        try:
            if before_commit is not None:
                try:
                    before_commit(tx, [aid for _, created in batch for aid in created])
                except BaseException as exc:
                    _roll_back(context, exc)
                    raise
            context.__exit__(None, None, None)
        except StoreUnreachableError as exc:
            # Said "not saved (nothing changed)": the whole batch is stored again.
            raise _StoreAway(exc) from exc
        except StoreError as exc:
            # The commit failed: nothing of this batch was stored.
            for outcome, created in batch:
                if outcome.error is None:
                    outcome.error = f"could not store articles from {outcome.path}: {exc}"
                outcome.imported = outcome.duplicates = 0
                created.clear()
            if batch and stopped_for_full_disk(exc, batch[-1][0]):
                finished = True
    return batch, finished


def _roll_back(context: AbstractContextManager[Transaction], exc: BaseException) -> None:
    """End the batch's transaction on `exc`; over a lost line the rollback fails too, and
    `exc` is what the caller reports."""
    if isinstance(exc, _StoreAway | StoreUnreachableError):
        with contextlib.suppress(StoreError):
            context.__exit__(type(exc), exc, exc.__traceback__)
        return
    context.__exit__(type(exc), exc, exc.__traceback__)


def stopped_for_full_disk(exc: StoreError, last: FileOutcome) -> bool:
    """True when `exc` says the disk is full: the import stops there, and the last
    file's reason says so (it tried 1,773 more files, each failing the same way)."""
    if not isinstance(exc, DiskFullError):
        return False
    if last.disk_full:
        return True  # said when its own store failed; the commit then failed too
    last.disk_full = True
    last.error = (
        f"{(last.error or '').rstrip('.')}. Disk full: the import stopped at this file; nothing stored from "
        "it or the files after it (import them again once there is space)"
    )
    return True


def _begin(store: StoreBackend) -> tuple[AbstractContextManager[Transaction], Transaction]:
    """A batch's transaction, begun; nothing is written before it, so a BEGIN that
    waited out the busy timeout is simply tried again (`BUSY_TRIES` in all)."""
    for attempt in range(1, BUSY_TRIES + 1):
        opening = store.transaction()
        try:
            return opening, opening.__enter__()
        except StoreBusyError:
            if attempt == BUSY_TRIES:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


def _full(files: int, items: int, started: float | None) -> bool:
    if files >= BATCH_FILES or items >= BATCH_ITEMS:
        return True
    return started is not None and time.monotonic() - started >= BATCH_SECONDS


def disk_full_line(outcomes: Sequence[FileOutcome], total: int | None) -> str | None:
    """What an import the full disk stopped says ("disk full: stopped after 105 files;
    nothing stored from the rest"), None when it did not stop for that. `total`: the
    files it was given, when known."""
    if not any(o.disk_full for o in outcomes):
        return None
    done = len(outcomes)
    rest = f" ({total - done:,} files)" if total is not None and total > done else ""
    return (
        f"disk full: stopped after {done:,} file{'s' if done != 1 else ''}; nothing stored "
        f"from the rest{rest}. Free some space and import again (what is stored is skipped)"
    )
