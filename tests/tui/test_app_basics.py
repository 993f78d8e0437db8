"""Pilot tests: the list, the detail pane, movement and the triage keys."""

from __future__ import annotations

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def test_list_shows_inbox_newest_first(make_app: AppFactory, seeded: Paths) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        with Desk(seeded) as desk:
            assert screen.inbox.ids == desk.inbox_ids()
        assert len(screen.inbox.ids) == 12
        assert screen.inbox.cursor == 0


async def test_movement_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = main_screen(app).inbox
        await pilot.press("j", "j", "down")
        assert inbox.cursor == 3
        await pilot.press("k", "up")
        assert inbox.cursor == 1
        await pilot.press("G")
        assert inbox.cursor == 11
        await pilot.press("g")
        assert inbox.cursor == 0
        await pilot.press("end")
        assert inbox.cursor == 11
        await pilot.press("home", "pagedown")
        assert inbox.cursor > 1
        await pilot.press("ctrl+u")
        assert inbox.cursor == 0


async def test_detail_follows_cursor(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("j")
        await settle(pilot)
        assert screen.detail.article_id == screen.inbox.ids[1]


async def test_star_read_archive_persist_across_restart(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first, second, third = screen.inbox.ids[:3]
        await pilot.press("s")  # star the first
        await pilot.press("j", "r")  # mark the second read
        await pilot.press("j", "a")  # archive the third
        await settle(pilot)
        assert third not in screen.inbox.ids
        assert len(screen.inbox.ids) == 11
    with Desk(seeded) as desk:
        by_id = {r.id: r for r in desk.rows([first, second, third])}
    assert by_id[first].starred and not by_id[first].read
    assert by_id[second].read and not by_id[second].starred
    assert by_id[third].archived

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert third not in screen.inbox.ids
        row = screen.inbox.row(first)
        assert row is not None and row.starred


async def test_toggles_turn_back_off(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = main_screen(app).inbox
        first = inbox.ids[0]
        await pilot.press("s", "s", "r", "r")
        row = inbox.row(first)
        assert row is not None and not row.starred and not row.read


async def test_enter_opens_and_marks_read(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.ids[0]
        await pilot.press("enter")
        await settle(pilot)
        row = screen.inbox.row(first)
        assert row is not None and row.read
        assert screen.detail.has_focus
        assert screen.detail.article_id == first
