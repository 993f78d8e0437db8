"""A delete or tag of thousands, and any undo, are written in a worker: the keys stay live.

Select-all over 4,269 articles, `X` `y`: the app froze for seconds (a `?` typed
meanwhile opened only when the delete was written), and `u` froze it for ten
with an empty list and no "updating" line, while star, archive and read of the
same rows were written in a worker.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from newsdesk.tui.widgets import desk_writer
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle, wait_until


def hold(app: Any, name: str, release: threading.Event, seen: list[str]) -> None:
    """The desk's `name` waits for `release` when a worker calls it, and says where it ran."""
    real = getattr(app.desk, name)

    def held(*args: Any, **kwargs: Any) -> Any:
        on_worker = threading.current_thread() is not threading.main_thread()
        seen.append(f"{name}:{'worker' if on_worker else 'main'}")
        if on_worker:
            assert release.wait(30), "the test never released the write"
        return real(*args, **kwargs)

    setattr(app.desk, name, held)


async def test_a_big_delete_and_its_undo_leave_the_keys_live(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk_writer, "SYNC_LIMIT", 2)
    app = make_app()
    release = threading.Event()
    seen: list[str] = []
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            everything = list(screen.inbox.ids)
            hold(app, "delete", release, seen)
            hold(app, "undo", release, seen)
            await pilot.press("ctrl+a", "X")
            await settle(pilot)
            await pilot.press("y")
            writer = screen.query_one(desk_writer.DeskWriter)
            await wait_until(pilot, lambda: "delete:worker" in seen)
            assert writer.status.startswith(f"deleting {len(everything):,} articles")
            # The keys work while it is written: the cursor moves.
            before = screen.inbox.cursor
            await pilot.press("j")
            await pilot.pause()
            assert screen.inbox.cursor == before + 1
            release.set()
            await wait_until(pilot, lambda: app.desk.count() == 0)
            await settle(pilot)
            release.clear()
            await pilot.press("u")
            await wait_until(pilot, lambda: "undo:worker" in seen)
            assert writer.status == "undoing…"
            release.set()
            await wait_until(pilot, lambda: app.desk.count() == len(everything))
            await settle(pilot)
            assert writer.status == ""
            assert sorted(screen.inbox.ids) == sorted(everything)
            assert "delete:main" not in seen and "undo:main" not in seen
    finally:
        release.set()
