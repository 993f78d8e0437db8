"""`R` with nothing new says so, naming how many feeds answered: "0 articles arrived."
read as a count of something still to come."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk.config import Settings
from newsdesk.paths import Paths
from tests.feeds.server import FeedServer, Reply, rss
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle, wait_until
from tests.tui.test_feeds_screen import ITEMS


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


async def test_r_with_nothing_new_says_nothing_new_from_the_feeds(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    for name in ("cape", "quay"):
        feed_server.route(f"/{name}.xml", Reply(body=rss(name.title(), ITEMS)))
    app = make_app(settings=Settings(fetch_in_background=False))
    for name in ("cape", "quay"):
        app.desk.add_feed(f"{feed_server.url}/{name}.xml", name=name)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_until(pilot, lambda: any("arrived" in m for m in seen))
        await settle(pilot)
        seen.clear()
        await pilot.press("R")
        await wait_until(pilot, lambda: bool(seen))
        await settle(pilot)
    assert seen == ["Nothing new from 2 feeds."]
