"""Every key of the key table that acts on rows is held after the cursor's row went.

The hold (`ChangedElsewhere`) was added action by action (`s`, `a`, then `x`, `V`, `l`,
`D`, `o`, `n`, Enter), so `h` and any new row action slipped through. One gate now
wraps the keymap's row actions; these tests walk the key table, not a list of keys.
"""

from __future__ import annotations

import pytest

from newsdesk.tui import keymap
from newsdesk.tui.keymap import KEY_TABLE, ROW_ACTIONS, KeySpec, action_name
from newsdesk.tui.screens.flows import changed_elsewhere
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle

GONE = "The article under the cursor was archived by bo."


def test_every_action_of_the_key_table_is_classified() -> None:
    """A new key is a row action (held), a move from the row (from where it stood), or
    another move or view: exactly one of them."""
    actions = {action_name(spec) for spec in KEY_TABLE}
    moves = keymap.MOVES_AND_VIEWS
    row_moves = keymap.ROW_MOVES
    assert actions - ROW_ACTIONS - row_moves - moves == set()
    assert not ROW_ACTIONS & moves
    assert not ROW_ACTIONS & row_moves
    assert not row_moves & moves
    assert keymap.SELECTION_ACTIONS <= ROW_ACTIONS


def test_every_row_action_of_the_screen_passes_the_gate() -> None:
    for spec in KEY_TABLE:
        name = action_name(spec)
        if name in ROW_ACTIONS | keymap.ROW_MOVES and spec.scope == "screen":
            method = getattr(MainScreen, f"action_{name}")
            assert getattr(method, changed_elsewhere.HELD, False), spec.id


@pytest.mark.parametrize(
    "spec",
    [s for s in KEY_TABLE if action_name(s) in ROW_ACTIONS and s.scope == "screen"],
    ids=lambda s: s.id,
)
async def test_each_row_key_is_held_right_after_the_row_went(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, spec: KeySpec
) -> None:
    monkeypatch.setattr(changed_elsewhere, "HOLD_S", 60.0)
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        before = screen.inbox.current_id
        steps = len(app.desk.history(50))
        screen.changed_elsewhere.moved(GONE)
        key = spec.keys.split(",")[0]
        await pilot.press(key)
        await settle(pilot)
        assert any(m.startswith(GONE) and "Nothing done" in m for m in seen), (key, seen)
        assert app.screen is screen, "no dialog: nothing done"
        assert not screen.detail.has_focus, "not opened"
        assert screen.inbox.current_id == before
        assert not screen.inbox.selected
        assert not screen.results.expanded
        assert len(app.desk.history(50)) == steps
