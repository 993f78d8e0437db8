"""The footer of keys is rebuilt when the keys it shows change, and only then."""

from __future__ import annotations

from itertools import pairwise

import pytest
from textual.widgets._footer import FooterKey

from newsdesk.tui.widgets.key_footer import KeyFooter
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, settle


def shown(footer: KeyFooter) -> list[str]:
    """The footer's keys as a reader sees them: description, and dimmed or not."""
    return [
        f"{key.description}{' (dim)' if key.disabled else ''}" for key in footer.query(FooterKey)
    ]


async def test_every_rebuild_of_the_footer_changes_what_it_shows(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilt: list[list[str]] = []
    original = KeyFooter.recompose

    async def recorded(self: KeyFooter) -> None:
        await original(self)
        rebuilt.append(shown(self))

    monkeypatch.setattr(KeyFooter, "recompose", recorded)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        before = shown(footer)
        assert before, "the footer shows keys"
        assert "Clear" not in before  # nothing selected, no search: Esc does nothing

        # Start-up, a dialog opened and closed, moves, focus in and out of the
        # article pane: Textual signals new bindings many times over.
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.press("escape", "j", "j", "k", "tab", "shift+tab")
        await settle(pilot)
        assert shown(footer) == before

        # A selection makes Esc useful: the footer must show it, then drop it.
        await pilot.press("space")
        await settle(pilot)
        assert "Clear" in shown(footer)
        await pilot.press("escape")
        await settle(pilot)
        assert shown(footer) == before

    assert len(rebuilt) >= 3  # the first keys, Clear shown, Clear gone
    repeats = [keys for earlier, keys in pairwise(rebuilt) if keys == earlier]
    assert not repeats, f"{len(repeats)} of {len(rebuilt)} rebuilds showed the same keys again"


async def test_a_resize_to_80_columns_shows_help_and_quit_not_the_palette_key(
    make_app: AppFactory,
) -> None:
    """Resized from 160 to 80 columns with a search on screen, the footer kept "^p
    palette" and cut off "? Help" and "q Quit" until the next key."""
    from tests.tui.helpers import search_for

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search_for(pilot, "harbour")
        footer = app.screen.query_one(KeyFooter)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.pause()
        assert not footer.show_command_palette
        keys = {key.description: key for key in footer.query(FooterKey)}
        assert "palette" not in keys
        for description in ("Help", "Quit"):
            assert keys[description].region.right <= 80, (description, keys[description].region)
