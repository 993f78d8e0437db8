"""Every command that takes a feed's URL finds it under any spelling `feeds add` takes."""

from __future__ import annotations

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds import service

SPELLINGS = [
    "HTTP://127.0.0.1:18951/./harbour.xml#x",
    "http://127.0.0.1:18951/old/../harbour.xml",
    "http://127.0.0.1:18951/harbour.xml#top",
    # A letter written as its percent-escape is the same letter (it made a second feed
    # named "6darbour").
    "http://127.0.0.1:18951/%68arbour.xml",
    "http://127.0.0.1:18951/harbour%2Exml",
]


def test_escapes_of_reserved_characters_stay_apart() -> None:
    # "%2F" is not "/", and "%20" stays as sent: another address.
    assert service.same_site_spelling("http://h/a%2Fb") != service.same_site_spelling(
        "http://h/a/b"
    )
    assert service.same_site_spelling("http://h/a%20b") == "http://h/a%20b"


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_remove_finds_the_feed_as_add_does(
    capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    assert main(["feeds", "add", "http://127.0.0.1:18951/harbour.xml", "--name", "harbour"]) == 0
    assert main(["feeds", "add", spelling]) != 0
    assert "already subscribed" in capsys.readouterr().err
    assert main(["feeds", "remove", spelling]) == 0
    said = capsys.readouterr()
    assert "removed harbour" in said.out + said.err
    with Desk() as desk:
        assert desk.feeds() == []


def test_pause_resume_and_fetch_find_it_too() -> None:
    with Desk() as desk:
        desk.add_feed("http://feeds.example.org/News.xml", name="news")
        desk.add_feed("http://feeds.example.org/news.xml", name="lower")
        assert desk.pause_feed("HTTP://Feeds.Example.org:80/./News.xml#a").name == "news"
        assert desk.pause_feed("http://feeds.example.org/news.xml#b", False).name == "lower"
        chosen, _, _ = service.choose(
            desk.store, ["http://FEEDS.example.org/News.xml"], every=False, now=0
        )
        assert [s.name for s in chosen] == ["news"]
        # The path's case is the server's: no other spelling of it is the feed.
        with pytest.raises(service.FeedError, match="no feed named or at"):
            service.find(desk.store, "http://feeds.example.org/NEWS.xml")
