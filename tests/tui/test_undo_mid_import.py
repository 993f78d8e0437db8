"""`u` once a running import has stored part of its files: nothing is taken back (it
removed the part stored while the rest went on arriving, and the log and `L` then told
another story); the editor is told, and once the import ends `u` takes it back whole."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from newsdesk import import_batch
from newsdesk.desk import Desk, ImportProgress
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until


async def test_u_mid_import_takes_nothing_back(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stored_two, go_on = threading.Event(), threading.Event()
    run = Desk.import_paths

    def pausing(self: Desk, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        told = kwargs.get("progress")

        def progress(step: ImportProgress) -> None:
            if told is not None:
                told(step)
            if step.done == 2:  # two files committed, three to come
                stored_two.set()
                assert go_on.wait(30), "the test never let the import go on"

        kwargs["progress"] = progress
        return run(self, inputs, *args, **kwargs)

    monkeypatch.setattr(Desk, "import_paths", pausing)
    monkeypatch.setattr(import_batch, "BATCH_FILES", 1)
    drop = tmp_path / "drop"
    drop.mkdir()
    for n, topic in enumerate(("pier", "lighthouse", "slipway", "boathouse", "breakwater")):
        (drop / f"{topic}.txt").write_text(
            f"The {topic} reopens after repairs\n\nBy Per Holm\n\nThe harbour board said on "
            f"Tuesday that the {topic} reopens in spring after repairs number {n}.\n",
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
            await wait_until(pilot, stored_two.is_set)
            assert app.desk.count() == before + 2
            await pilot.press("u")
            await wait_until(pilot, lambda: any("still running" in m for m in messages))
            assert app.desk.count() == before + 2  # nothing taken back
            go_on.set()
            await wait_until(pilot, lambda: app.desk.count() == before + 5)
            await settle(pilot)
            await pilot.press("u")  # finished: one step, taken back whole
            await wait_until(pilot, lambda: app.desk.count() == before)
            assert not any(m.startswith("Undid import on 2") for m in messages)
    finally:
        go_on.set()
