"""`C` on a folded story row lets go of all this editor's claims on the story's
versions (day 33 review): an archived version's claim in the inbox, an unmatched
version's in a search. Leaving them was a claim nobody sees; `c` still claims only
the versions the row stands for.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.tui.app import NewsdeskApp
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW
from tests.tui.helpers import SIZE, record_notifications, search_for, settle
from tests.tui.test_story_row_in_a_search import _on_the_story_row, _story_of_three


async def test_C_on_a_story_row_lets_go_of_an_archived_versions_claim(tmp_path: Path) -> None:
    desk, members = _story_of_three(tmp_path)
    assert set(desk.claim(members[:1]).done) == set(members)
    desk.archive([members[2]])
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await _on_the_story_row(pilot, members)
            await pilot.press("C")
            await settle(pilot)
            assert any("Released 3" in said for said in seen), seen
            assert desk.claims(members) == {}
    finally:
        desk.close()


async def test_C_on_a_story_row_in_a_search_releases_the_versions_it_did_not_match(
    tmp_path: Path,
) -> None:
    desk, members = _story_of_three(tmp_path)
    desk.tag(members[:2], add=["pick"])
    assert set(desk.claim(members[:1]).done) == set(members)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await search_for(pilot, "tag:pick")
            await _on_the_story_row(pilot, members)
            await pilot.press("C")
            await settle(pilot)
            assert desk.claims(members) == {}
    finally:
        desk.close()
