"""A store that cannot be written (read-only folder, full disk) is told, not a crash."""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.store import StoreError
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle


async def test_a_refused_write_is_a_notification_and_the_app_goes_on(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Desk, ids: object, on: bool = True) -> None:
        raise StoreError("the data directory is read-only: newsdesk can show and search it")

    monkeypatch.setattr(Desk, "star", refuse)
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("s")
        await settle(pilot)
        assert any("read-only" in m for m in seen)
        # Still running and still usable.
        before = screen.inbox.cursor
        await pilot.press("j")
        await settle(pilot)
        assert screen.inbox.cursor == before + 1
        assert app.return_code in (None, 0)
