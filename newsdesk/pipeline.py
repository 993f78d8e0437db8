"""Load many input files in parallel, yielding results in input order.

Extraction is CPU-bound Python, so threads would not help; worker processes
do. Forking a threaded process (the TUI has threads) is unsafe, so workers are
forked by a fork server: a fresh single-threaded process, started once per
importing process, that has loaded what every worker needs (`ingest.warm`).
Each worker then starts with the extraction tables loaded instead of loading
them itself (0.6 s of CPU a worker, more with other languages), and a process
that imports again (`newsdesk watch`) reuses the server. Where there is no
fork server (not POSIX), workers are spawned and load their own. Small imports
stay in-process: starting workers costs more than it saves below a few dozen
files. Where worker processes cannot start (Textual replaces stderr with an
object that has no file descriptor, which multiprocessing needs: imports in
the app), loading stays in-process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.fork_server import (
    PARALLEL_MIN_BYTES,
    PARALLEL_MIN_FILES,
    SPLIT_MIN_BYTES,
    WORKER_PRELOAD,
    _can_spawn,
    ensure_running,
    take_started_early,
    worker_count,
)
from newsdesk.ingest import LoadResult, load_file
from newsdesk.ingest.drafts import Draft, Finished, finish
from newsdesk.ingest.loader import complete, draft_only, load_draft
from newsdesk.ingest.sniff import format_from_name
from newsdesk.library_logs import quiet_library_logs
from newsdesk.orphans import PARENT_CHECK_SECONDS, exit_with_parent

if TYPE_CHECKING:
    from newsdesk.model import Extracted
    from newsdesk.store.story_tables import BandKeys
    from newsdesk.stories.signature import Signature

    #: An item's signature and its band keys (None where they could not be computed),
    #: and its article id (`model.article_id`).
    Signed = tuple[Signature | None, BandKeys | None, str]

__all__ = [
    "PARALLEL_MIN_BYTES",
    "PARALLEL_MIN_FILES",
    "SPLIT_MIN_BYTES",
    "WORKER_PRELOAD",
    "Prepared",
    "load_in_order",
    "stop_fork_server",
    "worker_count",
]

#: Tasks in flight per worker: enough to keep workers busy while the importing process
#: stores a whole file (a 500-item feed: half a second to a second, when nothing is
#: sent), few enough to stop quickly (a task not started is cancelled at once). With 4,
#: a 5,000-item feed import left both workers idle for about half a second between files.
WINDOW_PER_WORKER = 12
#: Tasks done but not yet taken by the importing process, per worker. Without a
#: bound, workers that outpace the importing process (story grouping slows as
#: the store grows) keep every extracted article of the import in its memory.
HELD_PER_WORKER = 8
#: Small files go to a worker several at a time: one task per 3 KB page cost
#: 15% more CPU in pickling and queueing (2,000 synthetic pages: 15.0 s of CPU
#: one file a task, 12.7 s eight a task).
CHUNK_FILES = 8
CHUNK_BYTES = 256 * 1024
#: A feed or JSON Lines file of this many items or more is extracted by several
#: workers, this many items a task (the unit of parallel work is the article).
SPLIT_MIN_ITEMS = 64
SPLIT_TASK_ITEMS = 32
#: A worker's garbage-collector thresholds: extraction makes and drops many small
#: objects, and with the defaults the collector ran ~170 times per 1,000 feed items,
#: each time rescanning the modules, tables and caches the worker keeps (0.12-0.14 ms
#: of CPU an item, 2-3% of a feed item's extraction; 0 with these).
WORKER_GC_THRESHOLDS = (20_000, 50, 100)
StopCheck = Callable[[], bool] | None


@dataclass
class Prepared:
    """One file loaded and extracted, with each item's story signature computed ahead."""

    result: LoadResult
    #: One per item (None where it could not be computed: grouping computes it then).
    signatures: list[Signature | None] = field(default_factory=list)
    #: The band keys of each signature, computed with it (in the worker): the importing
    #: process, which groups articles one at a time, then only looks them up.
    keys: list[BandKeys | None] = field(default_factory=list)
    #: Each item's article id (`model.article_id`), computed in the worker too: hashing
    #: the normalised text cost the importing process 0.1 ms an item.
    ids: list[str] = field(default_factory=list)


def _signed(item: Extracted) -> Signed:
    from newsdesk.model import article_id
    from newsdesk.stories.signature import compute

    try:
        signature = compute(item)
        return signature, (signature.lsh_keys(), signature.rare_word_keys()), article_id(item)
    except (ValueError, ArithmeticError, MemoryError):
        return _unsigned(item)  # the grouper tries again in the importing process


