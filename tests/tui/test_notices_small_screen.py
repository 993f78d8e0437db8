"""On a small terminal the notices stay clear of the list and its cursor row.

At 80x24 (the list above the detail pane) a few notices in a row (`s`, `r`, `s` on a
selection) stacked up from the bottom over the list and hid the highlighted row. Now
a small screen shows the newest two, one line tall when they fit, over the detail
pane; an information notice goes after a few seconds.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets._toast import Toast

from tests.tui.conftest import AppFactory
from tests.tui.helpers import main_screen, settle
from tests.tui.test_snapshots import steady


async def _four_notices(pilot: Any) -> None:
    """A selection of three starred, marked read and starred again: three notices, and a
    warning (they stay as long as asked: the test sees them all)."""
    await pilot.press("x", "j", "x", "j", "x")
    await settle(pilot)
    for n in range(3):
        pilot.app.notify(f"Notice {n}: starred 3 of 3 (u to undo)", timeout=60)
    pilot.app.notify(
        "The article under the cursor was archived by bo. The cursor is on the next row.",
        title="Changed elsewhere",
        severity="warning",
        timeout=60,
    )
    await pilot.pause()
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_notices_do_not_cover_the_list(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = main_screen(app)
        await settle(pilot)
        # The cursor on the list's lowest row on screen: the nearest to the notices.
        await pilot.press(*["j"] * (screen.inbox.scrollable_content_region.height - 1))
        await settle(pilot)
        await _four_notices(pilot)
        toasts = [t for t in screen.query(Toast) if t.region.area]
        assert 1 <= len(toasts) <= 2
        assert "Changed elsewhere" in str(toasts[-1].render())  # the newest is shown
        listed = screen.inbox.region
        for toast in toasts:
            assert not toast.region.overlaps(listed), (toast.region, listed)


def test_notices_at_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    async def run_before(pilot: Any) -> None:
        await steady("j", "j", "j")(pilot)
        await _four_notices(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_notices_at_100x30(snap_compare: Any, make_app: AppFactory) -> None:
    async def run_before(pilot: Any) -> None:
        await steady("j", "j", "j")(pilot)
        await _four_notices(pilot)

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before)
