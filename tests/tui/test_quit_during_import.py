"""`q` while an import runs asks first: the files it has not read yet would stay out."""

from __future__ import annotations

from newsdesk.tui.modals.confirm import ConfirmDialog
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def test_quit_during_an_import_asks_and_n_keeps_the_app(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        # An import in progress, as its progress messages leave the job's status.
        screen.import_job.status = "importing 67/491 files (60 new)"
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.query_one("#confirm-question").render()
        assert "67/491" in str(question)
        await pilot.press("n")
        await settle(pilot)
        assert app.is_running and app.screen is screen
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running


async def test_quit_with_no_import_running_quits_at_once(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


async def test_the_question_reads_without_a_stray_full_stop(make_app: AppFactory) -> None:
    """ "An import is running: importing…. Quit ..." put a full stop after the ellipsis."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        for status, shown in (
            ("importing…", "An import is running: importing… Quit"),
            ("importing 67/491 files (60 new)", "importing 67/491 files (60 new). Quit"),
        ):
            screen.import_job.status = status
            await pilot.press("q")
            await settle(pilot)
            question = str(app.screen.query_one("#confirm-question").render())
            assert shown in question and "…." not in question
            await pilot.press("n")
            await settle(pilot)
