"""The grouped view (`z`) names a story by its earliest straight report, not by the
newest version's "Opinion: ..." headline."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from tests.stories.test_story_label import _opinion_story
from tests.tui.conftest import AppFactory, make_paths
from tests.tui.helpers import SIZE, main_screen, settle


async def test_the_story_row_reads_the_straight_reports_headline(
    make_app: AppFactory, tmp_path: Path
) -> None:
    paths = make_paths(tmp_path / "opinion")
    with Desk(paths) as desk:
        story, members, _, straight = _opinion_story(desk)
        desk.sync_index()
    app = make_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        # Newest first: the opinion piece ranks first and stands for the story.
        await pilot.press("z")
        await settle(pilot)
        head = next(h for h, s in screen.results.story_of_head.items() if s == story)
        assert head in members
        y = screen.inbox.ids.index(head) - round(screen.inbox.scroll_offset.y)
        line = "".join(segment.text for segment in screen.inbox.render_line(y))
        assert straight[:30] in line and "Opinion" not in line
        # Expanded, the versions show their own headlines.
        while screen.inbox.current_id != head:
            await pilot.press("j")
        await pilot.press("l")
        await settle(pilot)
        shown = [
            "".join(s.text for s in screen.inbox.render_line(n))
            for n in range(screen.inbox.row_count)
        ]
        assert any("Opinion" in text for text in shown)
