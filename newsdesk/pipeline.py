"""Load many input files in parallel, yielding results in input order.

Extraction is CPU-bound Python, so threads would not help; worker processes
do. They are started with "spawn" because the TUI has threads running and
forking a threaded process is unsafe. Small imports stay in-process: starting
workers costs more than it saves below a few dozen files. Where worker
processes cannot start (Textual replaces stderr with an object that has no
file descriptor, which multiprocessing needs), loading stays in-process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.ingest import LoadResult, load_file
from newsdesk.orphans import exit_with_parent

if TYPE_CHECKING:
    from newsdesk.stories.signature import Signature

#: Below this many files (or bytes), load in this process.
PARALLEL_MIN_FILES = 40
PARALLEL_MIN_BYTES = 2_000_000
#: Tasks in flight per worker: enough to keep workers busy, few enough to stop quickly.
WINDOW_PER_WORKER = 4
#: Small files go to a worker several at a time: one task per 3 KB page cost
#: 15% more CPU in pickling and queueing (2,000 synthetic pages: 15.0 s of CPU
#: one file a task, 12.7 s eight a task).
CHUNK_FILES = 8
CHUNK_BYTES = 256 * 1024

StopCheck = Callable[[], bool] | None


@dataclass
class Prepared:
    """One file loaded and extracted, with each item's story signature computed ahead."""

    result: LoadResult
    #: One per item (None where it could not be computed: grouping computes it then).
    signatures: list[Signature | None] = field(default_factory=list)


def prepare(path: Path) -> Prepared:
    """Everything about one file that needs no database: runs in a worker process."""
    from newsdesk.stories.signature import compute

    result = load_file(path)
    signatures: list[Signature | None] = []
    for item in result.items:
        try:
            signatures.append(compute(item))
        except (ValueError, ArithmeticError, MemoryError):
            signatures.append(None)  # the grouper tries again in the importing process
    return Prepared(result, signatures)


def prepare_many(paths: Sequence[Path]) -> list[Prepared]:
    """`prepare` for each path: one worker task."""
    return [prepare(path) for path in paths]


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


def worker_count() -> int:
    override = os.environ.get("NEWSDESK_IMPORT_WORKERS", "").strip()
    if override.isdigit():
        return max(0, int(override))
    return max(1, min(4, (os.cpu_count() or 1)))


def _worth_parallel(files: Sequence[Path]) -> bool:
    if len(files) >= PARALLEL_MIN_FILES:
        return True
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # load_file reports unreadable files itself
    return total >= PARALLEL_MIN_BYTES


def _can_spawn() -> bool:
    """Worker processes need a real stderr file descriptor (Textual's stand-in has -1)."""
    import sys

    try:
        return sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def _sequential(files: Sequence[Path], should_stop: StopCheck) -> Iterator[Prepared]:
    for path in files:
        if should_stop is not None and should_stop():
            return
        yield prepare(path)


def load_in_order(files: Sequence[Path], should_stop: StopCheck = None) -> Iterator[Prepared]:
    """`prepare` over `files`, in order; parallel when it pays off."""
    workers = worker_count()
    if workers < 2 or len(files) < 2 or not _worth_parallel(files) or not _can_spawn():
        yield from _sequential(files, should_stop)
        return
    yield from _parallel(files, workers, should_stop)


def _parallel(files: Sequence[Path], workers: int, should_stop: StopCheck) -> Iterator[Prepared]:
    context = multiprocessing.get_context("spawn")
    chunks = _chunks(files)
    pending: deque[tuple[list[Path], Future[list[Prepared]]]] = deque()
    next_index = 0

    def rest() -> list[Path]:
        """Every file not yet yielded, in order (pending tasks are abandoned)."""
        left = [p for chunk, _ in pending for p in chunk]
        left += [p for chunk in chunks[next_index:] for p in chunk]
        pending.clear()
        return left

    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        try:
            while next_index < len(chunks) or pending:
                while next_index < len(chunks) and len(pending) < workers * WINDOW_PER_WORKER:
                    chunk = chunks[next_index]
                    try:
                        pending.append((chunk, pool.submit(prepare_many, chunk)))
                    except (OSError, RuntimeError, BrokenProcessPool):
                        # Workers could not start: finish in this process.
                        yield from _sequential(rest(), should_stop)
                        return
                    next_index += 1
                chunk, future = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    # A worker died (out of memory, killed): report the task's first file,
                    # load the rest here.
                    yield Prepared(
                        LoadResult(
                            path=chunk[0], items=[], error="the import worker stopped unexpectedly"
                        )
                    )
                    pending.appendleft((chunk[1:], future))
                    yield from _sequential(rest(), should_stop)
                    return
                for result in results:
                    yield result
                    if should_stop is not None and should_stop():
                        return
        finally:
            for _, future in pending:
                future.cancel()
