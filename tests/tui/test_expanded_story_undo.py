"""An open story follows an undo: the version an archive took out comes back under it.

Grouped view, a story of three opened with `l`, one version archived with `a`, then
`u`: the header counted three but the list showed two until the story was folded
and opened again.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from tests.tui.conftest import AppFactory, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, settle


async def test_undoing_an_archive_inside_an_open_story_shows_the_version_again(
    make_app: AppFactory, tmp_path: Path
) -> None:
    paths = make_paths(tmp_path / "threes")
    with Desk(paths) as desk:
        desk.add_extracted(sample_articles(18), "fixture")  # six stories of three
        desk.sync_index()
    app = make_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("z")
        await settle(pilot)
        head = screen.inbox.current_id
        assert head is not None and head in screen.results.story_of_head
        await pilot.press("l")
        await settle(pilot)
        opened = list(screen.inbox.ids[:3])
        assert opened[0] == head and [screen.inbox.depth_at(n) for n in range(3)] == [0, 1, 1]
        await pilot.press("j", "a")
        await settle(pilot)
        assert opened[1] not in screen.inbox.ids
        await pilot.press("u")
        await settle(pilot)
        assert screen.inbox.ids[:3] == opened
        assert [screen.inbox.depth_at(n) for n in range(3)] == [0, 1, 1]