def _with_signatures(result: LoadResult, signed: Sequence[Signed]) -> Prepared:
    return Prepared(
        result, [s for s, _, _ in signed], [k for _, k, _ in signed], [i for _, _, i in signed]
    )


def _prepared(result: LoadResult) -> Prepared:
    if len(result.items) != 1:
        result.text = None  # kept only as the raw copy of a one-article file: not sent back
    return _with_signatures(result, [_signed(item) for item in result.items])


def prepare(path: Path) -> Prepared:
    """Everything about one file that needs no database: runs in a worker process."""
    return _prepared(load_file(path))


def prepare_or_draft(path: Path) -> Prepared:
    """`prepare`, except that a file of many items comes back drafted: its items follow."""
    result = load_draft(path)
    drafted = result.drafted
    if drafted is None:
        return _prepared(result)
    drafts = drafted.drafts
    if len(drafts) < SPLIT_MIN_ITEMS:
        return _prepared(complete(result, finish(drafted.format, drafts)))
    return Prepared(result)


def prepare_many(paths: Sequence[Path]) -> list[Prepared]:
    """`prepare_or_draft` for each path: one worker task."""
    return [prepare_or_draft(path) for path in paths]


def finish_part(format: str, drafts: Sequence[Draft]) -> list[tuple[Finished, Signed]]:
    """Some of a drafted file's items extracted, with their signatures: one worker task."""
    return [(done, _signed(done.item)) for done in finish(format, drafts)]


def _combine(prepared: Prepared, parts: Sequence[list[tuple[Finished, Signed]]]) -> Prepared:
    """A drafted file and its extracted parts, as `prepare` would have given it."""
    pairs = [pair for part in parts for pair in part]
    result = complete(prepared.result, [done for done, _ in pairs])
    signed_of = {id(done.item): signed for done, signed in pairs}
    if len(result.items) != 1:
        result.text = None
    return _with_signatures(
        result, [signed_of.get(id(item)) or _unsigned(item) for item in result.items]
    )


def _unsigned(item: Extracted) -> Signed:
    """An item no worker signed: the grouper computes its signature."""
    from newsdesk.model import article_id

    return None, None, article_id(item)


def _chunks(files: Sequence[Path]) -> list[list[Path]]:
    """Consecutive files grouped up to CHUNK_FILES and CHUNK_BYTES (a large file alone)."""
    chunks: list[list[Path]] = []
    size = 0
    for path in files:
        try:
            length = path.stat().st_size
        except OSError:
            length = 0  # load_file reports unreadable files itself
        if not chunks or len(chunks[-1]) >= CHUNK_FILES or size + length > CHUNK_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append(path)
        size += length
    return chunks


def _worth_parallel(files: Sequence[Path]) -> bool:
    """Many files, many bytes, or one feed or JSON Lines file big enough to split."""
    if len(files) >= PARALLEL_MIN_FILES:
        return True
    total = 0
    for path in files:
        try:
            size = path.stat().st_size
        except OSError:
            continue  # load_file reports unreadable files itself
        if size >= SPLIT_MIN_BYTES and format_from_name(path.name) in ("feed", "jsonl"):
            return True
        total += size
    return total >= PARALLEL_MIN_BYTES


def _sequential(files: Sequence[Path], should_stop: StopCheck) -> Iterator[Prepared]:
    for path in files:
        if should_stop is not None and should_stop():
            return
        yield prepare(path)


def load_in_order(files: Sequence[Path], should_stop: StopCheck = None) -> Iterator[Prepared]:
    """`prepare` over `files`, in order; parallel when it pays off."""
    workers = worker_count()
    if workers < 2 or not files or not _worth_parallel(files) or not _can_spawn():
        yield from _sequential(files, should_stop)
        return
    yield from _parallel(files, workers, should_stop)


@dataclass
class _Task:
    """Files sent to a worker together, then (for a drafted file) its parts."""

    paths: list[Path]
    future: Future[list[Prepared]]
    results: list[Prepared] | None = None
    #: Finished and looked at (split, or failed: then it fails again as the oldest).
    looked: bool = False
    #: For each drafted file (by its place in `results`), the futures of its parts.
    parts: dict[int, list[Future[list[tuple[Finished, Signed]]]]] = field(default_factory=dict)

    def busy(self) -> int:
        """Worker tasks of this entry still to run."""
        waiting = 0 if self.future.done() else 1
        return waiting + sum(not f.done() for fs in self.parts.values() for f in fs)


