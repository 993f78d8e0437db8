"""A feed item told again emptied, as a teaser or cut short keeps its stored text: the
fetch replaced a starred article's 240 words with none, and `undo` could not bring
them back. A real correction still updates."""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
HEADLINE = "Council votes to rebuild the harbour wall"
#: 240 words: twelve sentences of twenty, each its own.
SENTENCES = [
    f"Councillor number {n} told the meeting in Quillport that the {topic} would need "
    f"careful work before the winter storms arrived and the tides rose again this year."
    for n, topic in enumerate(
        [
            "harbour wall",
            "ferry ramp",
            "fish market",
            "lifeboat station",
            "coastal path",
            "sea defences",
            "old lighthouse",
            "drainage channel",
            "boatyard slipway",
            "esplanade railings",
            "quay lighting",
            "tidal pool",
        ]
    )
]
FULL = " ".join(SENTENCES)


def serve(feed_server: FeedServer, text: str, title: str = HEADLINE) -> None:
    body = rss("Quillport Tide", [("z1", title, "http://example.invalid/z1", text)])
    feed_server.route(
        "/feed.xml", Reply(body=body, headers={"Content-Type": "application/rss+xml"})
    )


def _stored_starred(desk: Desk, feed_server: FeedServer) -> str:
    serve(feed_server, FULL)
    desk.add_feed(f"{feed_server.url}/feed.xml", name="tide")
    (first,) = desk.fetch(["tide"], limits=LIMITS).feeds
    assert first.new == 1
    (aid,) = desk.inbox_ids()
    desk.star([aid])
    article = desk.get(aid)
    assert article is not None and article.meta.word_count >= 200
    return aid


@pytest.mark.parametrize(
    "later",
    ["", "Read more at our site.", " ".join(FULL.split()[:30])],
    ids=["emptied", "teaser", "cut-to-30-words"],
)
def test_a_shorter_telling_keeps_the_stored_text(
    backend: str, feed_server: FeedServer, later: str
) -> None:
    with Desk(resolve()) as desk:
        aid = _stored_starred(desk, feed_server)
        serve(feed_server, later)
        (again,) = desk.fetch(every=True, limits=LIMITS).feeds  # `fetch --all`
        assert again.updated == 0 and again.new == 0
        article = desk.get(aid)
        assert article is not None
        assert article.meta.body.split() == FULL.split()
        assert article.meta.word_count >= 200 and article.state.starred
        assert desk.count() == 1


def test_a_corrected_headline_over_an_emptied_text_keeps_the_text(
    backend: str, feed_server: FeedServer
) -> None:
    with Desk(resolve()) as desk:
        aid = _stored_starred(desk, feed_server)
        serve(feed_server, "", title="CORRECTED: Council votes to rebuild the harbour walls")
        (again,) = desk.fetch(["tide"], limits=LIMITS).feeds
        assert again.updated == 1
        article = desk.get(aid)
        assert article is not None
        assert article.meta.title == "CORRECTED: Council votes to rebuild the harbour walls"
        assert article.meta.body.split() == FULL.split()


def test_a_real_correction_still_replaces_the_text(backend: str, feed_server: FeedServer) -> None:
    """Most of the earlier words kept, some changed (and the last paragraph cut)."""
    corrected = " ".join(SENTENCES[:9]).replace("number 3", "number 4") + " A late addition."
    with Desk(resolve()) as desk:
        aid = _stored_starred(desk, feed_server)
        serve(feed_server, corrected)
        (again,) = desk.fetch(["tide"], limits=LIMITS).feeds
        assert again.updated == 1
        article = desk.get(aid)
        assert article is not None and "A late addition." in article.meta.body
        assert article.state.starred
