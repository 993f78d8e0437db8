"""The cursor comes back to its article after a restart, as the query, sort and grouping do."""

from __future__ import annotations

from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, search_for, settle


async def test_the_cursor_returns_to_its_article_after_a_restart(
    make_app: AppFactory, seeded: Paths
) -> None:
    """The query, sort and grouping came back; the cursor was on the top row again."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "j")
        await settle(pilot)
        chosen = main_screen(app).inbox.current_id
        assert chosen is not None and main_screen(app).inbox.cursor == 5
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert screen.inbox.current_id == chosen
        # Gone by the next start (deleted from a shell): the cursor starts at the top.
        again.desk.delete([chosen])
    third = make_app()
    async with third.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(third)
        assert screen.inbox.cursor == 0 and screen.inbox.current_id != chosen


async def test_the_cursor_returns_within_a_restored_search(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "is:unread")
        await settle(pilot)
        screen = main_screen(app)
        assert len(screen.inbox.ids) > 1
        await pilot.press("G")
        await settle(pilot)
        chosen = screen.inbox.current_id
        assert chosen is not None and screen.inbox.cursor > 0
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert screen.results.query == "is:unread"
        assert screen.inbox.current_id == chosen
