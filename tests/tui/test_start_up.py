"""Start-up: the first frame already holds the newest rows; the footer is rebuilt only on change."""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.search_runner import HEAD_ROWS
from newsdesk.tui.widgets.search_job import SearchJob
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def test_first_rows_need_no_search_worker(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[object] = []
    monkeypatch.setattr(SearchJob, "run", lambda self, request: started.append(request))
    with Desk(seeded) as desk:
        head = desk.inbox_head(HEAD_ROWS)
    assert head
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.inbox.ids == head  # painted from the mount, not from a worker
        assert started, "the whole inbox is still asked for"
        assert screen.results.partial  # ...and the list knows it is only a screenful


async def test_saved_query_waits_for_its_search(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SearchJob, "run", lambda self, request: None)
    app = make_app()
    app.ui_state.query = "strike"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert main_screen(app).inbox.ids == []  # never the unfiltered inbox under a query


async def test_footer_rebuilt_only_when_its_keys_change(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        refreshed: list[int] = []
        screen.refresh_bindings = lambda: refreshed.append(1)  # type: ignore[method-assign]
        screen.update_status()
        screen.update_status()
        assert refreshed == []  # same keys valid: no rebuild
        assert screen.check_action("clear", ()) is False
        await pilot.press("x")  # a selection: Esc now clears it
        await settle(pilot)
        assert refreshed == [1]
        assert screen.check_action("clear", ()) is True


async def test_keys_make_background_indexing_give_way(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    held: list[float] = []
    monkeypatch.setattr(app.desk, "user_active", lambda seconds=0.3: held.append(seconds))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(held)
        await pilot.press("j", "j", "k")
        assert len(held) - before >= 3  # each key (a bubbling key reaches the App twice)
