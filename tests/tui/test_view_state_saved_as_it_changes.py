"""The view state (the query typed, the cursor's article) is saved as it changes, not
only on a clean quit: an app killed (or a terminal closed) forgot the query."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from newsdesk import uistate
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle, wait_until


async def test_the_query_typed_and_the_cursor_are_saved_while_the_app_runs(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"strike")  # typed, not left: a live search
        await settle(pilot)
        screen = main_screen(app)
        # Saved every 2 s when changed: polled until the file says so (or 10 s pass).
        await wait_until(pilot, lambda: uistate.load(seeded.ui_state).query == "strike", 10)
        await settle(pilot)
        saved = uistate.load(seeded.ui_state)
        assert saved.query == "strike"
        assert saved.cursor and saved.cursor == screen.ui_state.cursor


async def test_the_periodic_save_is_written_off_the_ui_thread(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An atomic write syncs the file and its folder: on the UI thread every 2 s while
    keys move the cursor, a busy disk's pause was the keys' pause."""
    writers: list[int] = []
    write = uistate.save_data

    def recorded(path: Path, data: dict[str, Any]) -> None:
        writers.append(threading.get_ident())
        write(path, data)

    monkeypatch.setattr(uistate, "save_data", recorded)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ui_thread = threading.get_ident()
        await pilot.press("j")
        # The save every 2 s, polled: recorded, and written through (on another thread).
        await wait_until(
            pilot,
            lambda: (
                bool(writers)
                and uistate.load(seeded.ui_state).cursor == main_screen(app).ui_state.cursor
            ),
            10,
        )
        await settle(pilot)
        assert writers and all(w != ui_thread for w in writers)
        assert uistate.load(seeded.ui_state).cursor == main_screen(app).ui_state.cursor
