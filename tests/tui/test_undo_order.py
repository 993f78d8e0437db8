"""`u` and the other log steps keep the editor's order while a big batch is written."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from newsdesk.tui import triage
from newsdesk.tui.widgets import desk_writer
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until


@dataclass
class HeldBatch:
    """A big batch's worker that waits, before it writes, until the test releases it."""

    started: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def held_batch(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldBatch]:
    """Every batch bigger than 2 goes to the worker, which waits to be released: the
    race of a slow 5,000-article write, made certain instead of left to timing."""
    held = HeldBatch()
    toggle = triage.toggle

    def holding(*args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            held.started.set()
            assert held.release.wait(30), "the test never let the batch be written"
        return toggle(*args, **kwargs)

    monkeypatch.setattr(desk_writer, "SYNC_LIMIT", 2)
    monkeypatch.setattr(triage, "toggle", holding)
    try:
        yield held
    finally:
        held.release.set()  # never leave a worker thread waiting, pass or fail


async def test_u_during_a_big_batch_undoes_that_batch_not_the_step_before(
    make_app: AppFactory, held_batch: HeldBatch
) -> None:
    """`s` on the top row, `*` `a` (archive all, written in a worker), `u` before it is
    written: the star was undone and the archive stayed. Now `u` waits for the archive
    and undoes it; the star stays."""
    app = make_app()
    messages = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        starred = screen.inbox.current_id
        assert starred is not None
        await pilot.press("s")
        await settle(pilot)
        assert app.desk.rows([starred])[0].starred
        everything = list(screen.inbox.ids)
        await pilot.press("asterisk", "a")
        await wait_until(pilot, held_batch.started.is_set)
        await pilot.press("u")
        await pilot.pause()
        assert app.desk.rows([starred])[0].starred  # not undone behind the batch's back
        held_batch.release.set()
        await settle(pilot)
        rows = app.desk.rows(everything)
        assert not any(row.archived for row in rows)  # the archive was undone
        assert app.desk.rows([starred])[0].starred  # the star before it stays
        assert any("Undid archive" in m for m in messages)


async def test_steps_asked_for_during_a_big_batch_follow_it_in_order(
    make_app: AppFactory, held_batch: HeldBatch
) -> None:
    """`*` `a`, then `s` on a row while the archive is written: the star went into the
    log before the archive, so the next `u` took back the archive, not the star, the
    editor's last step. Now the star waits for the archive and `u` undoes the star."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        everything = list(screen.inbox.ids)
        top = screen.inbox.current_id
        assert top is not None
        await pilot.press("asterisk", "a")
        await wait_until(pilot, held_batch.started.is_set)
        await pilot.press("escape", "s")
        held_batch.release.set()
        await settle(pilot)
        assert app.desk.rows([top])[0].starred
        await pilot.press("u")
        await settle(pilot)
        assert all(row.archived for row in app.desk.rows(everything))
        assert not app.desk.rows([top])[0].starred


async def test_u_during_an_import_takes_back_nothing_before_it(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    """`u` while an import ran took back the editor's step before it (the import is
    logged only when it ends). Now it says the import is running; a step taken during
    the import is undone as usual, and once the import ends `u` takes it back."""
    from newsdesk.desk import Desk

    held = HeldBatch()  # the import waits, as a batch does there, until released
    run = Desk.import_paths

    def holding(self: Desk, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            held.started.set()
            assert held.release.wait(30), "the test never let the import run"
        return run(self, *args, **kwargs)

    monkeypatch.setattr(Desk, "import_paths", holding)
    page = tmp_path / "pier.txt"
    page.write_text(
        "Harbour board shuts the north pier\n\nBy Per Holm\n\nThe harbour board voted on "
        "Tuesday to close the north pier for repairs after a winter of storms.\n",
        encoding="utf-8",
    )
    app = make_app()
    messages = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            first = screen.inbox.current_id
            assert first is not None
            await pilot.press("s")
            await settle(pilot)
            before = app.desk.count()
            screen.import_paths([page])
            await wait_until(pilot, held.started.is_set)
            await pilot.press("u")
            await pilot.pause()
            assert app.desk.rows([first])[0].starred  # the step before the import stays
            assert any("import is still running" in m for m in messages)
            # (No settle while the import is held: it waits for every worker.)
            await pilot.press("j", "s")  # a step taken during the import...
            second = screen.inbox.current_id
            assert second is not None and second != first
            await wait_until(pilot, lambda: app.desk.rows([second])[0].starred)
            await pilot.press("u")  # ...is undone as usual
            await wait_until(pilot, lambda: not app.desk.rows([second])[0].starred)
            held.release.set()
            await wait_until(pilot, lambda: app.desk.count() == before + 1)
            await settle(pilot)
            await pilot.press("u")  # the import, once it has finished
            await settle(pilot)
            assert app.desk.count() == before
            assert app.desk.rows([first])[0].starred
    finally:
        held.release.set()
