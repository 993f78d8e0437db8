"""The feeds screen's `r` (rename) and `e` (interval): the change is stored, the row shows
it, the cursor stays on the feed, and a bad answer is one line."""

from __future__ import annotations

from textual.widgets import Input, Label

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.prompt import PromptDialog
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle
from tests.tui.test_feeds_screen import QUIET, cells, feeds_screen, go_to


async def test_rename_and_interval_from_the_feeds_screen(
    make_app: AppFactory, seeded: Paths
) -> None:
    with Desk(seeded) as desk:
        desk.add_feed("http://feeds.example.invalid/cape.xml", name="cape")
        desk.add_feed("http://feeds.example.invalid/isle.xml", name="isle")
        desk.save_search("capes", "feed:cape")
    app = make_app(settings=QUIET)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = feeds_screen(app)
        await go_to(pilot, screen, "cape")
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+u", *"North Cape", "enter")  # the name was offered: replace it
        await settle(pilot)
        assert any(
            m.startswith("Renamed cape to north-cape: feed:north-cape")
            and "saved search capes still says feed:cape" in m
            for m in seen
        ), seen
        assert screen.current is not None and screen.current.name == "north-cape"
        assert cells(screen, "north-cape")[0] == "north-cape"
        # A name another feed has is refused in one line, nothing changes.
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+u", *"isle", "enter")
        await settle(pilot)
        assert "a feed is already named 'isle'; choose another name" in seen
        # The interval: a bad one is said in the dialog, which stays open with the
        # text typed (it closed, and the text was lost); mended, it is stored.
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("ctrl+u", *"2 hours often", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PromptDialog)
        problem = str(dialog.query_one("#prompt-problem", Label).render())
        assert "cannot read the interval '2 hours often'" in problem
        assert dialog.query_one(Input).value == "2 hours often"
        await pilot.press("ctrl+u", *"2h", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, PromptDialog)
        assert "north-cape: fetched every 2h." in seen
    with Desk(seeded) as desk:
        by_name = {s.name: s for s in desk.feeds()}
        assert sorted(by_name) == ["isle", "north-cape"]
        assert by_name["north-cape"].every_s == 7200


async def test_remove_from_the_feeds_screen_names_saved_searches_of_the_feed(
    make_app: AppFactory, seeded: Paths
) -> None:
    with Desk(seeded) as desk:
        desk.add_feed("http://feeds.example.invalid/cape.xml", name="cape")
        desk.save_search("capes", "feed:cape is:unread")
    app = make_app(settings=QUIET)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = feeds_screen(app)
        await go_to(pilot, screen, "cape")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert (
            "Unsubscribed from cape; its articles stay; saved search capes still says feed:cape."
            in seen
        ), seen
