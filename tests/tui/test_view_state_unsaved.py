"""A view state that cannot be saved (a read-only data directory) is said once, not at
every save (each export and the quit said it again)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsdesk import uistate
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle


async def test_a_failed_save_of_the_view_state_is_said_once(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, data: Any) -> None:
        raise OSError(30, "Read-only file system", str(path))

    # The one writer every save goes through (the periodic one from a thread too).
    monkeypatch.setattr(uistate, "save_data", refuse)
    app = make_app(save_state=True)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.save_ui_state()
        app.save_ui_state()
        await settle(pilot)
        said = [m for m in seen if m.startswith("Could not save the view state")]
        assert len(said) == 1 and "Read-only file system" in said[0]
