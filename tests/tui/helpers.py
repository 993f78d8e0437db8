"""Small helpers shared by the Pilot tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.worker import WorkerCancelled

from newsdesk.tui.screens.main import MainScreen

SIZE = (120, 40)


def _waiting(app: Any) -> bool:
    """A debounce timer is still pending (search or detail pane), keys are held for an
    opening screen (key_routing), or a worker runs."""
    if app._keys.holding:
        return True
    for screen in app.screen_stack:
        for node in screen.query("SearchBar, InboxView"):
            if getattr(node, "_search_timer", None) or getattr(node, "_detail_timer", None):
                return True
    return any(not worker.is_finished for worker in app.workers)


async def settle(pilot: Any) -> None:
    """Let timers fire, workers finish and their messages land (no fixed sleeps)."""
    app = pilot.app
    for _ in range(500):
        await pilot.pause()
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            # A newer request cancelled one (the detail pane's related articles, when the
            # store changed under it): nothing to wait for there; look again.
            continue
        await pilot.pause()
        if not _waiting(app):
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def wait_until(pilot: Any, ready: Callable[[], bool], seconds: float = 30.0) -> None:
    """Poll (never a fixed sleep) until `ready()` is true."""
    for _ in range(int(seconds / 0.02)):
        if ready():
            return
        await pilot.pause(0.02)
    raise AssertionError("timed out waiting")


def main_screen(app: Any) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def search_for(pilot: Any, query: str, *, submit: bool = True) -> None:
    """`/`, the query (set at once: typing is tested once, in test_search), Enter."""
    await pilot.press("slash")
    main_screen(pilot.app).search_input.value = query
    if submit:
        await pilot.press("enter")
    await settle(pilot)


def record_notifications(app: Any) -> list[str]:
    """Every notification message, kept after it times out on screen."""
    seen: list[str] = []
    notify = app.notify

    def recording(message: str, **kwargs: Any) -> None:
        seen.append(message)
        notify(message, **kwargs)

    app.notify = recording
    return seen


async def import_in_app(pilot: Any, path: Path | str) -> None:
    """`i`, the path typed into the prompt, Enter: what an editor does to import."""
    from textual.widgets import Input

    await pilot.press("i")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


async def pick_two_then_search(pilot: Any, query: str) -> set[str]:
    """The first two rows selected, then a search for `query`: the two picked."""
    screen = main_screen(pilot.app)
    await pilot.press("g", "space", "j", "space")
    await settle(pilot)
    picked = set(screen.inbox.selected)
    assert len(picked) == 2
    await search_for(pilot, query)
    return picked


def pause_import_after(monkeypatch: Any, files: int) -> tuple[threading.Event, threading.Event]:
    """Every `Desk.import_paths` waits once `files` files are stored (their transactions
    committed, one file a transaction) until the second event is set; the first tells
    that it waits. The race of a big import with the editor's keys, made certain."""
    from newsdesk import import_batch
    from newsdesk.desk import Desk, ImportProgress

    stored, go_on = threading.Event(), threading.Event()
    run = Desk.import_paths

    def pausing(self: Desk, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        told = kwargs.get("progress")

        def progress(step: ImportProgress) -> None:
            if told is not None:
                told(step)
            if step.done == files:
                stored.set()
                assert go_on.wait(30), "the test never let the import go on"

        kwargs["progress"] = progress
        return run(self, inputs, *args, **kwargs)

    monkeypatch.setattr(Desk, "import_paths", pausing)
    monkeypatch.setattr(import_batch, "BATCH_FILES", 1)
    return stored, go_on


def harbour_pages(folder: Path, topics: tuple[str, ...]) -> Path:
    """A folder of one short page a topic ("The pier reopens after repairs"), made."""
    folder.mkdir()
    for n, topic in enumerate(topics):
        (folder / f"{topic}.txt").write_text(
            f"The {topic} reopens after repairs\n\nBy Per Holm\n\nThe harbour board said on "
            f"Tuesday that the {topic} reopens in spring after repairs number {n}.\n",
            encoding="utf-8",
        )
    return folder
