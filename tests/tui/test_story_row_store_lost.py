"""An action on a folded story row while the store cannot be read is refused, whole.

A folded row stands for every version of its story; they are read when the key is
pressed. With the shared desk's connection gone, that read failed and was taken for
"no versions": `s` starred the head alone ("star 1 article(s)") and `a` said
"Archived 1 of 1" over a row of five, with no word of the store. Now the action
is refused with the store's own message, as a write on a single row is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdesk.desk import Desk
from newsdesk.errors import StoreUnreachableError
from newsdesk.paths import Paths
from newsdesk.store import STORE_ENV
from newsdesk.tui.app import NewsdeskApp
from newsdesk.uistate import UIState
from tests.pg_support import pg_schema, server_url
from tests.tui.conftest import FIXED_NOW, AppFactory, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle

LOST = "cannot reach the shared desk at postgresql://desk@db/desk (server closed)"


def _members_unreadable(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_story_id: str, **_options: object) -> list[str]:
        raise StoreUnreachableError(LOST)

    monkeypatch.setattr(desk, "story_members", fail)


@pytest.mark.parametrize("key", ["s", "a", "r", "c"])
async def test_a_mark_on_a_story_row_is_refused_when_its_versions_cannot_be_read(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    app = make_app(ui_state=UIState(grouped=True), save_state=False)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        head = screen.inbox.current_id
        assert head is not None and screen.results.is_story_row(head)
        steps = len(app.desk.history(50))
        _members_unreadable(app.desk, monkeypatch)
        await pilot.press(key)
        await settle(pilot)
        assert LOST in seen
        assert not any("Archived" in m or "Starred" in m for m in seen)
        assert len(app.desk.history(50)) == steps  # nothing written, not even the head
        assert not app.desk.claims([head])
        assert head in screen.inbox.ids


@pytest.mark.parametrize("key", ["e", "t", "delete", "l"])
async def test_no_dialog_opens_for_a_story_row_whose_versions_cannot_be_read(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    app = make_app(ui_state=UIState(grouped=True), save_state=False)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        head = screen.inbox.current_id
        assert head is not None
        _members_unreadable(app.desk, monkeypatch)
        await pilot.press(key)
        await settle(pilot)
        assert LOST in seen
        assert app.screen is screen  # no export, tag or delete dialog over a part of it
        assert screen.results.is_story_row(head)  # `l` left it folded, not open and empty


async def test_a_selected_story_row_is_refused_too(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(ui_state=UIState(grouped=True), save_state=False)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        # Picking a story row picks the versions it stands for: read then, or refused then
        # (nothing picked, not its headline version alone).
        _members_unreadable(app.desk, monkeypatch)
        await pilot.press("space")
        await settle(pilot)
        assert LOST in seen
        assert not screen.inbox.selected


@pytest.fixture
def shared_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Paths]:
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        monkeypatch.setenv("NEWSDESK_EDITOR", "ana")
        paths = make_paths(tmp_path / "ana")
        with Desk(paths) as desk:
            desk.add_extracted(sample_articles(12), "fixture")
        yield paths


def _drop_connections(desk: Desk) -> None:
    """End this desk's server sessions (as `pg_terminate_backend` from psql did), and
    only its own: other tests share the server and its role."""
    import psycopg

    connections: Any = desk.store._db  # type: ignore[attr-defined]
    pids = [conn.info.backend_pid for _thread, conn in connections._all.values()]
    with psycopg.connect(server_url(), autocommit=True) as admin:
        for pid in pids:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


async def test_a_star_on_a_story_row_right_after_the_connection_dropped_is_refused(
    shared_desk: Paths,
) -> None:
    desk = Desk(shared_desk)
    app = NewsdeskApp(
        desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True), save_state=False
    )
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            head = screen.inbox.current_id
            assert head is not None and screen.results.is_story_row(head)
            _drop_connections(desk)
            await pilot.press("s")
            await settle(pilot)
            assert any("cannot reach the shared desk" in m for m in seen)
            assert not [r for r in desk.history(10) if r.kind == "star"]
    finally:
        desk.close()


async def test_opening_a_version_to_read_all_with_the_store_gone_says_so(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With "read one, read all" on, Enter read the story's versions on the UI thread,
    unguarded: a store gone away raised there and ended the app with a traceback."""
    from newsdesk.config import Settings

    app = make_app(settings=Settings(read_all_versions=True), save_state=False)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("g")
        await settle(pilot)
        opened = screen.inbox.current_id
        row = screen.inbox.row(opened) if opened else None
        assert row is not None and row.story_size > 1 and not row.read

        def fail(_ids: object, **_options: object) -> list[str]:
            raise StoreUnreachableError(LOST)

        monkeypatch.setattr(app.desk, "with_versions", fail)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and LOST in seen
        assert not app.desk.rows([opened or ""])[0].read  # not this version alone for its story
