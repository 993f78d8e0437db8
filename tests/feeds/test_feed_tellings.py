"""Whose telling a stored feed item is: only the feed that told it corrects it (by its
GUID, or by its link when it has none); a deleted item stays deleted however its feed
re-words it; a correction keeps the editor's state, and the rules see only what is new
in it (both backends)."""

from __future__ import annotations

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
HEADERS = {"Content-Type": "application/rss+xml"}
GUID = "http://news.example/story/77"
FULL = (
    "The mayor of Riverton resigned on Tuesday after a month of protests over the harbour "
    "contract, telling the council she had lost its trust; her deputy takes over until an "
    "election in the spring."
)
TEASER = "The mayor resigned. Read more at Origin Times."


def serve(server: FeedServer, path: str, body: bytes) -> None:
    server.route(path, Reply(body=body, headers=HEADERS))


def link_only(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 document whose items have no GUID: (title, link, description)."""
    parts = [
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        "<link>http://links.invalid/</link>"
    ]
    for item_title, link, text in items:
        parts.append(
            f"<item><title>{item_title}</title><link>{link}</link>"
            f"<description>{text}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def test_another_feeds_item_under_the_same_guid_never_overwrites(
    backend: str, feed_server: FeedServer
) -> None:
    """The audit: the aggregator's teaser under the origin's GUID was taken for a
    correction ("synd-b: 0 new, 1 updated") and the full text was gone."""
    a = rss("Origin Times", [(GUID, "Mayor resigns", GUID, FULL)], site="http://news.example/")
    b = rss("Aggregator", [(GUID, "Mayor resigns", GUID, TEASER)], site="http://agg.invalid/")
    serve(feed_server, "/a.xml", a)
    serve(feed_server, "/b.xml", b)
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/a.xml", name="synd-a")
        desk.add_feed(f"{feed_server.url}/b.xml", name="synd-b")
        assert desk.fetch(["synd-a"], limits=LIMITS).feeds[0].new == 1
        (aid,) = desk.search("", limit=None).ids
        for _ in range(2):  # and the origin's next fetch does not take it back either
            (fetched_b,) = desk.fetch(["synd-b"], limits=LIMITS).feeds
            assert (fetched_b.new, fetched_b.updated) == (0, 0)
            (fetched_a,) = desk.fetch(["synd-a"], limits=LIMITS).feeds
            assert (fetched_a.new, fetched_a.updated) == (0, 0)
        assert desk.count() == 1
        article = desk.get(aid)
        assert article is not None and "lost its trust" in article.meta.body
        # The aggregator is recorded as one more origin of the story.
        assert any("/b.xml" in origin for origin in article.origins)
        # Its own feed still corrects it.
        serve(
            feed_server,
            "/a.xml",
            rss("Origin Times", [(GUID, "Mayor resigns", GUID, FULL + " Updated.")]),
        )
        assert desk.fetch(["synd-a"], limits=LIMITS).feeds[0].updated == 1
        article = desk.get(aid)
        assert article is not None and article.meta.body.endswith("Updated.")


def test_a_deleted_item_stays_deleted_when_its_text_changes(
    backend: str, feed_server: FeedServer
) -> None:
    """The audit: delete it, change "120 km/h" to "130 km/h" in the feed, fetch: "1 new"."""
    text = "Police said the car was doing {} on the ring road when it left the carriageway."
    item = ("crash-9", "Ring road crash", "http://example.invalid/crash-9", text.format("120 km/h"))
    serve(feed_server, "/feed.xml", rss("Coast Courier", [item]))
    links = [("Bus lane opens", "http://links.invalid/bus", text.format("a crawl"))]
    serve(feed_server, "/links.xml", link_only("Links Weekly", links))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        desk.add_feed(f"{feed_server.url}/links.xml", name="links")
        assert desk.fetch(every=True, limits=LIMITS).new == 2
        desk.delete(desk.search("", limit=None).ids)
        serve(
            feed_server, "/feed.xml", rss("Coast Courier", [(*item[:3], text.format("130 km/h"))])
        )
        links = [("Bus lane opens", "http://links.invalid/bus", text.format("walking pace"))]
        serve(feed_server, "/links.xml", link_only("Links Weekly", links))
        summary = desk.fetch(every=True, limits=LIMITS)
        assert summary.new == 0 and desk.count() == 0
        assert all(f.updated == 0 for f in summary.feeds)


def test_an_item_without_a_guid_is_updated_under_its_link(
    backend: str, feed_server: FeedServer
) -> None:
    """The audit: headline and body changed under the same link were "unchanged (1 items
    already stored)" and the old text kept."""
    first = [("Council delays vote", "http://links.invalid/vote", "The vote is put off a week.")]
    serve(feed_server, "/links.xml", link_only("Links Weekly", first))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/links.xml", name="links")
        assert desk.fetch(["links"], limits=LIMITS).feeds[0].new == 1
        (aid,) = desk.search("", limit=None).ids
        desk.star([aid])
        second = [
            (
                "Council delays vote again",
                "http://links.invalid/vote",
                "The vote is put off until March, the chair said.",
            )
        ]
        serve(feed_server, "/links.xml", link_only("Links Weekly", second))
        (again,) = desk.fetch(["links"], limits=LIMITS).feeds
        assert (again.new, again.updated) == (0, 1)
        assert desk.count() == 1
        article = desk.get(aid)
        assert article is not None and article.meta.title == "Council delays vote again"
        assert article.state.starred


