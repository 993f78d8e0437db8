"""A `j` pressed just before an import ends is the editor's: the import's end does not
undo it.

The import the editor asked for (`i`) puts the cursor on the first article it brought
in. An editor who moved on while it ran (a `j` a moment before it ended) saw the list
jump back to the imported row. Now the end moves the cursor only when the editor has
not moved it since the import began, and otherwise says where the new articles are.
"""

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


async def test_a_move_during_the_import_is_kept(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = harbour_pages(tmp_path / "pages", ("pier", "slipway"))
    stored, go_on = pause_import_after(monkeypatch, 2)
    app = make_app()
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            await pilot.press("g")
            before = app.desk.count()
            await pilot.press("i")
            await pilot.pause()
            from textual.widgets import Input

            app.screen.query_one(Input).value = str(folder)
            await pilot.press("enter")
            await wait_until(pilot, stored.is_set)  # both stored, the import not ended
            await pilot.pause()
            await pilot.press("j", "j")
            moved_to = screen.inbox.current_id
            go_on.set()
            await wait_until(pilot, lambda: app.desk.count() == before + 2)
            await wait_until(pilot, lambda: not screen.import_job.status)
            await settle(pilot)
            assert screen.inbox.current_id == moved_to
            said = [m for m in seen if "the cursor stays where you moved it" in m]
            assert said and said[0].startswith("Imported 2 articles; "), seen
            assert "the first is row" in said[0]
            # One notice says it: the count was said twice ("Imported 2 articles.").
            assert [m for m in seen if "2 articles" in m] == said[:1], seen
    finally:
        go_on.set()


async def test_an_import_into_an_empty_list_goes_to_its_first_article(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list was empty when the import began, so no row was the editor's: a relist
    while it ran put the cursor on its first row, and the end took that for a move."""
    folder = harbour_pages(tmp_path / "pages", ("pier", "slipway"))
    stored, go_on = pause_import_after(monkeypatch, 2)
    app = make_app()
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            app.desk.archive(app.desk.inbox_ids())
            screen.refresh_results()
            await wait_until(pilot, lambda: screen.inbox.current_id is None)
            before = app.desk.count()
            await pilot.press("i")
            await pilot.pause()
            from textual.widgets import Input

            app.screen.query_one(Input).value = str(folder)
            await pilot.press("enter")
            await wait_until(pilot, stored.is_set)
            screen.refresh_results()  # the import's own relist, while it runs
            await wait_until(pilot, lambda: screen.inbox.current_id is not None)
            go_on.set()
            await wait_until(pilot, lambda: app.desk.count() == before + 2)
            await wait_until(pilot, lambda: not screen.import_job.status)
            await settle(pilot)
            assert not [m for m in seen if "the cursor stays where you moved it" in m], seen
            assert len(app.desk.inbox_ids()) == 2
            assert screen.inbox.cursor == 0  # the first of them listed
    finally:
        go_on.set()