def _split(pool: ProcessPoolExecutor, task: _Task) -> None:
    """Take a finished task's results; each drafted file's items go out in parts at once.

    Raises what the task raised, or what submitting raised; nothing is kept then.
    """
    results = task.future.result()
    parts: dict[int, list[Future[list[tuple[Finished, Signed]]]]] = {}
    for index, prepared in enumerate(results):
        drafted = prepared.result.drafted
        if drafted is None:
            continue
        drafts = drafted.drafts
        parts[index] = [
            pool.submit(finish_part, drafted.format, drafts[start : start + SPLIT_TASK_ITEMS])
            for start in range(0, len(drafts), SPLIT_TASK_ITEMS)
        ]
    task.results, task.parts = results, parts


def _wait_for_head(
    pool: ProcessPoolExecutor,
    pending: deque[_Task],
    top_up: Callable[[], object] | None = None,
    workers: int | None = None,
) -> list[Prepared]:
    """The oldest task's files, complete; later tasks that finish meanwhile are split.

    `top_up` is called each time a task or part finishes, to send more files while the
    workers still have work queued: the importing process waits here most of the time.
    With `workers`, a finished task is split only once the tasks before it are, unless
    no more than `workers` tasks are left to run (the workers would run dry).
    Raises BrokenProcessPool (or RuntimeError) when a worker of the oldest task died;
    `_Failed` says which of its files was being loaded.
    """
    head = pending[0]
    while True:
        # In file order, the oldest first: a file drafted before the one ahead of it
        # had its parts queued first, so the two were complete at about the same time,
        # and at the end of an import the importing process stored both alone.
        in_order = True
        busy = None if workers is None else sum(t.busy() for t in pending)
        for task in pending:
            if task.results is not None:
                continue
            if not task.future.done():
                in_order = False
                continue
            if not in_order and busy is not None and workers is not None and busy > workers:
                task.looked = True  # split once the tasks before it are (or work runs short)
                continue
            if task is head:
                try:
                    _split(pool, head)
                except (OSError, RuntimeError) as exc:
                    raise _Failed(0) from exc
            else:
                task.looked = True
                with suppress(OSError, RuntimeError):  # raised again when it is the oldest
                    _split(pool, task)
        if top_up is not None:
            top_up()
        waiting: list[Future[Any]] = [head.future]
        if head.results is not None:
            waiting = [f for fs in head.parts.values() for f in fs if not f.done()]
            if not waiting:
                break
        waiting += [t.future for t in pending if not t.looked and t is not head]
        if top_up is not None:
            # Any part done makes room in the window: woken by the head's parts alone,
            # the top-up waited for the head's slowest part while the workers ran dry.
            waiting += [
                f
                for t in pending
                if t is not head
                for fs in t.parts.values()
                for f in fs
                if not f.done()
            ]
        wait(waiting, return_when=FIRST_COMPLETED)
    done: list[Prepared] = []
    for index, prepared in enumerate(head.results):
        if index in head.parts:
            try:
                parts = [f.result() for f in head.parts[index]]
            except BrokenProcessPool as exc:
                raise _Failed(index, done) from exc
            prepared = _combine(prepared, parts)
        done.append(prepared)
    return done


class _Failed(Exception):
    """A worker died while loading the file at `index` of the oldest task."""

    def __init__(self, index: int, done: list[Prepared] | None = None) -> None:
        super().__init__(index)
        self.index = index
        #: The task's files before it, complete.
        self.done = done or []


def _context() -> multiprocessing.context.BaseContext:
    """The fork server, with the workers' modules and tables loaded; else spawn."""
    return _started_context()[0]


def _started_context() -> tuple[multiprocessing.context.BaseContext, bool]:
    """`_context`, and whether the fork server was started just now (it is still
    loading the workers' modules), here or by `newsdesk import` before its own
    modules loaded (`fork_server.start_early`)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn"), False
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    started = _start_fork_server()
    return context, take_started_early() or started


def _start_fork_server() -> bool:
    """`fork_server.ensure_running`: True when this call started the server."""
    return ensure_running()


def _draft_here(chunk: Sequence[Path]) -> Prepared | None:
    """A lone feed or JSON Lines file big enough to split, drafted in this process (its
    items read, none extracted), or None (not such a file: a worker loads it).

    Run while the fork server loads the workers' modules (0.55 s of CPU, 1.45 s from
    the shell with an empty cache directory): this process only waited then, on one core
    of two, and the workers started by drafting the first files before any part could go.
    """
    if len(chunk) != 1 or format_from_name(chunk[0].name) not in ("feed", "jsonl"):
        return None
    try:
        if chunk[0].stat().st_size < SPLIT_MIN_BYTES:
            return None
    except OSError:
        return None  # load_file reports unreadable files itself
    result = draft_only(chunk[0])
    if result is None or result.drafted is None:
        return None
    if len(result.drafted.drafts) < SPLIT_MIN_ITEMS:
        return None  # extracted whole by a worker, as `prepare_or_draft` would
    return Prepared(result)


def stop_fork_server() -> None:
    """End the workers' fork server now rather than with this process.

    For benchmarks: the workers are the server's children, so their CPU counts
    among this process's children (`RUSAGE_CHILDREN`) only once the server has
    ended and been waited for. The next import starts a new server.
    """
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if callable(stop):
        stop()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _exit_with_importer(importer_pid: int) -> None:
    """Exit this worker (without clean-up) once the importing process is gone.

    A spawned worker is the importing process's child, so its parent changes
    then (`exit_with_parent`). A forked one is the fork server's child, and the
    server outlives the importing process while any of its workers lives (they
    hold its end of the pipe it waits on), so the worker looks for the
    importing process itself.
    """
    if os.getppid() == importer_pid:
        exit_with_parent(importer_pid)
        return

    def watch() -> None:
        while _alive(importer_pid):
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsdesk-importer-watch", daemon=True).start()


def _start_worker(importer_pid: int) -> None:
    # Ctrl-C reaches the whole process group: the importing process stops the import
    # and its workers; a worker's own KeyboardInterrupt only printed a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    quiet_library_logs()
    _exit_with_importer(importer_pid)
    # What the worker has loaded so far lives as long as it does: out of the
    # collector's sight, and fewer collections for what extraction makes.
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def _parallel(files: Sequence[Path], workers: int, should_stop: StopCheck) -> Iterator[Prepared]:
    """Chunks of files to the workers; a drafted file's items to several workers.

    Results come back in input order. While waiting on the oldest task, tasks
    that finish are looked at, so a big file's parts are queued as soon as it is read.
    """
    context, starting = _started_context()
    chunks = _chunks(files)
    pending: deque[_Task] = deque()
    next_index = 0
    early = _draft_here(chunks[0]) if starting and chunks else None

    def rest(skip: int = 0) -> list[Path]:
        """Every file not yet yielded but the first `skip`, in order (pending tasks abandoned)."""
        left = [p for task in pending for p in task.paths]
        left += [p for chunk in chunks[next_index:] for p in chunk]
        pending.clear()
        return left[skip:]

    def submit(pool: ProcessPoolExecutor) -> None:
        """Send chunks while the workers have less than their window queued.

        Raises what `submit` raised (workers could not start); what was sent stays pending.
        """
        nonlocal next_index
        window = workers * WINDOW_PER_WORKER
        while (
            next_index < len(chunks)
            and len(pending) < workers * HELD_PER_WORKER
            and sum(t.busy() for t in pending) < window
        ):
            chunk = chunks[next_index]
            pending.append(_Task(chunk, pool.submit(prepare_many, chunk)))
            next_index += 1

    def top_up(pool: ProcessPoolExecutor) -> None:
        """`submit` while waiting for the oldest task: sending only between files left the
        workers idle while the importing process stored a whole file (a 500-item feed:
        half a second or more), once their queue ran dry. A failure to send is left to
        the next `submit` between files, which finishes in this process."""
        with suppress(OSError, RuntimeError):
            submit(pool)

    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(),),
    ) as pool:
        try:
            if early is not None:
                # Its parts go out first, as soon as the workers can start.
                drafted: Future[list[Prepared]] = Future()
                drafted.set_result([early])
                pending.append(_Task(chunks[0], drafted))
                next_index = 1
                with suppress(OSError, RuntimeError):  # met again by `submit` below
                    _split(pool, pending[0])
            while next_index < len(chunks) or pending:
                try:
                    submit(pool)
                except (OSError, RuntimeError):
                    # Workers could not start: finish in this process.
                    yield from _sequential(rest(), should_stop)
                    return
                try:
                    done = _wait_for_head(pool, pending, lambda: top_up(pool), workers)
                except _Failed as failed:
                    # A worker died (out of memory, killed): report the file it was
                    # loading, load the rest here.
                    yield from failed.done
                    yield Prepared(
                        LoadResult(
                            path=pending[0].paths[failed.index],
                            items=[],
                            error="the import worker stopped unexpectedly",
                        )
                    )
                    yield from _sequential(rest(failed.index + 1), should_stop)
                    return
                pending.popleft()
                for prepared in done:
                    yield prepared
                    if should_stop is not None and should_stop():
                        return
        finally:
            for task in pending:
                task.future.cancel()
                for futures in task.parts.values():
                    for future in futures:
                        future.cancel()
