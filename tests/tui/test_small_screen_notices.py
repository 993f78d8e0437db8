"""On a small screen an error notice outlives the information notices after it.

The small screen's stack took down the oldest notices whatever their severity, so a
"could not store" error went the moment "Starred 1 of 1" arrived.
"""

from __future__ import annotations

from newsdesk.tui.app import SMALL_WIDTH
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle


async def test_an_error_stays_when_information_notices_follow(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.notify("Could not store the change.", severity="error")
        await settle(pilot)
        app.notify("Starred 1 of 1")
        await settle(pilot)
        app.notify("Archived 1 of 1")
        await settle(pilot)
        shown = [str(n.message) for n in app._notifications]
        assert "Could not store the change." in shown
        assert "Archived 1 of 1" in shown
        assert "Starred 1 of 1" not in shown


def test_one_width_makes_a_screen_small_and_the_list_wide() -> None:
    assert (SMALL_WIDTH, "-wide") in MainScreen.HORIZONTAL_BREAKPOINTS
