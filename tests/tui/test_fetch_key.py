"""`R` fetches the feeds in a worker: new articles join the list, the cursor stays put."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.feeds.server import FeedServer, Reply, rss
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle

ITEMS = [
    (
        f"tui-{n}",
        f"Ferry crew rescues kayaker number {n} off the breakwater",
        f"http://example.invalid/kayak{n}",
        f"The crew of the evening ferry pulled kayaker {n} from the water near the "
        "breakwater on Sunday after a gust overturned the boat, the harbour master said.",
    )
    for n in range(3)
]


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


async def test_r_fetches_feeds_and_keeps_the_cursor(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    feed_server.route("/tui.xml", Reply(body=rss("Harbour", ITEMS)))
    feed_server.route("/broken.xml", Reply(500))
    with Desk(seeded) as desk:
        desk.add_feed(f"{feed_server.url}/tui.xml", name="harbour")
        desk.add_feed(f"{feed_server.url}/broken.xml", name="broken")
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        before = len(screen.inbox.ids)
        screen.inbox.cursor = 4
        await settle(pilot)
        current = screen.inbox.current_id
        await pilot.press("R")
        await settle(pilot)
        await settle(pilot)
        assert "3 articles arrived from 2 feeds." in seen
        assert any("server error (500)" in m for m in seen)
        assert len(screen.inbox.ids) == before + 3
        assert screen.inbox.current_id == current
        assert app.desk.search("feed:harbour").ids
