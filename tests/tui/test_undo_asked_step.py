"""The yes to "Undo import of 2,010 articles?" undoes that step, never another.

The step was read before asking and the undo then took the newest: an import or a
fetch that logged a step while the question was up made "Undo" take that one, and
the big import the editor agreed to stayed. Now nothing is undone then; it is said,
and asked again about the step newest now.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import BIG_ACTION, Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.confirm import ConfirmDialog
from newsdesk.tui.screens.flows.undo import CHANGED
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle


def _feed(path: Path, count: int, word: str) -> Path:
    path.write_text(
        "".join(
            json.dumps(
                {
                    "title": f"{word} report number {n} on the harbour works",
                    "body": f"Report {n}: the {word} harbour works went on through the night.",
                    "published": f"2026-03-10T{n % 24:02d}:00:00+00:00",
                    "source": f"Outlet {n}",
                }
            )
            + "\n"
            for n in range(count)
        ),
        encoding="utf-8",
    )
    return path


async def test_a_step_logged_while_asked_is_not_what_the_yes_undoes(
    seeded: Paths, make_app: AppFactory, tmp_path: Path
) -> None:
    big = BIG_ACTION + 10
    with Desk(seeded) as shell:  # `newsdesk import` from a shell, before the app opens
        assert shell.import_paths([_feed(tmp_path / "big.jsonl", big, "Shell")]).imported == big
        shell.sync_index()
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert f"import of {big:,} articles" in app.screen._title
        # While the question is up, the app stores a step of its own (a fetch, a folder).
        late = app.desk.import_paths([_feed(tmp_path / "late.jsonl", 3, "Fetched")])
        assert late.imported == 3
        total = app.desk.count()
        await pilot.press("y")
        await settle(pilot)
        assert app.desk.count() == total, "neither import taken back"
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog), seen
        assert dialog._question.startswith(CHANGED)
        assert "import of 3 articles" in dialog._title
        await pilot.press("y")
        await settle(pilot)
        assert app.desk.count() == total - 3, "the step asked about the second time"
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert f"import of {big:,} articles" in app.screen._title
        await pilot.press("y")
        await settle(pilot)
        assert app.desk.count() == total - 3 - big
