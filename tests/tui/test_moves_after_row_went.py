"""A move typed just after the cursor's row went elsewhere lands where the editor aimed.

Another editor archives the article the cursor is on; the list catches up and the
cursor lands on the row after it. `J` typed a moment later (to read the next article)
opened the one after that: the article that took the gone one's place was skipped,
unread, without a word; `N` and `j` did the same. The row-action gate refused row
keys then, but let the moves through. Within the hold a move now goes from where the
gone row stood: `J` opens the article that came after it, `K` the one before.
"""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.keymap import ROW_MOVES, SPEC_BY_ID
from newsdesk.tui.screens.flows import changed_elsewhere
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


def test_every_move_from_the_row_is_tried_here() -> None:
    keys = {SPEC_BY_ID[spec].keys.split(",")[0] for spec in SPEC_BY_ID if spec in ROW_MOVES}
    pages = {"pagedown", "pageup"}
    assert keys - pages == set(AIMED), "a new move from the row: add what it aims at"


@pytest.fixture(autouse=True)
def long_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    """The move falls within the hold however long the test takes to press it."""
    monkeypatch.setattr(changed_elsewhere, "HOLD_S", 60.0)


@pytest.mark.parametrize("key", list(AIMED))
async def test_a_move_typed_after_the_row_went_lands_where_aimed(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    app = make_app()
    seen = record_notifications(app)
    monkeypatch.setenv("NEWSDESK_EDITOR", "bo")
    bo = Desk(seeded)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            await pilot.press("j", "j", "j")
            await settle(pilot)
            old = list(screen.inbox.ids)
            gone = screen.inbox.current_id
            assert gone is not None
            bo.archive([gone])
            await wait_until(pilot, lambda: screen.inbox.current_id not in (gone, None))
            assert any("was archived by bo" in m for m in seen), seen
            await pilot.press(key)
            await settle(pilot)
            offset, opens = AIMED[key]
            aimed = old[old.index(gone) + offset]
            assert screen.inbox.current_id == aimed, (key, old.index(gone))
            assert screen.detail.has_focus is opens
            if opens:
                assert screen.detail.article_id == aimed
                assert app.desk.rows([aimed])[0].read
            # The row moved to is the one aimed at: the next key acts on it, unrefused.
            await pilot.press("s")
            await settle(pilot)
            assert app.desk.rows([aimed])[0].starred
            assert not any("Nothing done" in m for m in seen), seen
    finally:
        bo.close()


async def test_j_after_the_last_row_went_stays_and_keeps_the_hold(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing came after the gone row: `j` stays, and `s` is still refused (it was
    meant for the row that went, not the one above it)."""
    app = make_app()
    seen = record_notifications(app)
    monkeypatch.setenv("NEWSDESK_EDITOR", "bo")
    bo = Desk(seeded)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            await pilot.press("G")
            await settle(pilot)
            old = list(screen.inbox.ids)
            gone = screen.inbox.current_id
            assert gone == old[-1]
            bo.archive([gone])
            await wait_until(pilot, lambda: screen.inbox.current_id not in (gone, None))
            await pilot.press("J")
            await settle(pilot)
            assert "No more articles." in seen
            assert not screen.detail.has_focus
            await pilot.press("s")
            await settle(pilot)
            assert not app.desk.rows([old[-2]])[0].starred
            assert any("Nothing done" in m for m in seen)
    finally:
        bo.close()


async def test_J_from_the_reader_after_the_article_went_opens_the_next_one(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading an article another editor archives: back to the list; `J` (read on)
    opens the article after it, not the one after that."""
    app = make_app()
    monkeypatch.setenv("NEWSDESK_EDITOR", "bo")
    bo = Desk(seeded)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            await pilot.press("j", "enter")
            await settle(pilot)
            assert screen.detail.has_focus
            old = list(screen.inbox.ids)
            gone = screen.inbox.current_id
            assert gone is not None
            bo.archive([gone])
            await wait_until(pilot, lambda: not screen.detail.has_focus)
            await pilot.press("J")
            await settle(pilot)
            after = old[old.index(gone) + 1]
            assert screen.detail.has_focus
            assert screen.inbox.current_id == after
            assert screen.detail.article_id == after
    finally:
        bo.close()


async def test_a_move_long_after_goes_from_the_cursor(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the hold is over the editor has seen where the cursor is: `j` moves on."""
    monkeypatch.setattr(changed_elsewhere, "HOLD_S", 0.0)
    app = make_app()
    monkeypatch.setenv("NEWSDESK_EDITOR", "bo")
    bo = Desk(seeded)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            await pilot.press("j")
            await settle(pilot)
            gone = screen.inbox.current_id
            bo.archive([gone or ""])
            await wait_until(pilot, lambda: screen.inbox.current_id not in (gone, None))
            landed = screen.inbox.cursor
            await pilot.press("j")
            await settle(pilot)
            assert screen.inbox.cursor == landed + 1
    finally:
        bo.close()
