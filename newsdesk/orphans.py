"""Helper processes that end when the process that started them is gone.

A worker blocked on a queue never sees its parent die (SIGKILL, a crash):
it holds its own end of the queue. A daemon thread polls the parent's pid
and exits the worker when it changes.
"""

from __future__ import annotations

import os
import threading
import time

#: How often a worker checks that its parent is still alive.
PARENT_CHECK_SECONDS = 0.5


def exit_with_parent(parent_pid: int) -> None:
    """Call in the worker: exit it (without cleanup) once `parent_pid` is no longer its parent."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsdesk-parent-watch", daemon=True).start()
