"""Feeds end to end against a real HTTP server on 127.0.0.1 (no internet)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsdesk.desk import Desk
from newsdesk.errors import DeskError
from newsdesk.feeds.http import Limits

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>
<link>http://gazette.example/</link>
<item><title>Ferry timetable changes from Monday</title><guid>g-1</guid>
<link>http://gazette.example/ferry</link>
<description>The harbour authority said the morning ferry will leave ten minutes
earlier from Monday, after complaints from commuters about crowded decks.</description></item>
<item><title>Lighthouse keeper retires after forty years</title><guid>g-2</guid>
<link>http://gazette.example/lighthouse</link>
<description>Marta Quill climbed the spiral stairs one last time on Friday, the
town council said, ending four decades of service at the point.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            body = FEED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/gone.xml":
            self.send_response(410)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/page.html":
            body = b"<html><body><p>Not a feed at all.</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LIMITS = Limits(connect_timeout=2, read_timeout=2, total_timeout=4)


def test_fetch_stores_items_then_second_fetch_is_304(desk: Desk, server: str) -> None:
    desk.add_feed(f"{server}/feed.xml", name="gazette")
    first = desk.fetch(limits=LIMITS)
    assert first.new == 2
    second = desk.fetch(every=True, limits=LIMITS)
    assert [(f.status, f.reason) for f in second.feeds] == [("unchanged", None)]
    assert second.new == 0
    assert desk.count() == 2
    desk.sync_index()
    assert len(desk.search("feed:gazette").ids) == 2
    assert desk.search("feed:other").ids == []
    (sub,) = desk.feeds()
    assert sub.items == 2 and sub.unread == 2 and sub.last_error is None


def test_failures_are_recorded(desk: Desk, server: str) -> None:
    desk.add_feed(f"{server}/gone.xml", name="gone")
    desk.add_feed(f"{server}/page.html", name="page")
    desk.add_feed(f"{server}/missing.xml", name="missing")
    summary = desk.fetch(limits=LIMITS)
    reasons = {f.name: f.reason or "" for f in summary.feeds}
    assert "410" in reasons["gone"]
    assert "HTML" in reasons["page"]
    assert "404" in reasons["missing"]
    subs = {s.name: s for s in desk.feeds()}
    assert subs["gone"].paused
    assert "404" in (subs["missing"].last_error or "")


def test_only_http_urls(desk: Desk) -> None:
    for url in ("file:///etc/hosts", "data:text/plain,hi", "ftp://example.org/f"):
        with pytest.raises(DeskError, match="only http and https"):
            desk.add_feed(url)
    # Accepted, port 99999 failed at every fetch as "Connection refused".
    with pytest.raises(DeskError, match="port"):
        desk.add_feed("http://127.0.0.1:99999/feed.xml")
    assert desk.feeds() == []


def test_a_feeds_tags_are_tags_as_typed_ones_are(desk: Desk) -> None:
    # `--tag ''` was kept as an empty tag ("tags )"); tags were stored as written.
    with pytest.raises(DeskError, match="cannot be a tag"):
        desk.add_feed("http://127.0.0.1:8080/a.xml", tags=[""])
    sub = desk.add_feed("http://127.0.0.1:8080/b.xml", tags=["Breaking News", "+local", "local"])
    assert sub.tags == ["breaking-news", "local"]


@pytest.fixture
def desk() -> Iterator[Desk]:
    with Desk() as opened:
        yield opened


def test_a_feed_spelled_with_capitals_in_its_scheme_or_host_is_the_same_feed(desk: Desk) -> None:
    desk.add_feed("http://feeds.example.org/News.xml")
    with pytest.raises(DeskError, match="already subscribed"):
        desk.add_feed("HTTP://Feeds.Example.org/News.xml")
    # The path's case is the server's to tell apart.
    desk.add_feed("http://feeds.example.org/news.xml", name="lower")
    assert len(desk.feeds()) == 2


@pytest.mark.parametrize(
    "spelling",
    [
        "http://feeds.example.org/News.xml#top",
        "http://feeds.example.org/./News.xml",
        "http://feeds.example.org/old/../News.xml",
        "http://feeds.example.org:80/News.xml",
        "http://feeds.example.org:0080/News.xml",
    ],
)
def test_a_fragment_dot_segments_or_the_default_port_are_the_same_feed(
    desk: Desk, spelling: str
) -> None:
    # Each was a second subscription to one feed (two names after the first fetch).
    desk.add_feed("http://feeds.example.org/News.xml")
    with pytest.raises(DeskError, match="already subscribed"):
        desk.add_feed(spelling)
    # Another port or query is another feed.
    desk.add_feed("http://feeds.example.org:8080/News.xml", name="port")
    desk.add_feed("http://feeds.example.org/News.xml?section=2", name="query")
    assert len(desk.feeds()) == 3


def test_a_site_with_or_without_its_root_slash_is_one_feed(desk: Desk) -> None:
    desk.add_feed("http://news.example.org")
    with pytest.raises(DeskError, match="already subscribed"):
        desk.add_feed("http://news.example.org/")
    with pytest.raises(DeskError, match="already subscribed"):
        desk.add_feed("HTTP://News.Example.org:80")
