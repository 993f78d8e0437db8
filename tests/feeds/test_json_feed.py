"""JSON Feed 1.0/1.1 served by a subscription is read as a feed (it was "malformed
XML: not well-formed"); other JSON is said to be JSON."""

from __future__ import annotations

import json

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
HEADERS = {"Content-Type": "application/feed+json"}


def json_feed(items: list[dict[str, object]], version: str = "1.1") -> bytes:
    document = {
        "version": f"https://jsonfeed.org/version/{version}",
        "title": "JSON Desk",
        "home_page_url": "http://jd.invalid/",
        "items": items,
    }
    # Pretty-printed one item a line, as the audit's server sent it.
    return json.dumps(document, indent=1).encode()


AIRPORT: dict[str, object] = {
    "id": "jd-1",
    "url": "http://jd.invalid/1",
    "title": "Airport expansion approved",
    "content_html": "<p>The regional airport expansion was approved by the board on Friday.</p>",
    "summary": "A second runway by 2030.",
    "date_published": "2026-12-05T21:00:00+02:00",
    "authors": [{"name": "Lee Smith"}],
}
LIBRARY: dict[str, object] = {
    "id": 2,  # JSON Feed 1.0 feeds sometimes number their items
    "url": "http://jd.invalid/2",
    "content_text": "The library closes early for the holidays this year, the council said.",
    "date_modified": "2026-12-05T11:00:00Z",
    "author": {"name": "Ana Costa"},
}


def test_a_json_feed_is_read_and_updated_like_rss(feed_server: FeedServer) -> None:
    feed_server.route("/feed.json", Reply(body=json_feed([AIRPORT, LIBRARY]), headers=HEADERS))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.json", name="jd")
        (first,) = desk.fetch(["jd"], limits=LIMITS).feeds
        assert (first.status, first.new, first.reason) == ("new", 2, None)
        articles = {a.meta.url: a for a in desk.get_many(desk.search("", limit=None).ids)}
        airport = articles["http://jd.invalid/1"]
        assert airport.meta.title == "Airport expansion approved"
        assert "approved by the board" in airport.meta.body
        assert airport.meta.authors == ["Lee Smith"]
        assert airport.meta.published == "2026-12-05T21:00:00+02:00"
        assert airport.meta.dek == "A second runway by 2030."
        library = articles["http://jd.invalid/2"]
        assert "closes early" in library.meta.body and library.meta.authors == ["Ana Costa"]
        corrected = {**AIRPORT, "title": "Airport expansion approved, with conditions"}
        feed_server.route(
            "/feed.json", Reply(body=json_feed([corrected, LIBRARY]), headers=HEADERS)
        )
        (again,) = desk.fetch(["jd"], limits=LIMITS).feeds
        assert (again.new, again.updated) == (0, 1)


def test_other_json_is_named_as_json(feed_server: FeedServer) -> None:
    # An API's answer, one record a line, with markup in its strings.
    body = b'{"status": "ok", "records": [\n{"html": "<p>Results</p>"},\n{"html": "<b>2</b>"}]}'

    feed_server.route("/api", Reply(body=body, headers={"Content-Type": "application/json"}))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/api", name="api")
        (outcome,) = desk.fetch(["api"], limits=LIMITS).feeds
        assert outcome.status == "failed"
        assert outcome.reason is not None and "the server sent JSON" in outcome.reason
        assert "XML" not in outcome.reason
