"""The app's status says an import waits for the shared desk (day 33): the bar stood
still for up to 15 s with "importing 2/12 files" and nothing more
(tests/test_import_store_blip.py has the wait itself)."""

from __future__ import annotations

from newsdesk.tui.widgets.import_job import ImportJob
from newsdesk.tui.widgets.status_line import StatusLine, status_text
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def test_the_status_says_the_import_waits_for_the_desk(make_app: AppFactory) -> None:
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        job = screen.query_one(ImportJob)
        job.status = "importing 2/12 files (2 new)"
        job.post_message(ImportJob.Progressed(2, 12, 2))
        job.post_message(ImportJob.Waiting(True))
        await settle(pilot)
        shown = status_text(screen.query_one(StatusLine).info, 200).plain
        assert "waiting for the desk… (importing 2/12 files (2 new))" in shown, shown
        job.post_message(ImportJob.Waiting(False))
        await settle(pilot)
        shown = status_text(screen.query_one(StatusLine).info, 200).plain
        assert "waiting for the desk" not in shown and "importing 2/12 files" in shown
