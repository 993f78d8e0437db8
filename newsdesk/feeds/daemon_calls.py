"""Calls in daemon threads, for downloads a stop request may walk away from.

A `ThreadPoolExecutor`'s threads are joined when the interpreter exits, so the
app's `q` during a fetch from a slow server kept the process (and a blank
terminal) alive until the request's read timeout, about 20 s. A download writes
nothing to the store (its feed is recorded by the calling thread), so leaving one
unfinished is safe: a daemon thread ends with the process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")


def call_in_daemon(fn: Callable[[], T], name: str = "newsdesk-download") -> Future[T]:
    """Run `fn` in a new daemon thread; its result or exception goes to the future
    (never to stderr: the app draws on that terminal)."""
    future: Future[T] = Future()
    future.set_running_or_notify_cancel()

    def run() -> None:
        try:
            result = fn()
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)

    threading.Thread(target=run, name=name, daemon=True).start()
    return future
