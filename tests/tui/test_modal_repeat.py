"""Key repeat never dismisses a modal twice (issue 17 item 8).

`b` then Enter three times within 10 ms used to pop the inbox itself
(ScreenStackError). The keys are posted in one go, as a held key delivers them.
"""

from __future__ import annotations

import inspect

import pytest
from textual import events
from textual.screen import ModalScreen

import newsdesk.tui.modals as modals_pkg
import newsdesk.tui.screens as screens_pkg
from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.once import OnceModal, OnceScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


def _burst(app: object, key: str, times: int) -> None:
    character = {"enter": "\r", "escape": "\x1b"}.get(key, key)
    for _ in range(times):
        app.post_message(events.Key(key, character))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("opener", "burst"),
    [("b", "enter"), ("t", "escape"), ("n", "enter"), ("question_mark", "escape"), ("F", "escape")],
)
async def test_a_burst_of_keys_closes_the_modal_and_nothing_else(
    make_app: AppFactory, seeded: Paths, opener: str, burst: str
) -> None:
    with Desk(seeded) as desk:
        desk.save_search("one", "strike")
        desk.save_search("two", "glacier")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(opener)
        await settle(pilot)
        assert isinstance(app.screen, OnceScreen | OnceModal)
        _burst(app, burst, 4)
        await settle(pilot)
        assert app.is_running
        assert main_screen(app).is_active
        assert len(app.screen_stack) == 2  # the default screen and the inbox


def test_every_screen_that_is_dismissed_is_a_once_screen() -> None:
    """A new modal or result screen cannot forget the guard (the inbox is never dismissed)."""
    import importlib
    import pkgutil

    from textual.screen import Screen

    from newsdesk.tui.screens.main import MainScreen

    found = []
    for package in (modals_pkg, screens_pkg):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                    found.append(cls)
    assert len(found) >= 9
    assert all(issubclass(c, OnceModal) for c in found if issubclass(c, ModalScreen))
    assert [
        c.__name__ for c in found if not issubclass(c, OnceScreen | OnceModal | MainScreen)
    ] == []
