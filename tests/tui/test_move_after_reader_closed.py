"""The first move after the reader was closed by a change made elsewhere goes from the
article that went, however long the pause.

An editor reads an article; another window archives it; the app goes back to the list
with the cursor on the next row. `J` pressed 4 s later (past the one-second hold the
list's own cursor row has) opened the article after that next row: the next row,
unread and never seen, was skipped. The editor was reading, not watching the list.
"""

from __future__ import annotations

import pytest

from newsdesk.paths import Paths
from newsdesk.tui.screens.flows import changed_elsewhere
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle
from tests.tui.moves_aimed import AIMED, assert_landed_where_aimed, row_gone_elsewhere


@pytest.fixture(autouse=True)
def hold_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key here comes after the hold: as if the editor paused for minutes."""
    monkeypatch.setattr(changed_elsewhere, "HOLD_S", 0.0)


@pytest.mark.parametrize("change", ["archive", "delete"])
@pytest.mark.parametrize("key", list(AIMED))
async def test_the_first_move_after_the_reader_closed_goes_from_the_gone_article(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch, key: str, change: str
) -> None:
    keys = ("j", "j", "enter")
    async with row_gone_elsewhere(
        make_app, seeded, monkeypatch, keys, change=change, reading=True
    ) as at:
        screen, old, gone = at.screen, at.old, at.gone
        assert screen.inbox.current_id == old[old.index(gone) + 1]
        await at.pilot.press(key)
        await settle(at.pilot)
        assert_landed_where_aimed(screen, old, gone, key)


async def test_only_the_first_key_goes_from_the_gap(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another deliberate key first (a search box opened and closed): the editor has seen
    the list, and `J` goes from the cursor, as a second move does."""
    async with row_gone_elsewhere(
        make_app, seeded, monkeypatch, ("j", "j", "enter"), reading=True
    ) as at:
        pilot, screen, old, gone = at.pilot, at.screen, at.old, at.gone
        cursor = old[old.index(gone) + 1]
        await pilot.press("x")  # select the cursor's row: a deliberate key
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        assert screen.detail.article_id == old[old.index(cursor) + 1]


async def test_the_list_cursor_row_keeps_its_one_second_hold(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not reading: the editor was watching the list, so past the hold `J` goes from the
    row the cursor is on (it opens the one after it)."""
    async with row_gone_elsewhere(make_app, seeded, monkeypatch, ("j", "j"), reading=False) as at:
        await at.pilot.press("J")
        await settle(at.pilot)
        assert at.screen.detail.article_id == at.old[at.old.index(at.gone) + 2]
