"""`u` right after an import removes what it added; Del/X deletes after asking, undoably."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.confirm import ConfirmDialog
from newsdesk.tui.modals.prompt import PromptDialog
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    SIZE,
    main_screen,
    pick_two_then_search,
    record_notifications,
    search_for,
    settle,
    wait_until,
)

NOTE = (
    "---\ntitle: Lighthouse keepers vote to strike over rota\nsource: Test Gazette\n"
    "published: 2026-03-15T09:00:00+00:00\n---\n\nKeepers at the northern lights voted on "
    "Sunday to strike over a new rota, their union said.\n"
)


async def test_u_right_after_an_import_removes_it(make_app: AppFactory, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "keepers.md").write_text(NOTE, encoding="utf-8")
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert len(screen.inbox.ids) == 13
        await pilot.press("u")
        await settle(pilot)
        assert len(screen.inbox.ids) == 12
        titles = [r.title for r in screen.inbox.rows_for(screen.inbox.ids)]
        assert "Lighthouse keepers vote to strike over rota" not in titles
        assert any("Undid import on 1 article" in m for m in seen)
        assert screen.counts.get("total") == 12


async def test_delete_asks_then_u_brings_the_article_back(
    make_app: AppFactory, seeded: Paths
) -> None:
    with Desk(seeded) as desk:
        first = desk.inbox_ids()[0]
        desk.tag([first], add=["harbour"])
        desk.set_note(first, "check with the port")
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.inbox.current_id == first
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        # The question names the article (the dialog covers its row).
        title = app.desk.rows([first])[0].title
        assert f"Delete “{title[:80]}”?" in app.screen._question
        await pilot.press("n")  # declined: nothing happens
        await settle(pilot)
        assert first in screen.inbox.ids
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert first not in screen.inbox.ids and len(screen.inbox.ids) == 11
        assert any("Deleted 1 article" in m for m in seen)
        await pilot.press("u")
        await settle(pilot)
        assert first in screen.inbox.ids
    with Desk(seeded) as desk:
        article = desk.get(first)
        assert article is not None
        assert article.state.tags == ["harbour"] and article.state.note == "check with the port"


async def test_the_delete_question_counts_selected_articles_the_search_hides(
    make_app: AppFactory,
) -> None:
    """Two selected, then a search that shows neither: "Delete 2 articles?" said nothing
    of their being off screen (star and tag warn; delete, the one action asked, did not)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        picked = await pick_two_then_search(pilot, "minerals")
        assert not picked & set(screen.inbox.ids)
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "2 articles of them are not shown by this search" in app.screen._question
        await pilot.press("n")


def _ninjs(version: int, headline: str) -> str:
    return (
        f'{{"uri": "urn:test:quake-1", "version": "{version}", "versioncreated": '
        f'"2026-12-06T1{version}:00:00Z", "pubstatus": "usable", "headline": "{headline}", '
        '"type": "text", "body_text": "A magnitude 4.8 earthquake shook the harbour town of '
        'Emberly on Sunday morning, the geological survey said."}'
    )


async def test_deleting_wire_copy_s_current_version_brings_the_one_before_into_the_list(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    for n, headline in ((1, "Quake shakes Emberly harbour"), (2, "Quake hurts two in Emberly")):
        (tmp_path / f"v{n}.json").write_text(_ninjs(n, headline), encoding="utf-8")
    with Desk(seeded) as desk:
        (first,) = desk.import_paths([tmp_path / "v1.json"]).imported_ids
        (second,) = desk.import_paths([tmp_path / "v2.json"]).imported_ids
        assert second in desk.inbox_ids() and first not in desk.inbox_ids()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.inbox.cursor = screen.inbox.ids.index(second)
        await pilot.press("X")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        await settle(pilot)
        # The earlier version is current again: it takes the deleted row's place.
        assert second not in screen.inbox.ids and first in screen.inbox.ids
        assert len(screen.inbox.ids) == screen.counts.get("inbox")


async def test_the_header_counts_follow_the_rows_an_import_lists(
    make_app: AppFactory, tmp_path: Path
) -> None:
    # During an import the list grew while the header still said "0 unread".
    from newsdesk.tui.widgets.import_job import ImportJob

    (tmp_path / "keepers.md").write_text(NOTE, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        before = screen.counts.get("unread")
        app.desk.import_paths([tmp_path / "keepers.md"])  # the import worker's own write
        screen.post_message(ImportJob.Progressed(1, 2, 1, relist=True))
        await settle(pilot)
        assert len(screen.inbox.ids) == screen.counts.get("inbox")
        assert screen.counts.get("unread") == (before or 0) + 1


async def test_articles_held_back_by_the_relist_limit_join_without_waiting_for_the_next_file(
    make_app: AppFactory, tmp_path: Path
) -> None:
    # A file's articles stored within 2 s of the last relist waited for the next file's
    # progress, however long a slow file took to read.

    from newsdesk.tui.relist_pace import RELIST_EVERY
    from newsdesk.tui.widgets.import_job import ImportJob

    (tmp_path / "keepers.md").write_text(NOTE, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        job = screen.query_one(ImportJob)
        before = len(screen.inbox.ids)
        job.status = "importing 1/2 files (1 new)"  # as `start` sets it
        job._pace.restart(at_once=False)  # as `start` does
        app.desk.import_paths([tmp_path / "keepers.md"])  # the worker's first file, stored
        job.post_message(ImportJob.Progressed(1, 2, 1))  # too soon after the last relist
        await pilot.pause()
        assert len(screen.inbox.ids) == before
        # No further progress comes (the next file is slow): the timer lists it.
        await pilot.pause(RELIST_EVERY + 0.5)
        await settle(pilot)
        assert len(screen.inbox.ids) == before + 1


async def test_undoing_a_delete_under_a_search_puts_the_cursor_back_on_the_row(
    make_app: AppFactory,
) -> None:
    """Under a search, the restored row came back but the cursor stayed on the row below
    it: the search ran before the index had the article again. (And the search asked
    right after the delete showed the deleted row again until the index dropped it.)"""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await search_for(pilot, "report")
        await settle(pilot)
        assert len(screen.inbox.ids) > 3
        await pilot.press("g", "j")
        await settle(pilot)
        target = screen.inbox.current_id
        assert target is not None
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await wait_until(pilot, lambda: target not in screen.inbox.ids)
        await settle(pilot)
        assert target not in main_screen(app).inbox.ids  # the search asked again skips it
        app.desk.sync_index()  # the app's index writer drops it (in the background there)
        await pilot.press("u")
        await settle(pilot)
        app.desk.sync_index()  # ... and takes it back a moment after the undo's search
        await wait_until(pilot, lambda: screen.inbox.current_id == target)
