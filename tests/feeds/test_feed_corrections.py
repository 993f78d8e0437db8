"""A feed item corrected under the same GUID updates the stored article (both backends)."""

from __future__ import annotations

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
FIRST = (
    "crash-123",
    "Six dead in motorway crash",
    "http://example.invalid/crash",
    "Six people died in a crash on the coast motorway on Monday, police said, and the road "
    "stayed closed for the night.",
)
CORRECTED = (
    "crash-123",
    "CORRECTED: Four dead in motorway crash",
    "http://example.invalid/crash",
    "Four people died in a crash on the coast motorway on Monday, police said, correcting an "
    "earlier toll of six; the road stayed closed for the night.",
)
OTHER = (
    "bridge-7",
    "Bridge repairs begin",
    "http://example.invalid/bridge",
    "Repairs to the old river bridge began on Tuesday and will take three weeks, the council said.",
)


def serve(feed_server: FeedServer, items: list[tuple[str, str, str, str]]) -> None:
    body = rss("Coast Courier", items)
    feed_server.route(
        "/feed.xml", Reply(body=body, headers={"Content-Type": "application/rss+xml"})
    )


def test_a_corrected_item_replaces_the_stored_telling(
    backend: str, feed_server: FeedServer
) -> None:
    """The correction was dropped as "unchanged (1 items already stored)": the list kept
    "Six dead" and a search for "four" found nothing."""
    serve(feed_server, [FIRST, OTHER])
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        (first,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert first.new == 2
        desk.sync_index()
        (stored_id,) = desk.search('"six dead"', limit=None).ids
        desk.mark_read([stored_id])
        desk.star([stored_id])
        serve(feed_server, [CORRECTED, OTHER])
        (again,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert again.status == "new" and again.new == 0 and again.updated == 1
        assert desk.count() == 2  # no second article
        article = desk.get(stored_id)
        assert article is not None
        assert article.meta.title == "CORRECTED: Four dead in motorway crash"
        assert "Four people died" in article.meta.body
        assert not article.state.read and article.state.starred  # unread again, star kept
        desk.sync_index()
        assert desk.search("four", limit=None).ids == [stored_id]
        assert desk.search('"six people died"', limit=None).ids == []
        # The same telling again changes nothing.
        (same,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert same.status == "unchanged" and same.updated == 0
