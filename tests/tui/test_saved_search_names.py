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


async def test_b_suggests_a_name_cut_at_a_word_with_no_open_quote(
    make_app: AppFactory, seeded: Paths
) -> None:
    """The name suggested was the query's first 40 characters: cut mid-word, with an
    unclosed quote (`volcano iceland source:"meridian press a`)."""
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, 'volcano iceland source:"meridian press agency"')
        await pilot.press("B")
        await settle(pilot)
        value = app.screen.query_one(Input).value
    assert value == "volcano iceland source:meridian press"


def test_a_short_query_is_suggested_whole() -> None:
    from newsdesk.tui.screens.flows.saved import suggested_name

    assert suggested_name('source:"westerly times" flood') == 'source:"westerly times" flood'
    assert suggested_name("x" * 50) == "x" * 40  # one word: cut where it must be