def test_an_update_keeps_the_state_and_the_rules_see_only_what_is_new(
    backend: str, feed_server: FeedServer
) -> None:
    """The audit: an item read by a rule was unread again after its correction, and a
    rule matching only the new headline never ran."""
    old = ("firm-1", "Harbour firm in talks", "http://example.invalid/firm", "Talks went on.")
    new = ("firm-1", "Harbour firm signs deal", "http://example.invalid/firm", "Talks ended.")
    serve(feed_server, "/feed.xml", rss("Coast Courier", [old]))
    with Desk(resolve()) as desk:
        desk.add_rule("harbour", "title:harbour", ["read", "star"])
        desk.add_rule("deals", "title:deal", ["archive", "+deals"])
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        assert desk.fetch(["coast"], limits=LIMITS).feeds[0].new == 1
        (aid,) = desk.search("", limit=None).ids
        desk.star([aid], on=False)  # the editor's choice, against the rule's
        serve(feed_server, "/feed.xml", rss("Coast Courier", [new]))
        assert desk.fetch(["coast"], limits=LIMITS).feeds[0].updated == 1
        article = desk.get(aid)
        assert article is not None and article.meta.title == "Harbour firm signs deal"
        assert article.state.read  # the rule's read stays
        assert not article.state.starred  # the rule that matched before does not act again
        assert article.state.archived and "deals" in article.state.tags  # the new match does


def test_a_reverted_item_is_an_update_too(backend: str, feed_server: FeedServer) -> None:
    """After an update, the feed going back to the first text was "unchanged"."""
    first = ("rev-1", "Bridge closes", "http://example.invalid/bridge", "The bridge closes today.")
    later = ("rev-1", "Bridge stays open", "http://example.invalid/bridge", "It stays open.")
    serve(feed_server, "/feed.xml", rss("Coast Courier", [first]))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        desk.fetch(["coast"], limits=LIMITS)
        (aid,) = desk.search("", limit=None).ids
        serve(feed_server, "/feed.xml", rss("Coast Courier", [later]))
        assert desk.fetch(["coast"], limits=LIMITS).feeds[0].updated == 1
        serve(feed_server, "/feed.xml", rss("Coast Courier", [first]))
        assert desk.fetch(["coast"], limits=LIMITS).feeds[0].updated == 1
        article = desk.get(aid)
        assert article is not None and article.meta.title == "Bridge closes"
        assert desk.count() == 1


def test_the_rules_over_a_fetch_of_several_feeds_are_one_step(
    backend: str, feed_server: FeedServer
) -> None:
    """One `undo` after a fetch took back only one feed's rule changes: each feed's items
    were a rule step of their own."""
    serve(feed_server, "/a.xml", rss("Isle Post", [("a-1", "Ferry to Skerry cancelled", "http://a.invalid/1", "Storms.")]))  # fmt: skip
    serve(feed_server, "/b.xml", rss("Bay News", [("b-1", "New ferry for the bay", "http://b.invalid/1", "It arrived.")]))  # fmt: skip
    with Desk(resolve()) as desk:
        desk.add_rule("sk", "ferry", ["star", "+ferries"])
        desk.add_feed(f"{feed_server.url}/a.xml", name="isle")
        desk.add_feed(f"{feed_server.url}/b.xml", name="bay")
        assert desk.fetch(every=True, limits=LIMITS).new == 2
        ids = desk.search("", limit=None).ids
        assert all(desk.get(i).state.starred for i in ids)  # type: ignore[union-attr]
        assert [r.kind for r in desk.history()].count("rule sk") == 1
        undone = desk.undo()
        assert undone is not None and sorted(undone.changed) == sorted(ids)
        for i in ids:
            article = desk.get(i)
            assert article is not None and not article.state.starred
            assert "ferries" not in article.state.tags
