"""The background index writer: one thread of the app's process keeping the index caught up.

It sleeps until told the store changed (`notify`), then catches up; while
another process holds the index it tries again every RETRY_SECONDS. While the
user presses keys it pauses between documents (`hold`). It knows nothing of
Whoosh: `SearchIndex` hands it the catch-up to run and hears of failures.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

#: The background thread tries again this often while it could not write.
RETRY_SECONDS = 5.0
#: The background writer re-checks for a stop request this often while held.
HOLD_STEP_SECONDS = 0.05

StopCheck = Callable[[], bool]


class WriterThread:
    """Runs `catch_up(should_stop)` in one daemon thread, now and after every `notify()`."""

    def __init__(
        self,
        catch_up: Callable[[StopCheck], int],
        *,
        failed: Callable[[BaseException], None],
        blocked: Callable[[], bool],
        survives: tuple[type[BaseException], ...],
    ) -> None:
        self._catch_up = catch_up
        self._failed = failed
        self._blocked = blocked
        #: What the thread survives (and reports through `failed`) rather than dying silently.
        self._survives = survives
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        #: Until this time.monotonic(), the background writer waits between documents.
        self._hold_until = 0.0
        self._state = threading.Condition()
        self._busy = False

    @property
    def busy(self) -> bool:
        """True while the thread is indexing."""
        with self._state:
            return self._busy

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._wake.set()
        self._thread = threading.Thread(target=self._run, name="newsdesk-index-writer", daemon=True)
        self._thread.start()

    def notify(self) -> None:
        self._wake.set()

    def hold(self, seconds: float) -> None:
        """The user is pressing keys: pause between documents for `seconds`.

        The writer is a thread of the app's process; while it runs, every frame
        waits for the interpreter lock several times over (key p95 78 ms against
        12-28 ms at 10,000 articles). Paused between documents, it costs keys nothing.
        """
        self._hold_until = max(self._hold_until, time.monotonic() + seconds)

    def give_way(self, stop: StopCheck) -> None:
        """Wait while the user is active (only the background thread is ever held)."""
        if threading.current_thread() is not self._thread:
            return
        while not stop():
            left = self._hold_until - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, HOLD_STEP_SECONDS))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(timeout=RETRY_SECONDS if self._blocked() else None)
            if self._stop.is_set():
                break
            with self._state:
                self._busy = True
                self._wake.clear()
            try:
                self._catch_up(self._stop.is_set)
            except self._survives as exc:
                # The thread must outlive a bad batch; the user hears about it in status().
                log.exception("indexing failed")
                self._failed(exc)
            finally:
                with self._state:
                    self._busy = False
                    self._state.notify_all()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until the thread has nothing left to do; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._state:
            while (
                self._thread is not None
                and self._thread.is_alive()
                and (self._busy or self._wake.is_set())
            ):
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._state.wait(timeout=0.05 if remaining is None else min(remaining, 0.05))
        return True

    def stop(self) -> None:
        """Finish the current batch and stop the thread."""
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is not None:
            thread.join()
            self._thread = None
