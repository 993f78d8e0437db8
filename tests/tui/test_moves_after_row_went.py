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
from tests.tui.helpers import SIZE, main_screen, settle, wait_until
from tests.tui.moves_aimed import AIMED, assert_landed_where_aimed, row_gone_elsewhere


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
    async with row_gone_elsewhere(
        make_app, seeded, monkeypatch, ("j", "j", "j"), reading=False
    ) as at:
        app, pilot, screen, old, gone, seen = at.app, at.pilot, at.screen, at.old, at.gone, at.seen
        assert any("was archived by bo" in m for m in seen), seen
        await pilot.press(key)
        await settle(pilot)
        aimed = assert_landed_where_aimed(screen, old, gone, key)
        if AIMED[key][1]:  # opened: read
            assert app.desk.rows([aimed])[0].read
        # The row moved to is the one aimed at: the next key acts on it, unrefused.
        await pilot.press("s")
        await settle(pilot)
        assert app.desk.rows([aimed])[0].starred
        assert not any("Nothing done" in m for m in seen), seen


async def test_after_the_last_row_went_J_finds_none_and_K_opens_the_row_before(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing came after the gone row: `J` says so and `s` is still refused (it was
    meant for the row that went, not the one above it)."""
    async with row_gone_elsewhere(make_app, seeded, monkeypatch, ("G",), reading=False) as at:
        app, pilot, screen, old, gone, seen = at.app, at.pilot, at.screen, at.old, at.gone, at.seen
        assert gone == old[-1]
        await pilot.press("J")
        await settle(pilot)
        assert "No more articles." in seen
        assert not screen.detail.has_focus
        await pilot.press("s")
        await settle(pilot)
        assert not app.desk.rows([old[-2]])[0].starred
        assert any("Nothing done" in m for m in seen)
        # `K` aims at the row before the gone one: the row the cursor is on now (it
        # opened the one above it, skipping that row).
        await pilot.press("K")
        await settle(pilot)
        assert screen.detail.has_focus
        assert screen.detail.article_id == old[-2]


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


def test_a_move_after_the_hold_goes_from_the_cursor() -> None:
    """Once the hold is over the editor has seen where the cursor is: moves go on from
    there (`move_start` None), as they do when no row went. Not so after the reader was
    closed: the editor was reading, so the first move still goes from the gap
    (tests/tui/test_move_after_reader_closed.py), and only the first."""
    from types import SimpleNamespace

    from newsdesk.tui.row_gap import RowGap

    now = [0.0]
    inbox = SimpleNamespace(ids=["a", "c", "d"], left_gap=RowGap("b", "a", "c"), current_id="c")
    watch = changed_elsewhere.ChangedElsewhere(
        SimpleNamespace(inbox=inbox),
        clock=lambda: now[0],
    )
    watch.moved("The article you were reading was archived by bo.", "b")
    assert watch.move_start(forward=True) == 0  # from "a": the next is "c"
    assert watch.move_start(forward=False) == 1  # from "c": the previous is "a"
    now[0] = changed_elsewhere.HOLD_S + 1
    assert watch.move_start(forward=True) is None  # the reader's gap: its first move went
    watch.moved("The article you were reading was archived by bo.", "b")
    now[0] += changed_elsewhere.HOLD_S + 1
    assert watch.move_start(forward=True) == 0  # the first move, however late
    assert watch.move_start(forward=True) is None  # and only that one
    watch.moved("The article you were reading was archived by bo.", "b")
    inbox.current_id = "d"  # a click moved the cursor: the editor has seen the list
    now[0] += changed_elsewhere.HOLD_S + 1
    assert watch.move_start(forward=True) is None
    inbox.current_id = "c"
    watch.moved("The article under the cursor was deleted by bo.", "z")  # another gap
    now[0] = 0.0
    assert watch.move_start(forward=True) is None
