"""What the editor is told while the queue fills itself: what arrived and what a rule
archived stay in view on a small screen however many feeds fail, a watched folder says
what a rule archived as a fetch does, and "arrived since" counts only what the inbox
shows (not a late, older wire version)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.config import Settings
from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.widgets.fetch_job import FetchJob
from newsdesk.tui.widgets.folder_watch import FolderWatch
from newsdesk.tui.widgets.status_line import StatusLine, status_text
from tests.feeds.server import FeedServer, Reply, rss
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until
from tests.wire.nitf import nitf_item

ITEMS = [
    (
        "c-1",
        "Lighthouse keeper retires after forty years",
        "http://example.invalid/lighthouse",
        "The keeper of the Portmoor lighthouse retired on Monday, the harbour board said.",
    ),
    (
        "c-2",
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


def on_screen(app: object) -> list[str]:
    """The notices standing now (Textual's own list: what the editor can read)."""
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_arrivals_stay_in_view_when_feeds_fail(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer, size: tuple[int, int]
) -> None:
    feed_server.route("/coast.xml", Reply(body=rss("Coast", ITEMS)))
    feed_server.route("/cut.xml", Reply(body=b"<rss><channel><item><title>Cut"))
    with Desk(seeded) as desk:
        desk.add_feed(f"{feed_server.url}/coast.xml", name="coast")
        desk.add_feed(f"{feed_server.url}/missing.xml", name="missing")  # 404
        desk.add_feed(f"{feed_server.url}/cut.xml", name="cut")
        desk.add_rule("kill", "title:lighthouse", ["archive"])
    app = make_app(settings=Settings(fetch_in_background=False))
    seen = record_notifications(app)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        job = main_screen(app).query_one(FetchJob)
        await pilot.press("R")
        await wait_until(pilot, lambda: any("feeds failed" in m for m in seen), seconds=20)
        assert not job.running
        await pilot.pause(0.1)
        shown = on_screen(app)
        # What arrived, and what the rule archived, is still there beside the failures,
        # which are one notice however many feeds failed.
        assert "2 articles arrived from coast, archived 1 by rule kill." in shown
        failed = [m for m in shown if "failed" in m]
        assert len(failed) == 1
        assert failed[0].startswith("2 feeds failed: ") and "F lists them." in failed[0]
        assert "missing" in failed[0] and "cut" in failed[0]
        # Only a wide screen has room for each reason; a small one names the feeds.
        assert ("not found" in failed[0]) == (size[0] >= 110)


async def test_a_watched_folder_says_what_a_rule_archived(
    make_app: AppFactory, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    app = make_app(settings=Settings(fetch_in_background=False, watch_folders=[drop]))
    app.desk.add_rule("kill", "title:horoscope", ["archive"])
    seen = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: main_screen(app).query_one(FolderWatch).running)
        outside = tmp_path / "outside"
        outside.mkdir()
        (outside / "stars.txt").write_text(
            "Horoscope for Wednesday: the stars favour the bold\n\n"
            "Aries will find the week long and the evenings longer, the column said.\n",
            encoding="utf-8",
        )
        (outside / "ferry.txt").write_text(
            "Night ferry resumes crossings to the outer islands\n\n"
            "The night ferry sailed again on Tuesday after a month in dry dock, "
            "the island council said.\n",
            encoding="utf-8",
        )
        for name in ("stars.txt", "ferry.txt"):
            (outside / name).rename(drop / name)
        said = "articles arrived in watched folders, archived 1 by rule kill."
        await wait_until(pilot, lambda: any(said in m for m in seen), seconds=20)


async def test_a_late_older_wire_version_is_not_counted_as_arrived(
    make_app: AppFactory, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    app = make_app(settings=Settings(fetch_in_background=False, watch_folders=[drop]))
    seen = record_notifications(app)
    body = "<p>A storm closed the coast road at Oddby on Monday, the police said.</p>"
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await wait_until(pilot, lambda: screen.query_one(FolderWatch).running)
        before = len(screen.inbox.ids)

        def header() -> str:
            return str(status_text(screen.query_one(StatusLine).info))

        outside = tmp_path / "outside"
        outside.mkdir()
        (outside / "v3.xml").write_text(
            nitf_item(3, "usable", "Storm closes Oddby coast road", body, slug="ODDBY-STORM"),
            encoding="utf-8",
        )
        (outside / "v3.xml").rename(drop / "v3.xml")
        await wait_until(pilot, lambda: "1 arrived since" in header(), seconds=20)
        await wait_until(pilot, lambda: len(screen.inbox.ids) == before + 1)
        (outside / "v1.xml").write_text(
            nitf_item(1, "usable", "Storm hits Oddby", body, slug="ODDBY-STORM"),
            encoding="utf-8",
        )
        (outside / "v1.xml").rename(drop / "v1.xml")
        await wait_until(pilot, lambda: sum("arrived in watched" in m for m in seen) == 2, 20)
        await wait_until(pilot, lambda: not screen.answering)
        await pilot.pause(0.2)
        # The inbox shows v3 only: v1 arrived, but the header counts what is listed.
        assert len(screen.inbox.ids) == before + 1
        assert "1 arrived since" in header()


async def test_arrived_since_never_counts_what_a_rule_archives_at_the_fetchs_end(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    """The rules write once, when every feed is in: the header counted the killfiled
    article as it joined the list and took it back at the end (3 -> 5 -> 4)."""
    slow_may_answer = threading.Event()
    feed_server.route("/coast.xml", Reply(body=rss("Coast", ITEMS)))
    slow = [("s-1", "Ferry timetable changes", "http://example.invalid/ferry", "The ferry.")]
    feed_server.route("/slow.xml", Reply(body=rss("Slow", slow), hold=slow_may_answer))
    with Desk(seeded) as desk:
        desk.add_feed(f"{feed_server.url}/coast.xml", name="coast")
        desk.add_feed(f"{feed_server.url}/slow.xml", name="slow")
        desk.add_rule("kill", "title:lighthouse", ["archive"])
    app = make_app(settings=Settings(fetch_in_background=False))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            job = screen.query_one(FetchJob)
            before = len(screen.inbox.ids)

            def header() -> str:
                return str(status_text(screen.query_one(StatusLine).info))

            await pilot.press("R")
            # The coast feed's two articles joined the list; the slow feed is still asked.
            await wait_until(pilot, lambda: len(screen.inbox.ids) == before + 2, seconds=15)
            await pilot.pause(0.2)
            assert job.running
            assert "1 arrived since" in header()
            slow_may_answer.set()
            await wait_until(pilot, lambda: not job.running, seconds=15)
            await settle(pilot)
            assert "2 arrived since" in header()
            assert len(screen.inbox.ids) == before + 2
    finally:
        slow_may_answer.set()


async def test_a_watched_file_that_failed_before_is_not_announced_at_each_start(
    make_app: AppFactory, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "photo.txt").write_bytes(b"\x00\x01\x02" * 400)
    settings = Settings(fetch_in_background=False, watch_folders=[drop])
    app = make_app(settings=settings)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: any("photo.txt" in m for m in seen), seconds=20)
    # The next start: the file is unchanged, its failure is in the import log (L).
    again = make_app(settings=settings)
    said = record_notifications(again)
    async with again.run_test(size=SIZE) as pilot:
        screen = main_screen(again)
        await wait_until(pilot, lambda: screen.query_one(FolderWatch).running)
        outside = tmp_path / "outside"
        outside.mkdir()
        (outside / "ferry.txt").write_text(
            "Night ferry resumes crossings to the outer islands\n\n"
            "The night ferry sailed again on Tuesday after a month in dry dock, "
            "the island council said.\n",
            encoding="utf-8",
        )
        (outside / "ferry.txt").rename(drop / "ferry.txt")
        # The first look at the folder (photo.txt) came before this file's import.
        await wait_until(pilot, lambda: any("arrived in watched" in m for m in said), 20)
        assert not any("photo.txt" in m for m in said), said
        # Written again (still not text): said, as any new failure is.
        (drop / "photo.txt").write_bytes(b"\x00\x03\x04" * 500)
        await wait_until(pilot, lambda: any("photo.txt" in m for m in said), seconds=20)
