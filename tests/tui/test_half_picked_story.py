"""An action on the selection while a folded story row is half picked ("–": some of
its versions selected) goes to the picked versions only, and says so (day 33): it said
"Starred 1 of 1" under a row of three, with no word of the two left as they were.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.tui.app import NewsdeskApp
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle
from tests.tui.test_story_selection import flood_desk, story_row_and_mark


async def test_s_on_a_half_picked_story_says_what_it_left(tmp_path: Path) -> None:
    desk, members = flood_desk(tmp_path)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            head, _ = story_row_and_mark(screen, members)
            screen.inbox.cursor = screen.inbox.ids.index(head)
            await pilot.press("l", "j", "x", "h")  # one version picked, the story folded
            await settle(pilot)
            (picked,) = screen.inbox.selected
            _, mark = story_row_and_mark(screen, members)
            assert mark == "–"
            await pilot.press("s")
            await settle(pilot)
            said = [s for s in seen if s.startswith("Only the picked versions")]
            assert said == [
                "Only the picked versions: 2 other versions of the half-picked story rows"
                " (–) were left as they were."
            ], seen
            assert {r.id for r in desk.rows(members) if r.starred} == {picked}
            # What was done is said too: the warning was the only notice, the star on a
            # version folded out of sight.
            assert any(s.startswith("Starred 1") for s in seen), seen
    finally:
        desk.close()
