"""Selecting a story row in the grouped view selects the story's versions, and only them.

An explorer's desk (day 32): the selection held row ids, and a story row was its
headline version. After `S`, or a newer version arriving on top, the row lost its mark
while "1 selected" stayed, and `s` starred that one hidden version ("Archived 1 of 1",
the row dropped to +1); `*` then a fourth version arriving gave "Starred 4 of 4"; and
archiving an expanded story's head left its versions under no row ("5 shown in 0
stories", `h` folding nothing: test_expanded_story_archive.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.widgets.status_line import StatusLine
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import (
    SIZE,
    main_screen,
    record_notifications,
    search_for,
    settle,
    wait_until,
)


def flood_desk(tmp_path: Path) -> tuple[Desk, list[str]]:
    """18 articles: the flood story has three versions (0, 6, 12)."""
    desk = Desk(make_paths(tmp_path))
    desk.add_extracted(sample_articles(18), "fixture")
    desk.sync_index()
    flood = next(s for s in desk.stories() if "Flood" in s.members[0].title)
    members = [m.id for m in flood.members]
    assert len(members) == 3
    return desk, members


def _newer_flood_version() -> Extracted:
    """A fourth flood report, newer than the others: it heads the story's row."""
    return dataclasses.replace(
        sample_articles(13)[12],
        title="Flood waters rise in Alzira as river bursts banks (late)",
        published="2026-03-14T11:30:00+00:00",
        url="https://example.org/story/late",
    )


async def _arrives(pilot: Any, desk: Desk, screen: MainScreen) -> str:
    """Another editor (a Desk of its own) imports the newer version; the list shows it."""
    with Desk(make_paths(desk.paths.data_dir.parent)) as other:
        (new,) = other.add_extracted([_newer_flood_version()], "another editor")
        other.sync_index()
    await wait_until(pilot, lambda: new in screen.results.ids)
    await settle(pilot)
    return new


def story_row_and_mark(screen: MainScreen, members: list[str]) -> tuple[str, str]:
    """The flood story's row on screen and its mark (the first cell)."""
    head = next(h for h in (screen.results.head_of(m) for m in members) if h is not None)
    index = screen.inbox.ids.index(head)
    return head, screen.inbox.render_line(index - round(screen.inbox.scroll_y)).text[0]


def _header_count(screen: MainScreen) -> int:
    return screen.query_one(StatusLine).info.selected


def _starred(desk: Desk, ids: list[str]) -> set[str]:
    return {r.id for r in desk.rows(ids) if r.starred}


async def test_a_selected_story_row_keeps_its_mark_and_versions_when_the_sort_changes(
    tmp_path: Path,
) -> None:
    desk, members = flood_desk(tmp_path)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await search_for(pilot, "flood")
            first, _ = story_row_and_mark(screen, members)
            screen.inbox.cursor = screen.inbox.ids.index(first)
            await pilot.press("x")
            await settle(pilot)
            assert _header_count(screen) == 3  # the articles picked, as "Starred 3 of 3"
            await pilot.press("S")  # urgency: another version heads the row
            await settle(pilot)
            head, mark = story_row_and_mark(screen, members)
            assert head != first
            assert mark == "✓"
            assert _header_count(screen) == 3
            await pilot.press("s")
            await settle(pilot)
            assert "Starred 3 of 3 (u to undo)" in seen, seen
            assert _starred(desk, members) == set(members)
    finally:
        desk.close()


async def test_a_newer_version_heading_a_selected_row_is_left_out_and_shown_so(
    tmp_path: Path,
) -> None:
    desk, members = flood_desk(tmp_path)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            first, _ = story_row_and_mark(screen, members)
            screen.inbox.cursor = screen.inbox.ids.index(first)
            await pilot.press("x")
            await settle(pilot)
            new = await _arrives(pilot, desk, screen)
            head, mark = story_row_and_mark(screen, members)
            assert head == new  # the newest version heads the inbox's row now
            assert mark == "–"  # some of its versions selected: the three picked
            assert _header_count(screen) == 3
            await pilot.press("e")  # the export dialog counts what the header does
            await settle(pilot)
            dialog: Any = app.screen
            assert sorted(dialog.scopes["selection"]) == sorted(members)
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("s")
            await settle(pilot)
            assert "Starred 3 of 3 (u to undo)" in seen, seen
            assert _starred(desk, [*members, new]) == set(members)
    finally:
        desk.close()


async def test_select_all_in_the_grouped_view_leaves_a_version_that_arrived_after(
    tmp_path: Path,
) -> None:
    desk, members = flood_desk(tmp_path)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await search_for(pilot, "flood")
            await pilot.press("asterisk")
            await settle(pilot)
            assert _header_count(screen) == 3
            new = await _arrives(pilot, desk, screen)
            assert _header_count(screen) == 3
            await pilot.press("s")
            await settle(pilot)
            assert "Starred 3 of 3 (u to undo)" in seen, seen
            assert _starred(desk, [*members, new]) == set(members)
    finally:
        desk.close()
