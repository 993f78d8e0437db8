"""Keys typed over a dialog are the dialog's, a dialog opening as the app quits does not
crash it, the quit question follows the import, and a crash never exits 0."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.screen import Screen

from newsdesk.paths import Paths
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.modals.confirm import ConfirmDialog
from newsdesk.tui.modals.prompt import PromptDialog
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle, wait_until

IMPORTING = "importing 17/136 files (156 new)"


def type_at_once(app: NewsdeskApp, *keys: str) -> None:
    """Keys as a terminal sends a burst: all queued before the first is handled."""
    for key in keys:
        app.post_message(events.Key(key, "\r" if key == "enter" else key))


def screens_opened(app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    push = app.push_screen

    def recording(screen: Screen[Any], *args: Any, **kwargs: Any) -> Any:
        opened.append(type(screen).__name__)
        return push(screen, *args, **kwargs)

    monkeypatch.setattr(app, "push_screen", recording)
    return opened


async def test_letters_typed_over_the_quit_question_run_no_inbox_key(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`x` `e` Enter over "Quit during an import": `e` came back up to the App after Enter
    had closed the question, ran the inbox's export and the app died opening it."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.import_job.status = IMPORTING
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        opened = screens_opened(app, monkeypatch)
        type_at_once(app, "x", "e", "enter")
        await wait_until(pilot, lambda: not app.is_running, seconds=10)
    assert opened == []
    assert app.return_code == 0


async def test_keys_typed_before_cancel_do_not_reach_the_inbox(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`x` `e` Tab Enter: Enter on Cancel keeps the app, and the letters typed over the
    question stay its own: no export dialog, no selection on the inbox below."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.import_job.status = IMPORTING
        await pilot.press("q")
        await settle(pilot)
        opened = screens_opened(app, monkeypatch)
        type_at_once(app, "x", "slash", "e", "tab", "enter")
        await settle(pilot)
        assert app.is_running and app.screen is screen
        assert opened == []
        assert not screen.inbox.selected
        assert not screen.search_input.has_focus


@pytest.mark.parametrize("dialog", ["export", "prompt", "confirm"])
async def test_a_dialog_opening_as_the_app_quits_does_not_crash_it(
    make_app: AppFactory, dialog: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        if dialog == "export":
            screen.action_export()
        elif dialog == "prompt":
            app.push_screen(PromptDialog("Import"))
        else:
            app.push_screen(ConfirmDialog("Sure?", "Really?"))
        app.exit()
        await pilot.pause()
    assert app.return_code == 0  # Textual sets 1 (and keeps the error) on a crash


async def test_the_quit_question_follows_the_import_and_goes_when_it_ends(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        job = screen.import_job
        job.status = IMPORTING
        await pilot.press("q")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        question = dialog.query_one("#confirm-question")
        job.status = "importing 90/136 files (200 new)"
        await wait_until(pilot, lambda: "90/136" in str(question.render()), seconds=5)
        job.status = ""  # the import has finished
        await wait_until(pilot, lambda: app.screen is screen, seconds=5)
        assert app.is_running  # closing the question is no answer to it
        await pilot.press("q")  # nothing left to ask
        await wait_until(pilot, lambda: not app.is_running, seconds=5)
    assert app.return_code == 0


def test_an_app_that_ended_on_an_error_exits_1(
    seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.tui.app import run_app

    def crashed(self: NewsdeskApp) -> None:
        self._return_code = 1  # what Textual leaves after printing the traceback

    monkeypatch.setattr(NewsdeskApp, "run", crashed)
    assert run_app(seeded) == 1

    def quit_(self: NewsdeskApp) -> None:
        self._return_code = 0

    monkeypatch.setattr(NewsdeskApp, "run", quit_)
    assert run_app(seeded) == 0


def test_the_command_passes_the_apps_exit_status_on(
    seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsdesk.tui
    from newsdesk.cli.main import main

    monkeypatch.setattr(newsdesk.tui, "run", lambda paths: 1)
    monkeypatch.setattr("newsdesk.cli.output.has_terminal", lambda: True)  # as in one
    assert main(["--data-dir", str(seeded.data_dir), "app"]) == 1
