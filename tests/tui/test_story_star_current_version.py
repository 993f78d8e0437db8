"""`s` and `t` on a folded wire story: they go to its current version, and say so.

Found in the real terminal: on the story row of the corrected Portugal storm copy
(four versions of one wire item), `s` said "Starred 1 of 4", `s` again "Starred 0
of 4" and the star stayed: the toggle decided from all four versions while the
store gives a star only to the current one (store/routing.py, TO_CURRENT_VERSION).
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from newsdesk.paths import Paths
from newsdesk.tui.modals.tag import TagDialog
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import main_screen, record_notifications, search_for, settle


async def _storm_story_row(pilot: Any) -> tuple[MainScreen, str, list[str]]:
    """`/portugal`, `z`: the cursor on the folded story row of the storm's four versions.
    Returns the screen, the current version and every version."""
    await settle(pilot)
    await search_for(pilot, "portugal")
    await pilot.press("z")
    await settle(pilot)
    screen = main_screen(pilot.app)
    desk = pilot.app.desk
    head = next(
        i
        for i in screen.inbox.ids
        if screen.results.is_story_row(i) and "Portugal" in (desk.get(i).meta.title or "")
    )
    screen.inbox.cursor = screen.inbox.ids.index(head)
    await settle(pilot)
    members = desk.story_members(screen.results.story_of_head[head])
    current = [i for i in members if not desk.get(i).superseded]
    assert len(members) == 4 and len(current) == 1
    return screen, current[0], members


async def test_s_twice_on_a_folded_wire_story_stars_then_unstars(
    make_app: AppFactory, wires: Paths
) -> None:
    app = make_app(wires)
    seen = record_notifications(app)
    async with app.run_test(size=(140, 40)) as pilot:
        _, current, members = await _storm_story_row(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert [r.id for r in app.desk.rows(members) if r.starred] == [current]
        assert "Starred the current version (of 4 versions); u to undo" in seen
        await pilot.press("s")
        await settle(pilot)
        assert not any(r.starred for r in app.desk.rows(members))
        assert "Unstarred the current version (of 4 versions); u to undo" in seen
        assert not any(" of 4 (u to undo)" in m for m in seen), seen


async def test_t_on_a_folded_wire_story_names_the_current_version(
    make_app: AppFactory, wires: Paths
) -> None:
    app = make_app(wires)
    seen = record_notifications(app)
    async with app.run_test(size=(140, 40)) as pilot:
        _, current, members = await _storm_story_row(pilot)
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.targets == 1  # the tag goes to one article, not "Tag 4 articles"
        dialog.query_one(Input).value = "+x"
        await pilot.press("enter")
        await settle(pilot)
        assert [r.id for r in app.desk.rows(members) if "x" in r.tags] == [current]
        assert "Tags +x on the current version (of 4 versions)" in seen
