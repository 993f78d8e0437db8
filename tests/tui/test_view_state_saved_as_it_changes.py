"""The view state (the query typed, the cursor's article) is saved as it changes, not
only on a clean quit: an app killed (or a terminal closed) forgot the query."""

from __future__ import annotations

import asyncio

from newsdesk import uistate
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def test_the_query_typed_and_the_cursor_are_saved_while_the_app_runs(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"strike")  # typed, not left: a live search
        await settle(pilot)
        screen = main_screen(app)
        await asyncio.sleep(2.5)  # saved every 2 s when changed
        await settle(pilot)
        saved = uistate.load(seeded.ui_state)
        assert saved.query == "strike"
        assert saved.cursor and saved.cursor == screen.ui_state.cursor
