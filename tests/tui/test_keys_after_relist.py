"""Keys typed straight after a key that lists anew act on the row they highlight.

`z` (stories grouped or not), `S` (the sort), Esc, a saved search and `u` ask for
a new list and put the cursor on an article of it. Keys typed in the same burst
moved the cursor in the old list, `s` starred the row they reached there, then the
new list came and put the highlight back: `z j j s` starred a row two below the one
highlighted, and `z g` was lost. They wait for the new list now, as after Enter in
the search box (keys posted in one go, as a terminal delivers a fast typist's).
"""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.uistate import UIState
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle, wait_until
from tests.tui.test_key_burst import _burst


def _starred(paths: Paths) -> set[str]:
    with Desk(paths) as desk:
        return {row.id for row in desk.rows(desk.inbox_ids()) if row.starred}


async def test_z_then_moves_and_a_star_in_one_burst_star_the_row_highlighted(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app(ui_state=UIState(grouped=True), save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("j", "j")
        head = screen.inbox.current_id
        assert head is not None and screen.results.is_story_row(head)
        _burst(app, "z", "j", "j", "s")
        await settle(pilot)
        assert not screen.ui_state.grouped
        # One row per article now: two rows below the article the cursor was kept on.
        flat = screen.inbox.ids
        assert screen.inbox.current_id == flat[flat.index(head) + 2]
    assert _starred(seeded) == {flat[flat.index(head) + 2]}


async def test_sort_then_a_move_and_a_star_in_one_burst_star_the_row_highlighted(
    make_app: AppFactory, seeded: Paths
) -> None:
    # The next S is "most urgent first", which puts the cursor on the top row.
    app = make_app(ui_state=UIState(sort="relevance"), save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("j", "j", "j")
        _burst(app, "S", "j", "s")
        await settle(pilot)
        assert screen.ui_state.sort == "urgency"
        assert screen.inbox.cursor == 1
        current = screen.inbox.current_id
    assert _starred(seeded) == {current}


async def test_z_then_g_in_one_burst_goes_to_the_top(make_app: AppFactory) -> None:
    app = make_app(ui_state=UIState(grouped=True), save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("j", "j", "j")
        _burst(app, "z", "g")
        await settle(pilot)
        assert not screen.ui_state.grouped
        assert screen.inbox.cursor == 0
        _burst(app, "z", "G")
        await settle(pilot)
        assert screen.ui_state.grouped
        assert screen.inbox.cursor == screen.inbox.row_count - 1


async def test_undo_then_a_move_and_a_star_in_one_burst_star_the_row_highlighted(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("j", "j")
        archived = screen.inbox.current_id
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("j", "j")
        # The undo brings the archived row back under the cursor, as it was.
        _burst(app, "u", "j", "s")
        await settle(pilot)
        ids = screen.inbox.ids
        assert archived in ids
        assert screen.inbox.current_id == ids[ids.index(archived) + 1]
        current = screen.inbox.current_id
    assert _starred(seeded) == {current}


async def test_esc_clearing_the_search_then_a_star_stars_the_row_highlighted(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app(ui_state=UIState(query="flood"), save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        kept = screen.inbox.current_id
        assert kept is not None and screen.inbox.row_count < 12
        _burst(app, "escape", "j", "s")
        await settle(pilot)
        assert screen.query_text == ""
        ids = screen.inbox.ids
        assert screen.inbox.current_id == ids[ids.index(kept) + 1]
        current = screen.inbox.current_id
    assert _starred(seeded) == {current}


async def test_a_star_typed_right_after_an_archive_stars_the_row_after_it(
    make_app: AppFactory, seeded: Paths
) -> None:
    """`a s` in one burst on a story row: "Archived 3 of 3", then "Starred 3 of 3" on
    the versions just archived, while the row highlighted after them stayed unstarred."""
    app = make_app(ui_state=UIState(grouped=True), save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("j", "j")
        head = screen.inbox.current_id
        assert head is not None and screen.results.is_story_row(head)
        _burst(app, "a", "s")
        await settle(pilot)
        now = screen.inbox.current_id
        assert now is not None and now != head
    with Desk(seeded) as desk:
        assert not any(row.starred for row in desk.rows([head]))
        assert desk.rows([now])[0].starred


async def test_keys_typed_with_enter_in_the_saved_search_picker_act_on_its_list(
    make_app: AppFactory, seeded: Paths
) -> None:
    """`b`, then Enter `j j s` in one burst: the `j`s moved the picker's highlight, the
    `s` did nothing, and the search came with the cursor on its first row unstarred."""
    with Desk(seeded) as desk:
        desk.save_search("Strikes", "strike")
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert type(app.screen).__name__ == "SavedSearchPicker"
        _burst(app, "enter", "j", "j", "s")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.query_text == "strike" and len(screen.inbox.ids) == 4
        assert screen.inbox.cursor == 2
        third = screen.inbox.current_id
    assert _starred(seeded) == {third}


async def test_a_refused_archive_leaves_no_hold_behind(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive the store refused posts no `Applied`: the hold it set stayed on, and
    every later list (`z`, a search) held keys its full two seconds after its answer."""
    from newsdesk.errors import StoreUnreachableError

    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)

        def refuse(*_args: object, **_kwargs: object) -> object:
            raise StoreUnreachableError("cannot reach the shared desk at postgresql://d@db/d")

        monkeypatch.setattr(app.desk, "archive", refuse)
        await pilot.press("a")
        await settle(pilot)
        await wait_until(pilot, lambda: not screen.answering, seconds=5)
        monkeypatch.undo()
        await pilot.press("z")
        await wait_until(pilot, lambda: screen.ui_state.grouped and screen._searching_for is None)
        assert not screen.answering
