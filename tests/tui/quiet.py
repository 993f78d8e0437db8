"""Wait until the app under test is quiet, by looking at it rather than at the clock.

After each key `pilot.press` sends, and in every `pilot.pause()`, Textual waits
with `textual._wait.wait_for_idle(0)`: it sleeps in 20 ms slices until one
slice passes in which the process used under 1 ms of CPU (at most 1 s). That
costs at least 20 ms even when the key changed nothing, 40 ms a key, and more
when any thread of the process happens to run in the slice: in the TUI tests
it was about 60% of their wall time (1,221 waits, 70 s of one xdist worker's
100 s; measured with a probe wrapping the function).

`until_quiet` asks the app instead: every message queued so far, on the app
and on each widget of the screen in front, has been handled (the barrier
Pilot uses itself: a callback queued behind them), no widget anywhere has a
message or a callback waiting, and no worker is pending or running. While a
worker runs it keeps Textual's own rule as well: the wait ends when a whole
20 ms slice passes with the process idle (a worker waiting on a socket or a
file), or after `max_sleep` as before. So it never returns earlier than the
app has settled; it only stops paying for slices after it has.
"""

from __future__ import annotations

import asyncio
from time import monotonic, process_time
from typing import Any

import textual._wait
from textual._context import active_app
from textual.worker import WorkerState

#: Textual's own function, for the waits that ask for a minimum sleep (animations).
textual_wait_for_idle = textual._wait.wait_for_idle

_BUSY = (WorkerState.PENDING, WorkerState.RUNNING)


def _pumps_quiet(app: Any) -> bool:
    """No DOM node (screens, widgets) and not the app has a message or callback waiting."""
    for pump in (app, *list(app._registry)):
        if (
            not pump._message_queue.empty()
            or pump._pending_message is not None
            or pump._next_callbacks
        ):
            return False
    return True


def _workers_busy(app: Any) -> bool:
    return any(worker.state in _BUSY for worker in app.workers)


async def _handled_so_far(app: Any, timeout: float) -> None:
    """Every message the app and the front screen's widgets hold now has been handled
    (a handler that awaits counts as unhandled until it returns)."""
    try:
        screen = app.screen
    except Exception:  # no screen yet, or the app is closing: nothing to wait for
        return
    done = asyncio.Event()
    count = 0

    def one_done() -> None:
        nonlocal count
        count -= 1
        if count == 0:
            done.set()

    for node in (app, *screen.walk_children(with_self=True)):
        if node.call_later(one_done):
            count += 1
    if count:
        try:
            await asyncio.wait_for(done.wait(), timeout)
        except TimeoutError:
            return


async def until_quiet(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    """A drop-in for `textual._wait.wait_for_idle` (see the module docstring)."""
    try:
        app = active_app.get()
    except LookupError:
        app = None
    if app is None or min_sleep > 0:
        await textual_wait_for_idle(min_sleep, max_sleep)
        return
    start = monotonic()
    slice_start, cpu_start = start, process_time()
    look_again = True
    while True:
        # A key sent through the driver reaches the app's queue on the loop's next turn.
        await asyncio.sleep(0)
        looked = look_again
        if looked:
            # Not while only a worker runs: polled every 2 ms, the barrier would be the
            # CPU that keeps a waiting worker from ever looking idle.
            await _handled_so_far(app, max(0.0, max_sleep - (monotonic() - start)))
            await asyncio.sleep(0)
        quiet = _pumps_quiet(app)
        busy = _workers_busy(app)
        if quiet and not busy and looked:
            return
        # Messages moving, or a worker just ended (its last message may be mid-handler).
        look_again = not quiet or not busy
        now = monotonic()
        if now - start >= max_sleep:
            return
        if now - slice_start >= textual._wait.SLEEP_GRANULARITY:
            # Textual's rule, for a worker that waits rather than works.
            if quiet and process_time() - cpu_start < textual._wait.SLEEP_IDLE:
                return
            slice_start, cpu_start = now, process_time()
        if busy and quiet:
            await asyncio.sleep(0.002)
