"""Another editor's changes reach a running app by themselves (issue 16 item 4).

A second editor (a Desk of its own, as another process would have) stars,
archives and imports while the app shows the inbox with its cursor on the
third row: the counts, the rows and the list follow, and the cursor stays on
the article it was on. On SQLite both share the data directory's file; on
PostgreSQL one server (skipped, saying why, without one).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.desk.follow import ChangeFollower
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from newsdesk.store import STORE_ENV
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.search_runner import SearchRequest
from newsdesk.tui.widgets.desk_watch import DeskWatch
from newsdesk.tui.widgets.search_job import SearchJob
from tests.pg_support import pg_schema
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, settle, wait_until


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_paths(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Paths, Paths]]:
    """Twelve fictional articles on the backend; the app's and the other editor's data
    directories (one and the same on SQLite: the file is the desk)."""
    ana = make_paths(tmp_path / "ana")
    if request.param == "sqlite":
        monkeypatch.setenv(STORE_ENV, "")
        with Desk(ana) as desk:
            desk.add_extracted(sample_articles(12), "fixture")
        yield ana, ana
        return
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        with Desk(make_paths(tmp_path / "seed")) as desk:
            desk.add_extracted(sample_articles(12), "fixture")
        yield ana, make_paths(tmp_path / "bo")


def _desk(paths: Paths, editor: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    monkeypatch.setenv("NEWSDESK_EDITOR", editor)
    return Desk(paths)


async def test_another_editors_changes_show_without_moving_the_cursor(
    desk_paths: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewsdeskApp(_desk(desk_paths[0], "ana", monkeypatch), clock=lambda: FIXED_NOW)
    bo = _desk(desk_paths[1], "bo", monkeypatch)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await wait_until(pilot, lambda: len(screen.inbox.ids) == 12)
            await wait_until(pilot, lambda: screen.counts.get("inbox") == 12)
            await pilot.press("j", "j")
            current = screen.inbox.current_id
            top, second = screen.inbox.ids[0], screen.inbox.ids[1]
            bo.star([top])
            await wait_until(pilot, lambda: screen.counts.get("starred") == 1)
            bo.archive([second])
            await wait_until(pilot, lambda: second not in screen.inbox.ids)
            new = bo.add_extracted([_fresh()], "another desk")
            await wait_until(pilot, lambda: new[0] in screen.inbox.ids)
            assert screen.inbox.current_id == current
            row = screen.inbox.row(top)
            assert row is not None and row.starred
    finally:
        bo.close()
        app.desk.close()


def _fresh() -> Extracted:
    return Extracted(
        title="Lighthouse keepers return to Marrowby point",
        body="The keepers moved back into the lighthouse on Tuesday after repairs.",
        source="Marrowby Gazette",
        published="2026-03-14T11:30:00+00:00",
        url="https://example.org/live/lighthouse",
    )


async def test_the_apps_own_star_costs_no_second_redraw_or_search(
    desk_paths: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watch wakes for the app's own commit too; the Desk knows it made it, so the
    screen is not redrawn and searched a second time. Another editor's star still comes."""
    told: list[str] = []
    searches: list[str] = []
    real_changed = MainScreen.on_desk_watch_store_changed
    real_run = SearchJob.run

    def changed(screen: MainScreen, message: DeskWatch.StoreChanged) -> None:
        told.append("store changed")
        real_changed(screen, message)

    def run(job: SearchJob, request: SearchRequest) -> None:
        searches.append(request.query)
        real_run(job, request)

    monkeypatch.setattr(MainScreen, "on_desk_watch_store_changed", changed)
    monkeypatch.setattr(SearchJob, "run", run)
    app = NewsdeskApp(_desk(desk_paths[0], "ana", monkeypatch), clock=lambda: FIXED_NOW)
    bo = _desk(desk_paths[1], "bo", monkeypatch)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            watch = screen.query_one(DeskWatch)
            await wait_until(pilot, lambda: screen.counts.get("inbox") == 12)
            await wait_until(pilot, lambda: watch.follower is not None)
            follower = watch.follower
            assert isinstance(follower, ChangeFollower)
            await settle(pilot)
            searched = len(searches)
            top = screen.inbox.current_id
            await pilot.press("s")
            # The watch woke for the star and let it pass: its own commit.
            await wait_until(pilot, lambda: follower.skipped >= 1)
            await settle(pilot)
            assert told == []
            assert len(searches) == searched
            row = screen.inbox.row(top or "")
            assert row is not None and row.starred
            other = screen.inbox.ids[3]
            bo.star([other])
            await wait_until(pilot, lambda: len(told) >= 1)
            await wait_until(pilot, lambda: screen.counts.get("starred") == 2)
    finally:
        bo.close()
        app.desk.close()


async def test_an_empty_shared_desk_gets_no_sample_queue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first app start on a new shared desk imported the 59 fictional sample articles
    into the whole team's queue (and the desk was no longer empty to bring a personal
    queue into)."""
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        app = NewsdeskApp(
            _desk(make_paths(tmp_path / "ana"), "ana", monkeypatch), clock=lambda: FIXED_NOW
        )
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await settle(pilot)
            assert app.desk.counts()["total"] == 0
