"""Rows leaving the list above the cursor leave the cursor on its article.

Found in the real terminal: `g x j x j a` archived the two selected rows above the
cursor, and the cursor (and the detail pane) moved two rows down, onto an article
the editor had not looked at; the next `s` starred that one. Deleting did the
same, and so did a range archived in the one-row-per-story view.
"""

from __future__ import annotations

from typing import Any

from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def _select_two_above(pilot: Any) -> tuple[list[str], str]:
    """`g x j x j`: the two rows above the cursor selected. Returns them and the
    cursor's article."""
    screen = main_screen(pilot.app)
    await pilot.press("g", "x", "j", "x", "j")
    await settle(pilot)
    ids = screen.inbox.ids
    assert screen.inbox.selected == set(ids[:2])
    assert screen.inbox.current_id == ids[2]
    return ids[:2], ids[2]


async def test_archiving_rows_above_keeps_the_cursor_on_its_article(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        above, on = await _select_two_above(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert all(r.archived for r in app.desk.rows(above))
        assert screen.inbox.current_id == on
        assert screen.detail.article_id == on
        await pilot.press("s")  # acts on the article the editor was looking at
        await settle(pilot)
        starred = [r.id for r in app.desk.rows(app.desk.inbox_ids()) if r.starred]
        assert starred == [on]
        after = screen.inbox.ids[screen.inbox.cursor + 1]
        await pilot.press("a")  # the cursor's own row leaves: the next one, as before
        await settle(pilot)
        assert app.desk.rows([on])[0].archived
        assert screen.inbox.current_id == after


async def test_deleting_rows_above_keeps_the_cursor_on_its_article(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        above, on = await _select_two_above(pilot)
        await pilot.press("X")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert all(app.desk.get(i) is None for i in above)
        assert screen.inbox.current_id == on
        assert screen.detail.article_id == on


async def test_undo_of_rows_above_keeps_the_cursor_on_its_article(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        above, on = await _select_two_above(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert not any(r.archived for r in app.desk.rows(above))
        assert screen.inbox.ids[:3] == [*above, on]
        assert screen.inbox.current_id == on


async def test_story_view_range_archived_above_keeps_the_cursor_on_its_story(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("g", "x", "j", "V", "j")  # a range of two story rows, cursor below
        await settle(pilot)
        ids = screen.inbox.ids
        # Two story rows picked: the versions they stand for (the selection is articles).
        stories = {screen.results.story_of_head[h] for h in ids[:2]}
        versions = {i for i in screen.results.ids if screen.results.story_of.get(i) in stories}
        assert len(versions) == 4 and screen.inbox.selected == versions
        on = ids[2]
        await pilot.press("a")
        await settle(pilot)
        assert all(r.archived for r in app.desk.rows(ids[:2]))
        assert screen.inbox.current_id == on
        assert screen.detail.article_id == on
