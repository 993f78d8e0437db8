"""On open and on resize the list shows from its top when the cursor's row fits on the
first page, and the cursor's row is always in sight.

Reopened at 80x24 with the cursor on row 2, then resized to 160x48, the list began at
row 2: row 1 was hidden though there was room for every row.
"""

from __future__ import annotations

from typing import Any

from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import main_screen, settle


def _shown(app: Any) -> tuple[int, int, int]:
    """(first row shown, rows shown, cursor row)."""
    inbox = main_screen(app).inbox
    return round(inbox.scroll_y), inbox.scrollable_content_region.height, inbox.cursor


async def _quit_on_row(make_app: AppFactory, row: int) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main_screen(app).inbox.cursor = row
        await settle(pilot)


async def test_reopened_on_row_2_shows_row_1_and_still_after_growing(
    make_app: AppFactory, seeded: Paths
) -> None:
    await _quit_on_row(make_app, 1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _shown(app)[0] == 0 and _shown(app)[2] == 1, _shown(app)
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert _shown(app)[0] == 0 and _shown(app)[2] == 1, _shown(app)


async def test_a_cursor_below_the_first_page_stays_in_sight(
    make_app: AppFactory, seeded: Paths
) -> None:
    await _quit_on_row(make_app, 11)  # the last of 12 rows: below an 80x24 list's page
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        top, height, cursor = _shown(app)
        assert cursor == 11 and 0 < height <= cursor
        assert top <= cursor < top + height
        # Room for every row now: the list shows from its top, the cursor still in sight.
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        top, height, cursor = _shown(app)
        assert top == 0 and cursor == 11 < height
        # Smaller again: the cursor's row comes back into sight.
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        top, height, cursor = _shown(app)
        assert top <= cursor < top + height


def test_snapshot_reopened_on_row_2_then_resized_to_160x48(
    snap_compare: Any, make_app: AppFactory, seeded: Paths
) -> None:
    """The list shows row 1 above the cursor's row 2 after the terminal grows."""
    import asyncio

    asyncio.run(_quit_on_row(make_app, 1))

    async def grow(pilot: Any) -> None:
        await settle(pilot)
        await pilot.resize_terminal(160, 48)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=grow)
