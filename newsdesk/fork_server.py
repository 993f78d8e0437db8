"""The import workers' fork server: started once a process, loading what every worker
needs (`ingest.warm`) before it forks the first one (`pipeline` uses it).

Kept apart from `pipeline` and light to import (the standard library only): `newsdesk
import` starts the server from `cli/__init__.py` before loading its own modules (about
0.3 s of CPU, opening the desk and walking the inputs come after), so the server's
warm-up (0.55 s of CPU, 1.45 s with an empty cache directory) runs on the other core
meanwhile instead of after them.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Sequence

#: Loaded by the fork server before it forks the first worker.
WORKER_PRELOAD = ["newsdesk.ingest.warm"]
#: Below this many files (or bytes), an import loads in its own process (`pipeline`).
PARALLEL_MIN_FILES = 40
PARALLEL_MIN_BYTES = 2_000_000
#: A feed or JSON Lines file this big is worth starting workers for, even alone
#: (about a hundred items: a few seconds of extraction).
SPLIT_MIN_BYTES = 256 * 1024

#: Set when `start_early` started the server and no import has used it yet.
_started_early = False


def available() -> bool:
    """Whether this platform has a fork server (POSIX)."""
    import multiprocessing

    return "forkserver" in multiprocessing.get_all_start_methods()


def ensure_running() -> bool:
    """Start the fork server with Ctrl-C ignored: it inherits that through exec, so a
    press while it starts (the terminal sends it to the whole group) no longer prints
    its traceback from the middle of its imports (it ignores Ctrl-C only once they are
    done). The window in this process is the fork and exec: milliseconds.

    True when this call started it: the server then loads the workers' modules for
    about half a second, and no worker can start before it is done.
    """
    import multiprocessing
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        return False  # a signal handler is the main thread's; the server starts as before
    multiprocessing.get_context("forkserver").set_forkserver_preload(WORKER_PRELOAD)
    server = getattr(forkserver, "_forkserver", None)
    before = getattr(server, "_forkserver_pid", None)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)
    return getattr(server, "_forkserver_pid", None) not in (None, before)


def take_started_early() -> bool:
    """Whether `start_early` started the server for the import now beginning (once: the
    first import that asks uses it as if it had started it itself)."""
    global _started_early
    started, _started_early = _started_early, False
    return started


#: Entries `worth_starting` looks at in folders before it takes them as many files.
LOOK_ENTRIES = 2_000


def worth_starting(paths: Sequence[str]) -> bool:
    """Whether an import of `paths` (as typed) will likely use workers: many files,
    many bytes, or a file big enough to split. Cheaper than `pipeline`'s own decision
    (folders read only up to `LOOK_ENTRIES` entries, no format sniffing), so a lone big
    page may start a server it does not use: that costs the other core about half a
    second, never the import."""
    files = 0
    total = 0
    seen = 0
    folders = [path for path in paths if path != "-"]  # "-": standard input, one file
    while folders:
        path = folders.pop()
        try:
            if not os.path.isdir(path):
                size = os.stat(path).st_size
                files, total = files + 1, total + size
                if size >= SPLIT_MIN_BYTES:
                    return True
            else:
                with os.scandir(path) as entries:
                    for entry in entries:
                        seen += 1
                        if seen > LOOK_ENTRIES:
                            return True
                        if entry.is_dir():
                            folders.append(entry.path)
                        elif entry.is_file():
                            size = entry.stat().st_size
                            files, total = files + 1, total + size
                            if size >= SPLIT_MIN_BYTES:
                                return True
        except (OSError, ValueError):
            continue  # the import reports it
        if files >= PARALLEL_MIN_FILES or total >= PARALLEL_MIN_BYTES:
            return True
    return False


def start_early(paths: Sequence[str]) -> bool:
    """Start the fork server now when an import of `paths` will likely use it and
    workers can run here (two or more, a real stderr); True when started."""
    global _started_early
    if not worth_starting(paths) or not available() or not _can_spawn() or worker_count() < 2:
        return False
    try:
        started = ensure_running()
    except (OSError, RuntimeError, ValueError):
        return False  # the import starts it (or loads in-process) as before
    _started_early = _started_early or started
    return started


def worker_count() -> int:
    """Import worker processes: `NEWSDESK_IMPORT_WORKERS`, else the CPUs (at most 4)."""
    override = os.environ.get("NEWSDESK_IMPORT_WORKERS", "").strip()
    if override.isdigit():
        return max(0, int(override))
    return max(1, min(4, (os.cpu_count() or 1)))


def _can_spawn() -> bool:
    """Worker processes need a real stderr file descriptor (Textual's stand-in has -1)."""
    import sys

    try:
        return sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False
