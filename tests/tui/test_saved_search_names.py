"""A saved search's name is said as typed: markup shown inert, a backslash once (it was
quoted with Python's repr, which doubled it)."""

from __future__ import annotations

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, search_for, settle

NAME = "[bold red]Korea[/] \\[x"


async def test_the_saved_notice_says_the_name_as_typed(make_app: AppFactory, seeded: Paths) -> None:
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "strike")
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("ctrl+u", *NAME, "enter")
        await settle(pilot)
    assert f"Saved search “{NAME}”." in seen
    with Desk(seeded) as desk:
        assert (NAME, "strike") in desk.saved_searches()


def test_the_cli_says_a_missing_name_as_typed(capsys: object) -> None:
    import pytest

    from newsdesk.cli.main import main

    assert isinstance(capsys, pytest.CaptureFixture)
    assert main(["saved", "remove", "nope\\x"]) != 0
    assert "no saved search named “nope\\x”" in capsys.readouterr().err
