"""In a search a folded story row counts and acts on the versions the search matched;
in a view of the archive, on the archived versions it matched; and the detail pane's
"Also in" names the outlets of the versions "+N" counts.

A story of three, two of its versions tagged: `tag:pick` showed the story row with
"+2" and `s` starred all three, the version the search did not match included (and
`is:archived` acted on the versions still in the inbox). The inbox's "+1" left an
archived version out while "Also in" still named its outlet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsdesk.desk import Desk
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import MainScreen
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, record_notifications, search_for, settle


def _story_of_three(tmp_path: Path) -> tuple[Desk, list[str]]:
    desk = Desk(make_paths(tmp_path))
    desk.add_extracted(sample_articles(18), "fixture")
    story = desk.stories()[0]
    members = [m.id for m in story.members]
    assert len(members) == 3
    return desk, members


async def _on_the_story_row(pilot: Any, members: list[str]) -> tuple[MainScreen, str]:
    screen = main_screen(pilot.app)
    await settle(pilot)
    head = next(h for h in (screen.results.head_of(m) for m in members) if h is not None)
    assert screen.results.is_story_row(head)
    screen.inbox.cursor = screen.inbox.ids.index(head)
    await settle(pilot)
    return screen, head


def _starred(desk: Desk, members: list[str]) -> set[str]:
    return {r.id for r in desk.rows(members) if r.starred}


async def test_a_story_row_in_a_search_acts_on_the_versions_it_matched(tmp_path: Path) -> None:
    desk, members = _story_of_three(tmp_path)
    picked, other = members[:2], members[2]
    desk.tag(picked, add=["pick"])
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await search_for(pilot, "tag:pick")
            screen, head = await _on_the_story_row(pilot, members)
            row = screen.inbox.row(head)
            assert row is not None and row.story_size == 2  # "+1": the two it matched
            assert " +1 " in screen.inbox.render_line(screen.inbox.cursor).text
            await pilot.press("s")
            await settle(pilot)
            assert "Starred 2 of 2 (u to undo)" in seen, seen
            assert _starred(desk, members) == set(picked)
            await pilot.press("u")  # undo is exact: the two, and nothing else
            await settle(pilot)
            assert _starred(desk, members) == set()
            await pilot.press("r")
            await settle(pilot)
            assert {r.id for r in desk.rows(members) if r.read} == set(picked)
            # Selected, then expanded: the versions the row stood for stay selected.
            screen, head = await _on_the_story_row(pilot, members)
            await pilot.press("x", "l")
            await settle(pilot)
            assert screen.inbox.selected == set(picked)
            await pilot.press("escape", "h")
            await settle(pilot)
            screen, head = await _on_the_story_row(pilot, members)
            await pilot.press("a")
            await settle(pilot)
            archived = {r.id for r in desk.rows(members) if r.archived}
            assert archived == set(picked)
            assert not desk.rows([other])[0].archived
    finally:
        desk.close()


async def test_in_the_archive_a_story_row_acts_on_its_archived_versions(tmp_path: Path) -> None:
    desk, members = _story_of_three(tmp_path)
    gone, kept = members[:2], members[2]
    desk.archive(gone)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await search_for(pilot, "is:archived")
            screen, head = await _on_the_story_row(pilot, members)
            row = screen.inbox.row(head)
            assert row is not None and row.story_size == 2
            await pilot.press("s")
            await settle(pilot)
            assert "Starred 2 of 2 (u to undo)" in seen, seen
            assert _starred(desk, members) == set(gone)
            assert not desk.rows([kept])[0].starred
    finally:
        desk.close()


async def test_also_in_names_the_outlets_the_row_counts(tmp_path: Path) -> None:
    desk, members = _story_of_three(tmp_path)
    rows = {r.id: r for r in desk.rows(members)}
    sources = [rows[m].source for m in members]
    # The version from an outlet of its own archived: the other two share theirs.
    archived = next(m for m in members if sources.count(rows[m].source) == 1)
    desk.archive([archived])
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen, head = await _on_the_story_row(pilot, members)
            screen.view.show_article(head)
            await settle(pilot)
            text = screen.view.detail.text.plain
            also = [line for line in text.splitlines() if line.startswith("Also in")]
            assert not any(str(rows[archived].source) in line for line in also), also
            assert "1 other version from" in text  # the version "+1" counts
            # In a view of the archive the row counts it, and "Also in" names it.
            await search_for(pilot, "in:all")
            screen, head = await _on_the_story_row(pilot, members)
            screen.view.show_article(head)
            await settle(pilot)
            text = screen.view.detail.text.plain
            also = [line for line in text.splitlines() if line.startswith("Also in")]
            assert any(str(rows[archived].source) in line for line in also), text
    finally:
        desk.close()


async def test_c_on_a_story_row_in_a_search_claims_the_versions_it_matched(
    tmp_path: Path,
) -> None:
    """`c` on a search's "+1" row claimed all three versions ("Claimed 3 articles"): the
    desk added the story's other versions to what the row stood for."""
    desk, members = _story_of_three(tmp_path)
    picked = members[:2]
    desk.tag(picked, add=["pick"])
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await search_for(pilot, "tag:pick")
            await _on_the_story_row(pilot, members)
            await pilot.press("c")
            await settle(pilot)
            assert any("Claimed 2 articles" in said for said in seen), seen
            assert set(desk.claims(members)) == set(picked)
    finally:
        desk.close()
    # From the shell, a claim of one version still brings its story's others along.
    shell = Desk(make_paths(tmp_path))
    try:
        shell.release(members)
        assert set(shell.claim([members[0]]).done) == set(members)
    finally:
        shell.close()
