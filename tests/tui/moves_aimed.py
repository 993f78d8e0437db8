"""What a move key aims at once the row it started from went elsewhere (shared by the
tests of moves within the hold and of the first move after the reader was closed)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until

#: key -> (the old row it lands on, relative to the gone row; opened in the reader?)
AIMED = {
    "j": (1, False),
    "k": (-1, False),
    "J": (1, True),
    "K": (-1, True),
    "N": (1, True),
}


def assert_landed_where_aimed(screen: MainScreen, old: list[str], gone: str, key: str) -> str:
    """The cursor (and, for a key that opens, the reader) is on the row `key` aimed at
    from where `gone` stood in the list `old`; that row's id."""
    offset, opens = AIMED[key]
    aimed = old[old.index(gone) + offset]
    assert screen.inbox.current_id == aimed, (key, old.index(gone))
    assert screen.detail.has_focus is opens
    if opens:
        assert screen.detail.article_id == aimed
    return aimed


@dataclass
class GoneRow:
    """The app after another editor took the cursor's row away: the list `old` as it was,
    the `gone` article's id, the notices `seen` so far."""

    app: NewsdeskApp
    pilot: Any
    screen: MainScreen
    old: list[str]
    gone: str
    seen: list[str]


@asynccontextmanager
async def row_gone_elsewhere(
    make_app: AppFactory,
    seeded: Paths,
    monkeypatch: pytest.MonkeyPatch,
    keys: Sequence[str],
    *,
    change: str = "archive",
    reading: bool,
) -> AsyncIterator[GoneRow]:
    """The app, `keys` pressed (the cursor on the row to go; `reading`: opened in the
    reader), then Bo's `change` of that row from another window, seen by the app."""
    app = make_app()
    seen = record_notifications(app)
    monkeypatch.setenv("NEWSDESK_EDITOR", "bo")
    bo = Desk(seeded)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            await pilot.press(*keys)
            await settle(pilot)
            assert screen.detail.has_focus is reading
            old = list(screen.inbox.ids)
            gone = screen.inbox.current_id
            assert gone is not None
            getattr(bo, change)([gone])
            if reading:
                await wait_until(pilot, lambda: not screen.detail.has_focus)
            else:
                await wait_until(pilot, lambda: screen.inbox.current_id not in (gone, None))
            yield GoneRow(app, pilot, screen, old, gone, seen)
    finally:
        bo.close()
