"""The grouped view (`z`): a folded story row names the version it stands for, the one
the detail pane shows and the keys act on, whatever the sort and search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.stories.test_story_label import _opinion_story
from tests.tui.conftest import AppFactory, make_paths
from tests.tui.helpers import SIZE, main_screen, search_for, settle


def row_line(screen: Any, article_id: str) -> str:
    """The inbox row of `article_id` as drawn."""
    y = screen.inbox.ids.index(article_id) - round(screen.inbox.scroll_offset.y)
    return "".join(segment.text for segment in screen.inbox.render_line(y))


def opinion_desk(folder: Path) -> tuple[Paths, str, list[str], str, str]:
    """A desk holding `_opinion_story` (indexed): its paths, story, members, headlines."""
    paths = make_paths(folder)
    with Desk(paths) as desk:
        story, members, opinion, straight = _opinion_story(desk)
        desk.sync_index()
    return paths, story, members, opinion, straight


async def grouped_head(pilot: Any, story: str) -> str:
    """Group the inbox (`z`): the row that stands for `story`."""
    screen = main_screen(pilot.app)
    await pilot.press("z")
    await settle(pilot)
    return next(h for h, s in screen.results.story_of_head.items() if s == story)


async def test_the_story_row_reads_the_version_it_stands_for(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Newest first, the opinion piece ranks first: the row reads it (the detail pane shows
    it and keys act on it), and expanded, every version shows its own headline."""
    paths, story, members, opinion, straight = opinion_desk(tmp_path / "opinion")
    app = make_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        head = await grouped_head(pilot, story)
        assert head in members
        assert opinion[:30] in row_line(screen, head)
        while screen.inbox.current_id != head:
            await pilot.press("j")
        await pilot.press("l")
        await settle(pilot)
        shown = [
            "".join(s.text for s in screen.inbox.render_line(n))
            for n in range(screen.inbox.row_count)
        ]
        assert any(opinion[:30] in text for text in shown)
        assert any(straight[:30] in text for text in shown)


async def test_a_folded_row_in_a_search_names_the_article_the_pane_and_keys_use(
    make_app: AppFactory, paths: Paths
) -> None:
    """Sample data, `z`, `/veldhoven`: the row read "'Forever chemicals' ruling… The
    Ironbridge Standard" (the story's label) while the pane showed, and o/n/D/l took, the
    Tidewater version that ranks first. Under every sort, row and pane agree, and `l`
    keeps the same version at the head."""
    empty = paths.data_dir.parent / "fresh"
    app = make_app(Paths(empty / "data", empty / "config", empty / "cache"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        app.desk.sync_index()  # the sample import's index catch-up, done now
        screen = main_screen(app)
        await pilot.press("z")
        await settle(pilot)
        await search_for(pilot, "veldhoven")
        await settle(pilot)
        for _sort in range(3):
            head = screen.inbox.current_id
            assert head is not None and screen.inbox.ids[0] == head
            assert screen.detail.article_id == head
            row = app.desk.rows([head])[0]
            assert row.story_size > 1
            line = row_line(screen, head)
            assert row.title[:20] in line, (app.ui_state.sort, line, row.title)
            assert (row.source or "")[:10] in line
            await pilot.press("S")
            await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        head = screen.inbox.ids[0]
        assert screen.inbox.current_id == head
        assert app.desk.rows([head])[0].title[:20] in row_line(screen, head)


async def test_a_folded_rows_marks_follow_a_change_to_its_other_versions(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """The version a folded row stands for was read, the others not: `r` read them all
    (the counts said so) but the row kept its unread mark; `s` likewise kept "☆" for
    a story now starred whole. A change to any version redraws the row."""
    paths, story, members, _, _ = opinion_desk(tmp_path / "marks")
    app = make_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        head = await grouped_head(pilot, story)
        app.desk.mark_read([head], True)  # the head read elsewhere, its versions not
        app.desk.star([head], True)
        screen.inbox.invalidate()
        await settle(pilot)
        assert screen.inbox.rows_for([head])[0].story_unread > 0
        while screen.inbox.current_id != head:
            await pilot.press("j")
        await pilot.press("r", "s")
        await settle(pilot)
        assert all(row.read and row.starred for row in app.desk.rows(members))
        row = screen.inbox.rows_for([head])[0]
        assert row.story_unread == 0 and row.story_starred == row.story_size
        assert "★" in row_line(screen, head)
