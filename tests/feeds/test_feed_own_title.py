"""A feed added without a name is named after its own title; its items' outlet names it
only when it gives no usable title (an aggregator was named after one of its sites)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds.feed_title import own_title
from newsdesk.feeds.http import Limits
from newsdesk.feeds.names import name_from_title
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)


def _alert_feed(title: str) -> bytes:
    """An alert service's Atom feed: each item wraps a link to some other site."""
    sites = ["portnews.example", "portnews.example", "quayside.example", "tidal.example"]
    entries = "".join(
        f"<entry><id>tag:alerts.example,2026:{n}</id>"
        f'<title type="html">Harbour &lt;b&gt;cranes&lt;/b&gt; story {n}</title>'
        f'<link href="https://alerts.example/url?rct=j&amp;url=https://{site}/cranes-{n}'
        f'&amp;ct=ga"/><updated>2026-12-0{n + 1}T10:00:00Z</updated>'
        f'<content type="html">Dock workers at the harbour said crane number {n} was idle '
        f"again on Tuesday while the port waited for parts.</content></entry>"
        for n, site in enumerate(sites)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>tag:alerts.example,2026:feed</id><title>{title}</title>"
        '<link href="https://alerts.example/feeds/1" rel="self"/>'
        f"<updated>2026-12-06T10:00:00Z</updated>{entries}</feed>"
    ).encode()


def test_an_aggregator_is_named_after_its_own_title(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.route("/alerts.xml", Reply(body=_alert_feed("Desk Alert - Harbour Cranes")))
    assert main(["feeds", "add", f"{feed_server.url}/alerts.xml"]) == 0
    capsys.readouterr()
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert "+ desk-alert-harbour-cranes: 4 new" in out
    assert main(["feeds", "list", "--json"]) == 0
    (sub,) = json.loads(capsys.readouterr().out)
    assert (sub["name"], sub["title"]) == (
        "desk-alert-harbour-cranes",
        "Desk Alert - Harbour Cranes",
    )
    with Desk(resolve()) as desk:
        # The items keep their own outlets: only the subscription is named by the feed.
        articles = [desk.get(i) for i in desk.inbox_ids()]
    sources = {a.meta.source for a in articles if a is not None}
    assert "portnews.example" in sources


def test_without_a_usable_title_the_items_outlet_names_it(feed_server: FeedServer) -> None:
    # "News" names no feed; nor does a feed with no title at all.
    feed_server.route("/generic.xml", Reply(body=_alert_feed("News")))
    items = [("u-1", "Ferry late", "http://isle.example/ferry", "The ferry was late.")]
    untitled = rss("", items, site="http://isle.example/").replace(b"<title></title>", b"")
    feed_server.route("/untitled.xml", Reply(body=untitled))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/generic.xml")
        desk.add_feed(f"{feed_server.url}/untitled.xml")
        desk.fetch(every=True, limits=LIMITS)
        names = {s.url.rsplit("/", 1)[1]: (s.name, s.title) for s in desk.feeds()}
    assert names["generic.xml"] == ("portnews-example", "portnews.example")
    assert names["untitled.xml"] == ("isle-example", "isle.example")


def test_the_readme_example_and_a_name_given_are_kept(feed_server: FeedServer) -> None:
    items = [("o-1", "Dam opens", "http://origin.example/dam", "The dam opened.")]
    feed_server.route("/o.xml", Reply(body=rss("Origin Times - News", items)))
    feed_server.route("/p.xml", Reply(body=rss("Origin Times - News", items)))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/o.xml")
        desk.add_feed(f"{feed_server.url}/p.xml", name="mine")
        desk.fetch(["o"], limits=LIMITS)
        desk.fetch(["mine"], limits=LIMITS)
        names = {s.url.rsplit("/", 1)[1]: (s.name, s.title) for s in desk.feeds()}
    assert names["o.xml"] == ("origin-times", "Origin Times - News")
    assert names["p.xml"] == ("mine", "Origin Times - News")


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Google Alert - Slack", "google-alert-slack"),
        ("Origin Times - News", "origin-times"),
        ("Latest News | Origin Times", "origin-times"),
        ("The Register - Science", "the-register-science"),
        ("Reuters: Top News", "reuters"),
        ("News", ""),
        ("Top Stories", ""),
        ("News, Politics, Opinion, Commentary, and Analysis", ""),
        (
            "A very long title of a feed that goes on and on past the limit",
            "a-very-long-title-of-a-feed-that-goes-on",
        ),
    ],
)
def test_names_from_titles(title: str, name: str) -> None:
    assert name_from_title(title) == name


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # RSS: an <image> before the channel's own title has a title of its own.
        (
            "<rss><channel><image><title>Logo</title></image><title>Valley Post</title>"
            "<item><title>First</title></item></channel></rss>",
            "Valley Post",
        ),
        (
            "<rss><channel><title><![CDATA[Tom & Jerry's <b>Daily</b>]]></title></channel></rss>",
            "Tom & Jerry's Daily",
        ),
        ("<rss><channel><title>Q&amp;A &#8211; Daily</title></channel></rss>", "Q&A – Daily"),
        ('<feed><title type="html">&lt;b&gt;Slack&lt;/b&gt; alerts</title></feed>', "Slack alerts"),
        # RSS 1.0: <items> is a list, not an item.
        (
            "<rdf:RDF><channel><items><rdf:Seq/></items><title>Planet Desk</title></channel>"
            "<item><title>One</title></item></rdf:RDF>",
            "Planet Desk",
        ),
        ("<rss><channel><item><title>Only an item's</title></item></channel></rss>", None),
        ("<rss><channel><title/><title>  Second\n  try </title></channel></rss>", "Second try"),
        ("<rss><channel>" + "<title " * 5000, None),
        (
            '{"version": "https://jsonfeed.org/version/1.1", "title": "Jay Feed", "items": []}',
            "Jay Feed",
        ),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": []}', None),
    ],
)
def test_own_title(text: str, title: str | None) -> None:
    assert own_title(text) == title


def test_an_opml_title_names_a_feed_the_same_way(tmp_path: Path) -> None:
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline type="rss" text="Origin Times - News" xmlUrl="http://origin.invalid/rss"/>'
        '<outline type="rss" text="Top Stories" xmlUrl="http://www.harbour.invalid/feed"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    with Desk(resolve()) as desk:
        desk.import_opml(opml)
        names = sorted(s.name for s in desk.feeds())
    assert names == ["harbour", "origin-times"]
