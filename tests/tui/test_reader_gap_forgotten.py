"""The reader's gap (the place of the article a change elsewhere took from under the
reader) is forgotten once the editor has looked at the desk again (day 33): the
reader opened again (a click) and closed with Esc, or the list scrolled with the
mouse wheel. `J` then went on from the gone article's place, opening the row the
cursor had landed on, seen and passed over, instead of the one after it.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual import events

from newsdesk.paths import Paths
from newsdesk.tui.screens.flows import changed_elsewhere
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle
from tests.tui.moves_aimed import row_gone_elsewhere


@pytest.fixture(autouse=True)
def hold_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key here comes after the hold: as if the editor paused for minutes."""
    monkeypatch.setattr(changed_elsewhere, "HOLD_S", 0.0)


async def _wheel(pilot: Any, screen: MainScreen) -> None:
    inbox = screen.inbox
    for event in (events.MouseScrollDown, events.MouseScrollUp):
        inbox.post_message(event(inbox, 1, 1, 0, 0, 0, False, False, False))
    await settle(pilot)


async def _click_reader_then_esc(pilot: Any, screen: MainScreen) -> None:
    await pilot.click("#detail")
    await settle(pilot)
    assert screen.detail.has_focus
    await pilot.press("escape")
    await settle(pilot)
    assert not screen.detail.has_focus


@pytest.mark.parametrize("look", [_wheel, _click_reader_then_esc], ids=["wheel", "reader-esc"])
async def test_J_after_looking_at_the_desk_goes_from_the_cursor(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch, look: Any
) -> None:
    async with row_gone_elsewhere(
        make_app, seeded, monkeypatch, ("j", "j", "enter"), reading=True
    ) as at:
        pilot, screen, old, gone = at.pilot, at.screen, at.old, at.gone
        cursor = old[old.index(gone) + 1]
        assert screen.inbox.current_id == cursor
        await look(pilot, screen)
        assert screen.inbox.current_id == cursor
        await pilot.press("J")
        await settle(pilot)
        assert screen.detail.article_id == old[old.index(cursor) + 1]
