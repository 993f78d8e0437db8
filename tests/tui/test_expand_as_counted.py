"""`l` on a folded story row opens the versions its "+N" counted (day 33): in the
inbox, not the archived ones; in a search, those it matched. It listed every version,
an archived one among the inbox's rows (where `a` on it did nothing visible).
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.tui.app import NewsdeskApp
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW
from tests.tui.helpers import SIZE, search_for, settle
from tests.tui.test_story_row_in_a_search import _on_the_story_row, _story_of_three


async def test_l_in_the_inbox_leaves_an_archived_version_out(tmp_path: Path) -> None:
    desk, members = _story_of_three(tmp_path)
    desk.archive([members[2]])
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen, _head = await _on_the_story_row(pilot, members)
            await pilot.press("l")
            await settle(pilot)
            assert members[2] not in screen.inbox.ids
            assert set(members[:2]) <= set(screen.inbox.ids)
            # In a view of the archive the row counts it, and `l` lists it.
            await pilot.press("h")
            await search_for(pilot, "in:all")
            screen, _head = await _on_the_story_row(pilot, members)
            await pilot.press("l")
            await settle(pilot)
            assert set(members) <= set(screen.inbox.ids)
    finally:
        desk.close()


async def test_l_in_a_search_lists_the_versions_it_matched(tmp_path: Path) -> None:
    desk, members = _story_of_three(tmp_path)
    desk.tag(members[:2], add=["pick"])
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await search_for(pilot, "tag:pick")
            screen, _head = await _on_the_story_row(pilot, members)
            await pilot.press("l")
            await settle(pilot)
            assert set(screen.inbox.ids) == set(members[:2])
    finally:
        desk.close()
