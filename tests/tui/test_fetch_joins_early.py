"""During `R`, each feed's articles join the list (and the counts) as its transaction
commits, while a slow feed is still downloading (README: "new articles join the list
as they are stored")."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from newsdesk.config import Settings
from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.widgets.fetch_job import FetchJob
from newsdesk.tui.widgets.status_line import StatusLine, status_text
from tests.feeds.server import FeedServer, Reply, rss
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until


def items(feed: str, count: int) -> list[tuple[str, str, str, str]]:
    return [
        (
            f"{feed}-{n}",
            f"{feed.title()} council votes on harbour wall repair plan number {n}",
            f"http://example.invalid/{feed}/{n}",
            f"Councillors in the {feed} district voted on plan {n} to repair the harbour "
            "wall after the winter storms, the clerk said on Monday evening.",
        )
        for n in range(count)
    ]


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


async def test_a_feeds_articles_join_before_the_slow_feed_ends(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    slow_may_answer = threading.Event()

    def slow(_handler: BaseHTTPRequestHandler) -> Reply:
        slow_may_answer.wait(30)  # a server far slower than the quick ones
        return Reply(body=rss("Slow", items("slow", 2)))

    feed_server.route("/quick.xml", Reply(body=rss("Quick", items("quick", 3))))
    # Stored just after the quick one, within the limit on how often the list is redone.
    feed_server.route("/later.xml", Reply(body=rss("Later", items("later", 2)), delay=0.3))
    feed_server.route("/slow.xml", slow)
    with Desk(seeded) as desk:
        for name in ("quick", "later", "slow"):
            desk.add_feed(f"{feed_server.url}/{name}.xml", name=name)
    app = make_app(settings=Settings(fetch_in_background=False))
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            job = screen.query_one(FetchJob)
            before = len(screen.inbox.ids)
            unread = screen.counts["unread"]
            cursor_on = screen.inbox.current_id

            def header() -> str:
                return str(status_text(screen.query_one(StatusLine).info))

            await pilot.press("R")
            # The quick feeds' five articles join while the slow one is still asked.
            await wait_until(pilot, lambda: len(screen.inbox.ids) == before + 5, seconds=15)
            await wait_until(pilot, lambda: screen.counts["unread"] == unread + 5, seconds=5)
            await wait_until(pilot, lambda: "5 arrived since" in header(), seconds=5)
            assert job.running and not slow_may_answer.is_set()
            assert "fetching feeds 2/3" in header()
            assert screen.inbox.current_id == cursor_on
            assert not any("arrived from" in m for m in seen)  # the fetch has not ended
            slow_may_answer.set()
            await wait_until(pilot, lambda: not job.running, seconds=15)
            await settle(pilot)
            assert len(screen.inbox.ids) == before + 7
            assert screen.counts["unread"] == unread + 7
            assert "7 arrived since" in header()
            assert screen.inbox.current_id == cursor_on
            assert any("7 articles arrived from" in m for m in seen)
    finally:
        slow_may_answer.set()


async def test_a_correction_fetched_redraws_the_article_shown(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    # A feed told an item otherwise (same GUID): the store took the new text, and the
    # detail pane kept the old one until the cursor moved.
    first = items("harbour", 1)
    feed_server.route("/harbour.xml", Reply(body=rss("Harbour", first)))
    with Desk(seeded) as desk:
        desk.add_feed(f"{feed_server.url}/harbour.xml", name="harbour")
        desk.fetch(every=True)
        (aid,) = desk.resolve_targets(["feed:harbour"])
    # A correction keeps the text it corrects (a much shorter telling never replaces it:
    # tests/feeds/test_feed_cut_tellings.py).
    corrected = [
        (guid, title, link, f"{text} CORRECTED: the council voted against the harbour plan.")
        for guid, title, link, text in first
    ]
    feed_server.route("/harbour.xml", Reply(body=rss("Harbour", corrected)))
    app = make_app(settings=Settings(fetch_in_background=False))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.inbox.cursor = screen.inbox.ids.index(aid)
        await settle(pilot)
        assert "voted against" not in screen.detail.text.plain
        await pilot.press("R")
        job = screen.query_one(FetchJob)
        await wait_until(pilot, lambda: not job.running, seconds=15)
        await settle(pilot)
        assert screen.detail.article_id == aid
        assert "voted against the harbour plan" in screen.detail.text.plain


async def test_an_article_a_rule_archives_leaves_the_list_when_the_fetch_ends(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    # The quick feed's articles join the list while the slow one downloads; the rules
    # on arrival write what they did when the fetch ends, and the killfiled article
    # stayed listed (and counted) until some other change redrew the list.
    slow_may_answer = threading.Event()

    def slow(_handler: BaseHTTPRequestHandler) -> Reply:
        slow_may_answer.wait(30)
        return Reply(status=503)  # brings nothing: the fetch ends with every article listed

    quick = items("quick", 2)
    quick[1] = (quick[1][0], "Kayak club cancels winter race on the harbour", *quick[1][2:])
    feed_server.route("/quick.xml", Reply(body=rss("Quick", quick)))
    feed_server.route("/slow.xml", slow)
    with Desk(seeded) as desk:
        desk.add_rule("boats", "kayak*", ["archive", "+boats"])
        for name in ("quick", "slow"):
            desk.add_feed(f"{feed_server.url}/{name}.xml", name=name)
    app = make_app(settings=Settings(fetch_in_background=False))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            job = screen.query_one(FetchJob)
            before = len(screen.inbox.ids)
            unread = screen.counts["unread"]
            await pilot.press("R")
            await wait_until(pilot, lambda: len(screen.inbox.ids) == before + 2, seconds=15)
            slow_may_answer.set()
            await wait_until(pilot, lambda: not job.running, seconds=15)
            await settle(pilot)
            titles = [r.title for r in screen.inbox.rows_for(screen.inbox.ids)]
            assert not any("Kayak" in t for t in titles)
            assert len(screen.inbox.ids) == before + 1  # two arrived, one archived
            assert screen.counts["unread"] == unread + 1
    finally:
        slow_may_answer.set()
