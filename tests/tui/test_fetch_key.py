"""Feeds in the app: `R` fetches all of them and a timer fetches the due ones, in a worker.

New articles join the list while the cursor, the selection and the cursor's
line on screen stay put, and the header counts them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from newsdesk.config import Settings
from newsdesk.desk import Desk
from newsdesk.feeds.service import FetchSummary
from newsdesk.paths import Paths
from newsdesk.tui.widgets.fetch_job import FetchJob
from newsdesk.tui.widgets.status_line import StatusLine, status_text
from tests.feeds.server import FeedServer, Reply, rss
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until

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
    app = make_app(settings=Settings(fetch_in_background=False))
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
        assert "3 articles arrived from harbour." in seen  # the one that brought them
        assert any("server error (500)" in m for m in seen)
        assert len(screen.inbox.ids) == before + 3
        assert screen.inbox.current_id == current
        assert app.desk.search("feed:harbour").ids


async def test_due_feeds_are_fetched_in_the_background(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    # The server holds its answer until the test lets it go: keys are pressed meanwhile.
    gate = threading.Event()

    def held(_handler: BaseHTTPRequestHandler) -> Reply:
        gate.wait(30)
        return Reply(body=rss("Harbour", ITEMS))

    feed_server.route("/slow.xml", held)
    feed_server.route("/broken.xml", Reply(500))
    with Desk(seeded) as desk:
        desk.add_feed(f"{feed_server.url}/slow.xml", name="harbour")
        desk.add_feed(f"{feed_server.url}/broken.xml", name="broken")
    app = make_app()
    seen = record_notifications(app)
    # A short terminal, so that the list scrolls: rows arriving above must not move it.
    async with app.run_test(size=(120, 14)) as pilot:
        screen = main_screen(app)
        job = screen.query_one(FetchJob)
        # The whole first list is on screen (not only the first screenful), so no later
        # answer moves the cursor; settle() would wait for the held fetch.
        await wait_until(pilot, lambda: len(screen.inbox.ids) == 12 and not screen._loading)
        before = list(screen.inbox.ids)
        await pilot.press("j", "space", "j", "j", "j")
        selected = set(screen.inbox.selected)
        assert len(selected) == 1
        # The timer starts the fetch by itself.
        await wait_until(pilot, lambda: "/slow.xml" in feed_server.paths())
        assert job.running
        await pilot.press("j")  # keys are not held up by the fetch
        assert screen.inbox.cursor == 5
        assert job.running
        current = screen.inbox.current_id
        line = screen.inbox.cursor - round(screen.inbox.scroll_y)
        assert screen.inbox.scrollable_content_region.height < len(before)
        gate.set()
        await wait_until(pilot, lambda: "3 articles arrived from due feeds." in seen)
        await settle(pilot)
        assert any("server error (500)" in m for m in seen)
        assert len(screen.inbox.ids) == len(before) + 3
        # Undated items sort at their arrival: above the cursor's article, which stays put.
        assert screen.inbox.ids[3:] == before
        assert screen.inbox.current_id == current
        assert screen.inbox.cursor - round(screen.inbox.scroll_y) == line
        assert screen.inbox.selected == selected
        header = str(status_text(screen.query_one(StatusLine).info))
        assert "3 arrived since" in header
        # Not due again for its interval: another look asks the server nothing.
        asked = feed_server.paths().count("/slow.xml")
        job.fetch_due()
        await settle(pilot)
        assert feed_server.paths().count("/slow.xml") == asked
        await pilot.press("g")
        assert "arrived" not in str(status_text(screen.query_one(StatusLine).info))


async def test_no_due_feed_means_no_fetch(make_app: AppFactory) -> None:
    """The timer's look is a store read; the fetcher (and httpx) is not started for nothing."""
    # The look is made by hand here: the app's own timer would race with it.
    app = make_app(settings=Settings(fetch_in_background=False))
    calls: list[object] = []

    def fake_fetch(*args: object, **kwargs: object) -> FetchSummary:
        calls.append(args)
        return FetchSummary()

    app.desk.fetch = fake_fetch  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job = main_screen(app).query_one(FetchJob)
        job.fetch_due()
        await settle(pilot)
        assert not job.running
        assert calls == []
        app.desk.add_feed("https://example.invalid/feed.xml", name="due")
        job.fetch_due()
        await settle(pilot)
        assert len(calls) == 1


async def test_a_fetch_refused_as_a_whole_is_told_and_ends(make_app: AppFactory) -> None:
    # A feed removed from another window while its row was still on screen, then fetched.
    app = make_app(settings=Settings(fetch_in_background=False))
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        job = screen.query_one(FetchJob)
        assert job.start(["removed-meanwhile"])
        await settle(pilot)
        await settle(pilot)
        assert not job.running
        assert "fetching" not in str(screen.query_one(StatusLine).render())
        told = [m for m in seen if "removed-meanwhile" in m]
        assert told and "Error" not in told[-1] and "arrived" not in " ".join(seen)
        assert job.start(["removed-meanwhile"])  # the job is free for the next fetch


async def test_r_with_every_feed_paused_says_so(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    """`R` with every feed paused said "No feeds to fetch: `newsdesk feeds add URL`
    subscribes" to an editor with subscriptions."""
    feed_server.route("/tui.xml", Reply(body=rss("Harbour", ITEMS)))
    with Desk(seeded) as desk:
        desk.add_feed(f"{feed_server.url}/tui.xml", name="harbour")
        desk.pause_feed("harbour")
    app = make_app(settings=Settings(fetch_in_background=False))
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_until(pilot, lambda: any(m.startswith("No feed") for m in seen))
        assert "No feed fetched: 1 paused." in seen
        assert not any("feeds add URL" in m for m in seen)


async def test_r_with_nothing_new_says_nothing_new_from_the_feeds(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    """`R` with nothing new said "0 articles arrived.", read as a count of something
    still to come."""
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


async def test_r_says_a_feed_cut_mid_download_failed(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    """A feed whose download stopped mid-body was never said to fail: `R` told only what
    arrived from it, and then "Nothing new from 2 feeds." counting it among those read."""
    whole = rss("Cut", ITEMS)
    arrived = whole[: len(whole) * 6 // 10]
    assert arrived.count(b"</item>") == 1  # one complete item before the cut
    feed_server.route("/cape.xml", Reply(body=rss("Cape", ITEMS[:1])))
    feed_server.route("/cut.xml", Reply(body=arrived, short_by=len(whole) - len(arrived)))
    app = make_app(settings=Settings(fetch_in_background=False))
    for name in ("cape", "cut"):
        app.desk.add_feed(f"{feed_server.url}/{name}.xml", name=name)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_until(pilot, lambda: any("cut short" in m for m in seen))
        await settle(pilot)
        assert any("arrived" in m for m in seen)
        (failure,) = [m for m in seen if "cut short" in m]
        assert "cut" in failure.replace("cut short", "")
        seen.clear()
        await pilot.press("R")
        await wait_until(pilot, lambda: any("cut short" in m for m in seen))
        await settle(pilot)
    assert "Nothing new from 1 feed." in seen
