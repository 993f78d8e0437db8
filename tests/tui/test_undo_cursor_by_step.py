"""Undo puts the cursor back where it was when that step was made, step by step.

Its memory was keyed by the set of articles a change reached: mark three rows read,
then star the same three with the cursor elsewhere in them, and the second `u` (the
read's undo) took the cursor to the star's row, as the first had.
"""

from __future__ import annotations

from newsdesk.tui.undo_cursor import UndoCursors
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def test_two_undos_of_the_same_rows_go_back_to_each_steps_row(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await settle(pilot)
        await pilot.press("g", "x", "j", "x", "j", "x", "g")
        await settle(pilot)
        rows = list(screen.inbox.ids[:3])
        assert screen.inbox.selected == set(rows)
        await pilot.press("r")  # the cursor on the first of the three
        await settle(pilot)
        await pilot.press("j", "j", "s")  # the same three, the cursor on the third
        await settle(pilot)
        await pilot.press("G", "u")  # the star's undo: back to the third
        await settle(pilot)
        assert screen.inbox.current_id == rows[2]
        await pilot.press("G", "u")  # the read's undo: back to the first
        await settle(pilot)
        assert screen.inbox.current_id == rows[0]
        assert not any(row.read for row in app.desk.rows(rows))


def test_a_step_taken_back_in_part_still_finds_its_row() -> None:
    cursors = UndoCursors()
    cursors.written(["a", "b", "c"], "a")
    cursors.written(["a", "b", "c"], "c")
    cursors.written([], "z")  # changed nothing: no step
    assert cursors.undone(["a", "b", "c"]) == "c"
    assert cursors.undone(["b"]) == "a"  # others had changed a and c since
    assert cursors.undone(["a"]) is None
