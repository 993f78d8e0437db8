"""A recurring feed item (the same headline and teaser every day, its own GUID and
link) is an article of its own each day; a long identical body under two GUIDs is
still one article (`desk.teaser_ids`; both backends)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from tests.feeds.server import FeedServer, Reply

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
TEASER = "Today's top stories from the desk."
LONG_BODY = (
    "The harbour authority approved a new ferry terminal on Tuesday after three years of "
    "planning disputes, giving the island towns a crossing every hour from next spring. "
    "Councillors from both coasts welcomed the decision, though fishermen warned that "
    "dredging the channel would disturb the oyster beds their families have worked for "
    "generations."
)


def item(day: int, title: str, body: str) -> str:
    return (
        f"<item><guid>brief-2026-12-0{day}</guid><title>{title}</title>"
        f"<link>http://example.invalid/briefing/2026-12-0{day}</link>"
        f"<description>{body}</description>"
        f"<pubDate>{['Sun', 'Mon'][day - 6]}, 0{day} Dec 2026 07:00:00 +0000</pubDate></item>"
    )


def feed(*items: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk Daily</title>'
        f"<link>http://example.invalid/</link>{''.join(items)}</channel></rss>"
    ).encode()


def stored(desk: Desk) -> list[str]:
    desk.sync_index()
    return sorted(desk.search("in:all", limit=None).ids)


def test_two_days_briefings_in_one_file_are_two_articles(backend: str, tmp_path: Path) -> None:
    path = tmp_path / "briefing.xml"
    path.write_bytes(feed(item(6, "Morning briefing", TEASER), item(7, "Morning briefing", TEASER)))
    with Desk() as desk:
        first = desk.import_paths([path])
        assert (len(first.imported_ids), first.duplicates) == (2, 0)
        again = desk.import_paths([path])  # the same file again: a no-op
        assert (len(again.imported_ids), again.duplicates) == (0, 2)
        assert len(stored(desk)) == 2


def test_next_days_briefing_fetched_is_new(backend: str, feed_server: FeedServer) -> None:
    rss = {"Content-Type": "application/rss+xml"}
    feed_server.route(
        "/daily.xml", Reply(body=feed(item(6, "Morning briefing", TEASER)), headers=rss)
    )
    with Desk() as desk:
        desk.add_feed(f"{feed_server.url}/daily.xml", name="daily")
        (first,) = desk.fetch(["daily"], limits=LIMITS).feeds
        assert first.new == 1
        both = feed(item(7, "Morning briefing", TEASER), item(6, "Morning briefing", TEASER))
        feed_server.route("/daily.xml", Reply(body=both, headers=rss))
        (second,) = desk.fetch(["daily"], limits=LIMITS).feeds
        assert second.new == 1
        (third,) = desk.fetch(["daily"], limits=LIMITS).feeds
        assert third.new == 0
        assert len(stored(desk)) == 2


def test_long_identical_body_under_two_guids_is_stored_once(backend: str, tmp_path: Path) -> None:
    path = tmp_path / "copies.xml"
    path.write_bytes(
        feed(
            item(6, "Ferry terminal approved", LONG_BODY),
            item(7, "Ferry terminal approved", LONG_BODY),
        )
    )
    with Desk() as desk:
        summary = desk.import_paths([path])
        assert (len(summary.imported_ids), summary.duplicates) == (1, 1)
        assert len(stored(desk)) == 1


def test_a_teaser_under_another_guid_and_the_same_link_is_that_article(
    backend: str, tmp_path: Path
) -> None:
    """The same link says the same item (a feed that numbered its GUIDs again), teaser
    or not: only an item whose GUID and link both differ (or are missing) is its own."""
    days = []
    for day in (6, 7):
        path = tmp_path / f"briefing-{day}.xml"
        told = item(day, "Morning briefing", TEASER).replace(f"2026-12-0{day}</link>", "</link>")
        path.write_bytes(feed(told))
        days.append(path)
    with Desk() as desk:
        assert len(desk.import_paths(days[:1]).imported_ids) == 1
        again = desk.import_paths(days[1:])
        assert (len(again.imported_ids), again.duplicates) == (0, 1)
