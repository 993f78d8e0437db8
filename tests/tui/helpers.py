"""Small helpers shared by the Pilot tests."""

from __future__ import annotations

from typing import Any

from newsdesk.tui.screens.main import MainScreen

SIZE = (120, 40)


async def settle(pilot: Any) -> None:
    """Let timers fire, workers finish and their messages land."""
    await pilot.pause(0.2)  # past the search debounce
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.1)


def main_screen(app: Any) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen
