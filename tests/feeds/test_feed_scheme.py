"""`feed:` URLs (Safari, Firefox and some OPML exports write them) name the web address
behind them: added, found and fetched as that address."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds import service
from tests.feeds.server import FeedServer, Reply, rss


@pytest.mark.parametrize(
    ("given", "address"),
    [
        ("feed://news.example.org/rss", "http://news.example.org/rss"),
        ("FEED://news.example.org/rss", "http://news.example.org/rss"),
        ("feed:https://news.example.org/rss", "https://news.example.org/rss"),
        ("feed:http://news.example.org/rss", "http://news.example.org/rss"),
        ("http://news.example.org/rss", "http://news.example.org/rss"),
        ("feed:news", "feed:news"),  # no address behind it: refused as given
        ("feed:ftp://news.example.org/rss", "ftp://news.example.org/rss"),  # refused as ftp
    ],
)
def test_the_address_behind_a_feed_url(given: str, address: str) -> None:
    assert service.unwrapped(given) == address


def test_a_feed_url_is_added_as_its_address_and_found_by_either(open_desk: Desk) -> None:
    sub = open_desk.add_feed("feed:https://news.example.org/rss", name="news")
    assert sub.url == "https://news.example.org/rss"
    with pytest.raises(service.FeedError, match="already subscribed"):
        open_desk.add_feed("https://news.example.org/rss")
    assert open_desk.pause_feed("feed:https://news.example.org/rss").name == "news"
    with pytest.raises(service.FeedError, match="only http and https"):
        open_desk.add_feed("feed:news")


def test_an_opml_feed_url_is_subscribed_and_fetched(
    tmp_path: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    items = [
        (
            f"q-{n}",
            f"Quay lights replaced on pier {n}",
            f"http://example.invalid/q{n}",
            f"Workers replaced the lamps along pier {n} overnight, the port authority "
            "said, and the pier reopens to walkers on Saturday morning.",
        )
        for n in range(2)
    ]
    feed_server.route("/quay.xml", lambda handler: Reply(body=rss("Quay", items)))
    address = feed_server.url.replace("http://", "feed://", 1) + "/quay.xml"
    opml = tmp_path / "old-reader.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><body>'
        f'<outline text="Quay" type="rss" xmlUrl="{address}"/></body></opml>',
        encoding="utf-8",
    )
    assert main(["feeds", "import", str(opml)]) == 0
    assert "subscribed 1" in capsys.readouterr().out
    assert main(["fetch", "--timeout", "5"]) == 0
    assert "quay: 2 new" in capsys.readouterr().out
    with Desk() as desk:
        assert [f.url for f in desk.feeds()] == [feed_server.url + "/quay.xml"]
