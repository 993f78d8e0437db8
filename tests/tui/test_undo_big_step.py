"""`u` asks before it takes back a step of more than `BIG_ACTION` articles.

Two `u` in the app took back a 15,000-article import made from a shell before the app
opened (the first `u` the export's mark), with nothing said until it was gone.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import BIG_ACTION, Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.confirm import ConfirmDialog
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle


async def test_u_asks_before_taking_back_a_big_import(
    seeded: Paths, make_app: AppFactory, tmp_path: Path
) -> None:
    count = BIG_ACTION + 10
    feed = tmp_path / "shell.jsonl"
    feed.write_text(
        "".join(
            json.dumps(
                {
                    "title": f"Shell import number {n} on the harbour works",
                    "body": f"Report {n}: the harbour works went on through the night.",
                    "published": f"2026-03-10T{n % 24:02d}:00:00+00:00",
                    "source": f"Outlet {n}",
                }
            )
            + "\n"
            for n in range(count)
        ),
        encoding="utf-8",
    )
    with Desk(seeded) as shell:  # `newsdesk import` from a shell, before the app opens
        assert shell.import_paths([feed]).imported == count
        shell.sync_index()
        before = shell.count()
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#confirm-question").render())
        title = str(app.screen.query_one(".dialog-title").render())
        assert f"import of {count} articles" in title
        assert "removes the" in question and "from the desk" in question
        await pilot.press("n")
        await settle(pilot)
        assert "Nothing undone." in seen
        assert app.desk.count() == before
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert app.desk.count() == before - count


async def test_u_on_a_small_step_does_not_ask(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        starred = app.desk.count_matches("is:starred")
        await pilot.press("u")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.desk.count_matches("is:starred") == starred - 1
