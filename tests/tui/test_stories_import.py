"""Grouped view (expand/collapse versions), import from a path, sample data on first run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths, sample_data_dir
from newsdesk.tui.modals.confirm import ConfirmDialog
from newsdesk.tui.modals.prompt import PromptDialog
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until


def story_with_versions(desk: Desk) -> tuple[str, list[str]]:
    story_of = desk.story_map()
    stories: dict[str, list[str]] = {}
    for article_id, story in story_of.items():
        stories.setdefault(story, []).append(article_id)
    story, members = max(stories.items(), key=lambda kv: len(kv[1]))
    return story, members


async def test_first_run_imports_sample_data_then_groups_stories(
    make_app: AppFactory, paths: Paths
) -> None:
    sample = sample_data_dir()
    assert sample is not None
    empty = paths.data_dir.parent / "fresh"
    fresh = Paths(empty / "data", empty / "config", empty / "cache")
    app = make_app(fresh)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = main_screen(app)
        total = app.desk.counts()["total"]
        assert total > 10
        assert any(
            s.startswith(f"Imported {total:,} sample articles (fictional)")
            and "u right away takes them back out" in s
            for s in seen
        )
        assert len(screen.inbox.ids) == app.desk.counts()["inbox"]
        _story, members = story_with_versions(app.desk)
        assert len(members) >= 2
        # Group: one row per story.
        await pilot.press("z")
        await settle(pilot)
        assert app.ui_state.grouped
        shown_members = [m for m in members if m in screen.inbox.ids]
        assert len(shown_members) == 1
        head = shown_members[0]
        screen.inbox.cursor = screen.inbox.ids.index(head)
        await pilot.press("l")
        await settle(pilot)
        assert set(members) <= set(screen.inbox.ids)
        index = screen.inbox.ids.index(head)
        assert screen.inbox.depth_at(index + 1) == 1
        await pilot.press("j", "h")  # collapse from a version row
        await settle(pilot)
        assert [m for m in members if m in screen.inbox.ids] == [head]
        assert screen.inbox.current_id == head
        await pilot.press("enter")  # enter on a story row expands it
        await settle(pilot)
        assert set(members) <= set(screen.inbox.ids)
    # The grouped view persists.
    again = make_app(fresh)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.ui_state.grouped
        assert len(main_screen(again).inbox.ids) < again.desk.counts()["inbox"]


async def test_l_on_the_flat_list_says_it_switched_to_one_row_per_story(
    make_app: AppFactory, paths: Paths
) -> None:
    empty = paths.data_dir.parent / "fresh"
    app = make_app(Paths(empty / "data", empty / "config", empty / "cache"))
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = main_screen(app)
        assert not app.ui_state.grouped
        _story, members = story_with_versions(app.desk)
        screen.inbox.cursor = screen.inbox.ids.index(
            next(m for m in members if m in screen.inbox.ids)
        )
        await pilot.press("l")
        await settle(pilot)
        assert app.ui_state.grouped and set(members) <= set(screen.inbox.ids)
        assert "One row per story now; z for one row per article." in seen
        await pilot.press("z")
        await settle(pilot)
        assert not app.ui_state.grouped


async def test_import_dialog_imports_a_folder(make_app: AppFactory, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "note.md").write_text(
        "---\ntitle: Harbour bridge reopens after repairs\nsource: Test Gazette\n"
        "published: 2026-03-14T09:00:00+00:00\n---\n\nThe harbour bridge reopened on Saturday "
        "after eight months of repairs, the city said.\n",
        encoding="utf-8",
    )
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        from textual.widgets import Input

        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert len(screen.inbox.ids) == 13
        titles = [r.title for r in screen.inbox.rows_for(screen.inbox.ids)]
        assert "Harbour bridge reopens after repairs" in titles
        assert any("Imported 1 article." in m for m in seen)


async def test_the_sample_queue_taken_back_out_stays_out(
    make_app: AppFactory, paths: Paths
) -> None:
    # `u` right after the first start emptied the store, and the next start imported the
    # sample queue again, every time.
    empty = paths.data_dir.parent / "undone"
    fresh = Paths(empty / "data", empty / "config", empty / "cache")
    app = make_app(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.desk.counts()["total"] > 10
        await pilot.press("u")
        await settle(pilot)
        # More than BIG_ACTION articles: asked first (test_undo_big_step).
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert app.desk.counts()["total"] == 0
    again = make_app(fresh)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert again.desk.counts()["total"] == 0
        assert main_screen(again).inbox.ids == []


async def test_a_sample_import_cut_short_is_finished_at_the_next_start(
    make_app: AppFactory, paths: Paths
) -> None:
    # The app quit (or was killed) while the first start's sample import ran: the next
    # start showed an empty inbox (or a few articles) and never imported the rest.
    import json

    sample = sample_data_dir()
    assert sample is not None
    root = paths.data_dir.parent / "cut-short"
    fresh = Paths(root / "data", root / "config", root / "cache")
    with Desk(fresh) as desk:
        desk.import_paths([sample / "pages" / "airline-merger-lakeshore.txt"])
        assert desk.counts()["total"] == 1
    fresh.ui_state.write_text(
        json.dumps({"version": 1, "sample_offered": True, "sample_pending": True}),
        encoding="utf-8",
    )
    app = make_app(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.desk.counts()["total"] > 10
    state = json.loads(fresh.ui_state.read_text(encoding="utf-8"))
    assert state["sample_offered"] is True and state["sample_pending"] is False
    # Finished now: a store emptied afterwards stays empty.
    with Desk(fresh) as desk:
        desk.delete(desk.search("in:all", limit=None).ids)
    again = make_app(fresh)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert again.desk.counts()["total"] == 0


async def test_the_first_start_says_the_sample_queue_is_on_its_way_not_empty(
    make_app: AppFactory, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both panes said "The inbox is empty." while the sample queue was being imported.
    import threading

    release = threading.Event()
    real = Desk.import_paths

    def held(self: Desk, *args: Any, **kwargs: Any) -> Any:
        assert release.wait(30), "the test never let the import run"
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Desk, "import_paths", held)
    root = paths.data_dir.parent / "first-start"
    fresh = Paths(root / "data", root / "config", root / "cache")
    app = make_app(fresh)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await wait_until(pilot, lambda: screen.results.query is not None)
            await pilot.pause()
            assert screen.inbox.ids == []
            assert screen.inbox.empty_message.startswith("Nothing here yet: importing")
            release.set()
            await wait_until(pilot, lambda: len(screen.inbox.ids) > 10, seconds=30)
            await settle(pilot)
            assert screen.inbox.empty_message.startswith("The inbox is empty.")
    finally:
        release.set()
