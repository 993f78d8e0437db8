"""`a` on the feeds screen fetches the new feed at once (as Miniflux does): it sat empty
until the next look for due feeds, a minute later, or never with background fetching off."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from textual.widgets import Input

from newsdesk.config import Settings
from newsdesk.paths import Paths
from newsdesk.tui.screens.feeds import FeedsScreen
from newsdesk.tui.screens.main import MainScreen
from tests.feeds.server import FeedServer, Reply, rss
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle, wait_until
from tests.tui.test_feeds_screen import ITEMS

QUIET = Settings(fetch_in_background=False)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


async def test_a_feed_added_on_the_feeds_screen_is_fetched_at_once(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    feed_server.route("/cape.xml", Reply(body=rss("Cape", ITEMS)))
    app = make_app(settings=QUIET)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        await pilot.press("a")
        await pilot.press(*f"{feed_server.url}/cape.xml", "enter")
        await wait_until(pilot, lambda: app.desk.count() == 15)
        await settle(pilot)
        assert feed_server.paths().count("/cape.xml") == 1
        assert any(m.startswith("Subscribed to") and "fetching it now" in m for m in seen), seen
        assert screen.current is not None and screen.current.items == 3
        # Its articles are in the inbox behind the screen.
        main = next(s for s in app.screen_stack if isinstance(s, MainScreen))
        assert len(main.inbox.ids) == 15


async def test_a_feed_added_while_feeds_are_fetched_is_fetched_right_after(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    """Added while `R` fetched a slow feed: it stayed "never" (a minute, or for good with
    background fetching off) and `f` on it said "Feeds are being fetched already."."""
    held = threading.Event()
    feed_server.route("/slow.xml", Reply(body=rss("Slow", []), hold=held))
    feed_server.route("/cape.xml", Reply(body=rss("Cape", ITEMS)))
    app = make_app(settings=QUIET)
    app.desk.add_feed(f"{feed_server.url}/slow.xml", name="slow")
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await wait_until(pilot, lambda: "/slow.xml" in feed_server.paths())
            # No `settle` while the round is held: it waits for every worker to end.
            await pilot.press("F")
            await wait_until(pilot, lambda: isinstance(app.screen, FeedsScreen))
            screen = app.screen
            assert isinstance(screen, FeedsScreen)
            await pilot.pause()
            await pilot.press("a")
            await wait_until(pilot, lambda: bool(app.screen.query(Input)))
            # Pasted, not typed: each key waits for an idle process, and the running
            # round's status kept it busy past the slow feed's read timeout.
            app.screen.query_one(Input).value = f"{feed_server.url}/cape.xml"
            await pilot.press("enter")
            await wait_until(pilot, lambda: any(m.startswith("Subscribed to") for m in seen))
            (said,) = [m for m in seen if m.startswith("Subscribed to")]
            assert "fetched right after" in said, seen
            await pilot.press("f")  # on the new feed: it is fetched once, after the round
            await wait_until(pilot, lambda: any("is fetched right after" in m for m in seen))
            held.set()
            await wait_until(pilot, lambda: app.desk.count() == 15)
            await settle(pilot)
            assert feed_server.paths().count("/cape.xml") == 1
            assert screen.current is not None and screen.current.items == 3
    finally:
        held.set()
