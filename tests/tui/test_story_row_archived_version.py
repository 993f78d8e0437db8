"""A folded story row counts and acts on the versions the view shows: an archived
version only in a view of the archive.

A story of three, one version archived (from a shell, or in the ungrouped list): the
inbox's story row still said "+2", and `s` on it said "Starred 3 of 3", starring the
archived version too. The same for read, tag, export and a selected story row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsdesk.desk import Desk
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import MainScreen
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, record_notifications, search_for, settle


def _story_of_three(tmp_path: Path) -> tuple[Desk, list[str], str]:
    """Eighteen fictional articles (stories of three); one version of the first story
    archived. The desk, the story's versions, the archived one."""
    desk = Desk(make_paths(tmp_path))
    desk.add_extracted(sample_articles(18), "fixture")
    story = desk.stories()[0]
    members = [m.id for m in story.members]
    assert len(members) == 3
    desk.archive([members[-1]])
    return desk, members, members[-1]


async def _on_the_story_row(pilot: Any, members: list[str]) -> tuple[MainScreen, str]:
    screen = main_screen(pilot.app)
    await settle(pilot)
    head = screen.results.head_of(members[0])
    assert head is not None and screen.results.is_story_row(head)
    screen.inbox.cursor = screen.inbox.ids.index(head)
    await settle(pilot)
    return screen, head


async def test_the_story_row_counts_and_stars_the_versions_in_the_inbox(
    tmp_path: Path,
) -> None:
    desk, members, archived = _story_of_three(tmp_path)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen, head = await _on_the_story_row(pilot, members)
            row = screen.inbox.row(head)
            assert row is not None and row.story_size == 2  # drawn "+1", not "+2"
            assert " +1 " in screen.inbox.render_line(screen.inbox.cursor).text
            await pilot.press("s")
            await settle(pilot)
            assert "Starred 2 of 2 (u to undo)" in seen, seen
            starred = {r.id for r in desk.rows(members) if r.starred}
            assert starred == set(members) - {archived}
            await pilot.press("r")
            await settle(pilot)
            assert not desk.rows([archived])[0].read
            await pilot.press("x", "t")  # selected, then tagged: the dialog counts two
            await settle(pilot)
            from newsdesk.tui.modals.tag import TagDialog

            assert isinstance(app.screen, TagDialog) and app.screen.targets == 2
            await pilot.press("escape", "escape")
            await settle(pilot)
            # A view with the archive in it (in:all): the row stands for all three again.
            await search_for(pilot, "in:all")
            screen, head = await _on_the_story_row(pilot, members)
            row = screen.inbox.row(head)
            assert row is not None and row.story_size == 3
            await pilot.press("s")  # two of three starred: the third too
            await settle(pilot)
            assert "Starred 1 (u to undo); 2 were already starred" in seen, seen
            assert desk.rows([archived])[0].starred
    finally:
        desk.close()
