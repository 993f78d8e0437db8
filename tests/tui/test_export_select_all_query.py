"""The digest of a `*` selection names the search it came from, though an article
arrived after (day 33): the answer then listed one more than the selection, and the
digest said "none (articles picked by hand)".
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.modals.export import ExportDialog
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW
from tests.tui.helpers import SIZE, main_screen, search_for, settle, wait_until
from tests.tui.test_story_selection import _arrives, flood_desk


async def test_a_select_all_digest_names_its_search_after_an_arrival(tmp_path: Path) -> None:
    desk, _members = flood_desk(tmp_path / "desk")
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await search_for(pilot, "flood")
            await pilot.press("asterisk")
            await settle(pilot)
            await _arrives(pilot, desk, screen)
            # Then `x` on the row (half picked: picked whole), by hand the whole answer.
            for n, keys in enumerate(((), ("x",))):
                await pilot.press(*keys)
                await pilot.press("e")
                await settle(pilot)
                assert isinstance(app.screen, ExportDialog)
                dest = tmp_path / f"digest-{n}.md"
                app.screen.query_one("#export-dest", Input).value = str(dest)
                await pilot.press("ctrl+s")
                await wait_until(pilot, dest.exists)
                await settle(pilot)
                digest = dest.read_text(encoding="utf-8")
                assert "Query: flood" in digest and "picked by hand" not in digest
                assert (screen.inbox.selected_by_query is None) == bool(keys)
    finally:
        desk.close()
