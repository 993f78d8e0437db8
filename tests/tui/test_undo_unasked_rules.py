"""`u` after articles arrived by themselves asks before it takes back what the rules did.

A due feed fetched in the background (or a watched folder) brought an article a rule
tagged, after the editor's star: `u` said "Undid rules ferry on 1 article" and the
star stayed, though the editor had pressed `u` for the star.
"""

from __future__ import annotations

from typing import Any

from newsdesk.model import ArticleState, Extracted
from newsdesk.tui.modals.confirm import ConfirmDialog
from newsdesk.tui.widgets.fetch_job import FetchJob
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle


def arrive(app: Any, title: str) -> list[str]:
    """A due feed's item about a ferry, stored by the app's own desk as its fetch does."""
    item = Extracted(
        title=title,
        body=f"{title}, the harbour board's clerk said on Monday.",
        published="2026-03-14T12:00:00+00:00",
        source="Quay News",
    )
    stored: list[str] = app.desk.add_extracted([item], "http://127.0.0.1/quay.xml")
    return stored


def state(app: Any, article_id: str) -> ArticleState:
    article = app.desk.get(article_id)
    assert article is not None
    return article.state


async def star_under_a_ferry_rule(app: Any, pilot: Any) -> str:
    """A rule tags ferry items; the editor stars the cursor's row: its id."""
    await settle(pilot)
    app.desk.add_rule("ferries", "ferry", ["+ferry-desk"])
    starred = main_screen(app).inbox.current_id
    assert starred is not None
    await pilot.press("s")
    await settle(pilot)
    return str(starred)


async def test_u_after_a_background_fetch_asks_before_undoing_the_rules(
    make_app: AppFactory,
) -> None:
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        starred = await star_under_a_ferry_rule(app, pilot)
        screen = main_screen(app)
        # A due feed's item, stored by the app's own desk as its background fetch does.
        [arrived] = arrive(app, "Ferry timetable approved for winter")
        assert state(app, arrived).tags == ["ferry-desk"]
        screen.query_one(FetchJob).post_message(FetchJob.Finished(new=1, feeds=1, background=True))
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "arrived by themselves" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")
        await settle(pilot)
        assert "Nothing undone." in seen
        assert state(app, arrived).tags == ["ferry-desk"]
        assert state(app, starred).starred
        # Asked once: the next `u` takes the rules' step back, then the star.
        await pilot.press("u")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert state(app, arrived).tags == []
        assert state(app, starred).starred
        await pilot.press("u")
        await settle(pilot)
        assert not state(app, starred).starred


async def test_u_after_a_fetch_the_editor_asked_for_undoes_the_rules_at_once(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        app.desk.add_rule("ferries", "ferry", ["+ferry-desk"])
        [arrived] = arrive(app, "Ferry fares frozen")
        screen.query_one(FetchJob).post_message(FetchJob.Finished(new=1, feeds=1))
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert state(app, arrived).tags == []


async def test_each_step_the_rules_took_by_themselves_is_asked_about(
    make_app: AppFactory,
) -> None:
    """Two arrivals (a due feed, then a watched folder) after the editor's star: the
    first `u` asked and took back the folder's rules; the second took back the feed's
    without a word, though the dialog had said the next `u` would take the star."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        starred = await star_under_a_ferry_rule(app, pilot)
        screen = main_screen(app)
        [first] = arrive(app, "Ferry timetable approved for winter")
        screen.query_one(FetchJob).post_message(FetchJob.Finished(new=1, feeds=1, background=True))
        await settle(pilot)
        [second] = arrive(app, "Ferry crews agree new rota")
        screen.query_one(FetchJob).post_message(FetchJob.Finished(new=1, feeds=1, background=True))
        await settle(pilot)
        for arrived in (second, first):
            await pilot.press("u")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog), arrived
            await pilot.press("y")
            await settle(pilot)
            assert state(app, arrived).tags == []
            assert state(app, starred).starred
        await pilot.press("u")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert not state(app, starred).starred
