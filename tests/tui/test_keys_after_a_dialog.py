"""A key typed right after the key that closes a dialog belongs to the screen below.

Enter (or Esc) and the next key can reach the app in one read of the terminal:
the next key used to be typed into the closing dialog's field and lost. The
keys are posted in one go, as a fast typist's arrive.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.once import OnceModal
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle, wait_until


def _post(app: object, *keys: str) -> None:
    for key in keys:
        character = {"enter": "\r", "escape": "\x1b"}.get(key, key)
        app.post_message(events.Key(key, character))  # type: ignore[attr-defined]


async def test_enter_then_a_letter_saves_the_note_and_moves_the_cursor(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.current_id
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, OnceModal)
        await pilot.press(*"call back")
        _post(app, "enter", "j")
        await settle(pilot)
        assert screen.is_active
        assert screen.inbox.cursor == 1  # the j moved the inbox's cursor
    with Desk(seeded) as desk:
        article = desk.get(first or "")
        assert article is not None and article.state.note == "call back"


async def test_esc_then_a_letter_cancels_the_tag_dialog_and_moves_the_cursor(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, OnceModal)
        await pilot.press(*"desk")
        _post(app, "escape", "j", "j")
        await settle(pilot)
        assert screen.is_active
        assert screen.inbox.cursor == 2
        row = screen.inbox.row(screen.inbox.ids[0])
        assert row is not None and not row.tags


async def test_a_dialog_that_stays_open_gets_the_keys_typed_after_its_enter(
    make_app: AppFactory,
) -> None:
    """The rule form refuses an empty query and stays open: the keys typed just after
    Enter are its own after all, in order."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OnceModal)
        field = dialog.focused
        assert isinstance(field, Input)
        _post(app, "enter", "x", "y")
        await settle(pilot)
        await wait_until(pilot, lambda: "xy" in field.value)
        assert app.screen is dialog
