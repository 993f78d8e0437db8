"""The row under the cursor archived or deleted elsewhere: said, and the next key held.

Another editor (or a shell, or a second window) archives the article the cursor is
on; the list catches up and the cursor lands on the neighbour. That was silent, and
an `s` pressed a moment later starred the neighbour. The list says which article
went and who took it now, and a key acting on the cursor's row right after that is
refused with the same words; pressed again, it acts. On SQLite (another process
on the same file) and on PostgreSQL (another editor; skipped without a server).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.store import STORE_ENV
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.flows import changed_elsewhere
from newsdesk.uistate import UIState
from tests.pg_support import pg_schema
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_paths(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Paths, Paths]]:
    """Twelve fictional articles; the app's and the other editor's data directories
    (one and the same on SQLite: the file is the desk)."""
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


@pytest.fixture
def long_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key is refused for as long as the test takes to press it (a busy machine)."""
    monkeypatch.setattr(changed_elsewhere, "HOLD_S", 60.0)


def _desk(paths: Paths, editor: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    monkeypatch.setenv("NEWSDESK_EDITOR", editor)
    return Desk(paths)


@pytest.mark.usefixtures("long_hold")
async def test_an_archive_elsewhere_is_said_and_the_next_star_is_refused(
    desk_paths: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewsdeskApp(_desk(desk_paths[0], "ana", monkeypatch), clock=lambda: FIXED_NOW)
    seen = record_notifications(app)
    bo = _desk(desk_paths[1], "bo", monkeypatch)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await wait_until(pilot, lambda: len(screen.inbox.ids) == 12)
            await settle(pilot)
            await pilot.press("j", "j")
            gone = screen.inbox.current_id
            assert gone is not None
            bo.archive([gone])
            await wait_until(pilot, lambda: screen.inbox.current_id not in (gone, None))
            neighbour = screen.inbox.current_id
            assert "The article under the cursor was archived by bo." in " ".join(seen)
            await pilot.press("s")
            await settle(pilot)
            assert not bo.rows([neighbour or ""])[0].starred
            assert any(
                m.startswith("The article under the cursor was archived by bo.")
                and "Nothing done" in m
                for m in seen
            )
            await pilot.press("s")  # again, knowingly: the row shown now
            await wait_until(pilot, lambda: bool(bo.rows([neighbour or ""])[0].starred))
    finally:
        bo.close()
        app.desk.close()


@pytest.mark.usefixtures("long_hold")
async def test_a_story_row_deleted_from_another_window_refuses_the_next_star(
    desk_paths: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = _desk(desk_paths[0], "ana", monkeypatch)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    window = _desk(desk_paths[1], "ana", monkeypatch)  # the same editor elsewhere
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await wait_until(pilot, lambda: screen.results.story_rows() == 6)
            await settle(pilot)
            await pilot.press("j")
            head = screen.inbox.current_id
            assert head is not None and screen.results.is_story_row(head)
            story = screen.results.story_of_head[head]
            other = next(m for m in window.story_members(story) if m != head)
            # One version of the story goes: the row is still the story highlighted.
            window.archive([head])
            await wait_until(pilot, lambda: screen.inbox.current_id == other)
            assert screen.results.is_story_row(other)
            assert not any("under the cursor" in m for m in seen)
            # The whole story goes: the cursor is on another story's row now.
            window.delete([other])
            await wait_until(pilot, lambda: screen.inbox.current_id not in (other, None))
            # Worded as the undo words it (day 33: "from another window or a shell").
            said = (
                "The article under the cursor was deleted by you, from the command line"
                " or another window"
            )
            assert said in " ".join(seen)
            steps = len(window.history(50))
            await pilot.press("s")
            await settle(pilot)
            assert len(window.history(50)) == steps  # nothing starred
    finally:
        window.close()
        desk.close()


async def test_once_the_moment_has_passed_the_key_acts(
    desk_paths: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changed_elsewhere, "HOLD_S", 0.0)
    app = NewsdeskApp(_desk(desk_paths[0], "ana", monkeypatch), clock=lambda: FIXED_NOW)
    seen = record_notifications(app)
    bo = _desk(desk_paths[1], "bo", monkeypatch)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await wait_until(pilot, lambda: len(screen.inbox.ids) == 12)
            await settle(pilot)
            await pilot.press("j")
            gone = screen.inbox.current_id
            bo.archive([gone or ""])
            await wait_until(pilot, lambda: screen.inbox.current_id not in (gone, None))
            neighbour = screen.inbox.current_id
            assert "The article under the cursor was archived by bo." in " ".join(seen)
            await pilot.press("s")
            await wait_until(pilot, lambda: bool(bo.rows([neighbour or ""])[0].starred))
    finally:
        bo.close()
        app.desk.close()


@pytest.mark.usefixtures("long_hold")
async def test_a_key_right_after_the_reader_went_back_to_the_list_is_refused(
    desk_paths: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewsdeskApp(_desk(desk_paths[0], "ana", monkeypatch), clock=lambda: FIXED_NOW)
    seen = record_notifications(app)
    bo = _desk(desk_paths[1], "bo", monkeypatch)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await wait_until(pilot, lambda: len(screen.inbox.ids) == 12)
            await settle(pilot)
            await pilot.press("j", "enter")
            await settle(pilot)
            gone = screen.inbox.current_id
            assert gone is not None and screen.detail.has_focus
            bo.archive([gone])
            await wait_until(pilot, lambda: screen.inbox.current_id not in (gone, None))
            await wait_until(pilot, lambda: screen.inbox.has_focus)
            neighbour = screen.inbox.current_id
            assert "The article you were reading was archived by bo." in seen
            await pilot.press("a")
            await settle(pilot)
            assert not bo.rows([neighbour or ""])[0].archived
            assert any("Nothing done" in m for m in seen)
    finally:
        bo.close()
        app.desk.close()


@pytest.mark.usefixtures("long_hold")
async def test_a_selection_key_is_held_too(
    desk_paths: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`x s` right after the row went: `x` selected the neighbour, unheld, and the
    selection then took `s` past the hold ("Starred 3 of 3" on a row never seen)."""
    app = NewsdeskApp(_desk(desk_paths[0], "ana", monkeypatch), clock=lambda: FIXED_NOW)
    seen = record_notifications(app)
    bo = _desk(desk_paths[1], "bo", monkeypatch)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await wait_until(pilot, lambda: len(screen.inbox.ids) == 12)
            await settle(pilot)
            await pilot.press("j", "j")
            gone = screen.inbox.current_id
            assert gone is not None
            bo.archive([gone])
            await wait_until(pilot, lambda: screen.inbox.current_id not in (gone, None))
            await pilot.press("x")
            await settle(pilot)
            assert not screen.inbox.selected
            assert any("Nothing done" in m for m in seen)
    finally:
        bo.close()
        app.desk.close()
