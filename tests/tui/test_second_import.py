"""`i` while an import runs: the running one goes on and the editor is told (a second
import cancelled the first without a word, and its unread files stayed out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    SIZE,
    harbour_pages,
    main_screen,
    pause_import_after,
    record_notifications,
    settle,
    wait_until,
)


async def test_a_second_import_waits_for_the_first(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stored_one, go_on = pause_import_after(monkeypatch, 1)
    drop = harbour_pages(tmp_path / "drop", ("pier", "lighthouse", "slipway"))
    other = tmp_path / "other.txt"
    other.write_text(
        "Ferry fares rise in January\n\nThe ferry company will raise fares by a tenth.\n",
        encoding="utf-8",
    )
    app = make_app()
    messages = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            before = app.desk.count()
            screen.import_paths([drop])
            await wait_until(pilot, stored_one.is_set)
            await pilot.press("i")  # the import dialog is not even offered
            await pilot.pause()
            assert any("start the next import when this one has finished" in m for m in messages)
            screen.import_paths([other])  # nor does a second start cancel the first
            go_on.set()
            await wait_until(pilot, lambda: app.desk.count() == before + 3)
            await settle(pilot)
            assert app.desk.count() == before + 3
            assert not any("stopped" in m.lower() for m in messages)
    finally:
        go_on.set()
