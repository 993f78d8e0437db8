"""`u` once a running import has stored part of its files: nothing is taken back (it
removed the part stored while the rest went on arriving, and the log and `L` then told
another story); the editor is told, and once the import ends `u` takes it back whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    SIZE,
    harbour_pages,
    main_screen,
    pause_import_after,
    record_notifications,
    settle,
    wait_until,
)


async def test_u_mid_import_takes_nothing_back(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stored_two, go_on = pause_import_after(monkeypatch, 2)
    drop = harbour_pages(
        tmp_path / "drop", ("pier", "lighthouse", "slipway", "boathouse", "breakwater")
    )
    app = make_app()
    messages = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            before = app.desk.count()
            screen.import_paths([drop])
            await wait_until(pilot, stored_two.is_set)
            assert app.desk.count() == before + 2
            await pilot.press("u")
            await wait_until(pilot, lambda: any("still running" in m for m in messages))
            assert app.desk.count() == before + 2  # nothing taken back
            go_on.set()
            await wait_until(pilot, lambda: app.desk.count() == before + 5)
            await settle(pilot)
            await pilot.press("u")  # finished: one step, taken back whole
            await wait_until(pilot, lambda: app.desk.count() == before)
            assert not any(m.startswith("Undid import on 2") for m in messages)
    finally:
        go_on.set()


async def test_u_mid_big_import_says_so_without_asking(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """More than 20 articles stored so far: `u` asked "Undo import of 22 articles?" and a
    yes was refused ("The import is still running"). Now it says so at once."""
    from newsdesk.tui.modals.confirm import ConfirmDialog

    stored, go_on = pause_import_after(monkeypatch, 22)
    drop = harbour_pages(tmp_path / "drop", tuple(f"pier{n}" for n in range(25)))
    app = make_app()
    messages = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            before = app.desk.count()
            screen.import_paths([drop])
            await wait_until(pilot, stored.is_set)
            await pilot.press("u")
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmDialog)
            assert any("still running" in m for m in messages), messages
            assert app.desk.count() == before + 22  # nothing taken back
            go_on.set()
            await wait_until(pilot, lambda: app.desk.count() == before + 25)
            await settle(pilot)
            await pilot.press("u")  # finished: a big step, asked about, then taken back
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("y")
            await wait_until(pilot, lambda: app.desk.count() == before)
    finally:
        go_on.set()
