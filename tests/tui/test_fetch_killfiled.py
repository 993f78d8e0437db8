"""A background fetch whose arrivals a killfile archived says so, and does not count
them as arrived: it said "1 article arrived from due feeds." and the header "· 1
arrived since" while nothing new was in the inbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.widgets.status_line import StatusLine, status_text
from tests.feeds.server import FeedServer, Reply, rss
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until

ITEMS = [
    (
        "h-1",
        "Horoscope for Wednesday",
        "http://example.invalid/stars",
        "Aries: a week of surprises at work. Taurus: someone from the past calls.",
    ),
    (
        "h-2",
        "Harbour wall repairs begin",
        "http://example.invalid/wall",
        "Workers began rebuilding the harbour wall in Portmoor on Monday, the council said.",
    ),
]


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


async def test_killfiled_arrivals_are_said_and_not_counted(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    feed_server.route("/h.xml", Reply(body=rss("Harbour", ITEMS)))
    with Desk(seeded) as desk:
        desk.add_feed(f"{feed_server.url}/h.xml", name="harbour")
        desk.add_rule("kill", "title:horoscope", ["archive"])
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await wait_until(
            pilot, lambda: "2 articles arrived from due feeds, archived 1 by rule kill." in seen
        )
        await settle(pilot)
        header = str(status_text(screen.query_one(StatusLine).info))
        assert "1 arrived since" in header
        titles = [app.desk.get(i).meta.title for i in screen.inbox.ids]  # type: ignore[union-attr]
        assert "Horoscope for Wednesday" not in titles
        assert "Harbour wall repairs begin" in titles
