"""`feeds set` and `Desk.change_feed`: rename a feed, change its interval, tags and
full-text setting; its articles, fetch state and counts stay."""

from __future__ import annotations

import json
import threading
import time

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds import service
from newsdesk.feeds.schedule import DEFAULT_EVERY_S
from newsdesk.isodates import iso_to_ts
from tests.feeds.server import FeedServer, Reply, rss

ITEMS = [
    (
        f"tide-{n}",
        f"Spring tide floods the lower quay road {n}",
        f"http://example.invalid/tide{n}",
        f"The spring tide covered the lower quay road for an hour on day {n}, and the "
        "council closed it to cars until the water went down again.",
    )
    for n in range(2)
]


def test_rename_keeps_articles_and_names_queries_that_still_say_the_old_name(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.route("/tide.xml", Reply(body=rss("Tide", ITEMS)))
    assert main(["feeds", "add", f"{feed_server.url}/tide.xml", "--name", "tide"]) == 0
    assert main(["fetch", "--timeout", "5"]) == 0
    assert "(1 feed in " in capsys.readouterr().out  # one feed, not "1 feeds"
    assert main(["saved", "add", "tides", "feed:tide is:unread"]) == 0
    assert main(["saved", "add", "other", "feed:tidewater"]) == 0  # not this feed's name
    assert main(["saved", "add", "not-tides", "-feed:tide"]) == 0
    assert main(["saved", "add", "quoted", 'feed:"tide" is:starred']) == 0
    capsys.readouterr()
    assert main(["feeds", "set", "tide", "--name", "Quay Tides"]) == 0
    said = capsys.readouterr()
    assert "changed quay-tides" in said.out
    assert "renamed from tide" in said.err
    # One note for the rename and the name's spelling (two said "finds its articles").
    assert said.err.count("feed:quay-tides finds its articles") == 1
    assert "not 'Quay Tides': feed names are lower case" in said.err
    assert "saved search tides still says feed:tide, a name no feed has now" in said.err
    assert "saved search not-tides still says" in said.err
    assert "saved search quoted still says" in said.err
    assert "other" not in said.err
    assert main(["list", "feed:quay-tides", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed if isinstance(listed, list) else listed["articles"]) == 2
    with Desk() as desk:
        (sub,) = desk.feeds()
        assert (sub.name, sub.items, sub.last_success is not None) == ("quay-tides", 2, True)


def test_interval_moves_the_next_fetch_from_the_last_one(open_desk: Desk) -> None:
    sub = open_desk.add_feed("http://news.example.org/rss", name="news")
    assert sub.every_s == DEFAULT_EVERY_S
    sub.last_fetched = "2026-12-01T10:00:00+00:00"
    sub.next_due_ts = (iso_to_ts(sub.last_fetched) or 0) + DEFAULT_EVERY_S
    service.update(open_desk.store, sub)
    done = open_desk.change_feed("news", every_s=7200)
    assert done.feed.every_s == 7200 and not done.renamed_from
    (stored,) = open_desk.feeds()
    assert stored.next_due_ts == (iso_to_ts(sub.last_fetched) or 0) + 7200
    # A failing feed keeps its backoff: the interval stretches it at the next failure.
    stored.failures, stored.next_due_ts = 3, 5.0e9
    service.update(open_desk.store, stored)
    open_desk.change_feed("news", every_s=600)
    assert open_desk.feeds()[0].next_due_ts == 5.0e9


def test_tags_full_text_and_refusals(open_desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    open_desk.add_feed("http://a.example.org/rss", name="alpha", tags=["old"])
    open_desk.add_feed("http://b.example.org/rss", name="beta")
    done = open_desk.change_feed("alpha", tags=["Harbour News", "ports"], full_text=True)
    assert done.feed.tags == ["harbour-news", "ports"] and done.feed.full_text
    assert open_desk.change_feed("alpha", tags=[]).feed.tags == []
    with pytest.raises(service.FeedError, match="already named 'beta'"):
        open_desk.change_feed("alpha", name="Beta")
    with pytest.raises(service.FeedError, match="cannot be a feed name"):
        open_desk.change_feed("alpha", name="!!!")
    with pytest.raises(service.FeedError, match="no feed named"):
        open_desk.change_feed("gamma", name="delta")
    assert [s.name for s in open_desk.feeds()] == ["alpha", "beta"]
    # From the command line: nothing to change, both --tag and --no-tags, a bad interval.
    assert main(["feeds", "set", "alpha"]) == 2
    assert "say what to change" in capsys.readouterr().err
    assert main(["feeds", "set", "alpha", "--tag", "x", "--no-tags"]) == 2
    assert main(["feeds", "set", "alpha", "--every", ""]) == 2  # said, not "changed"
    assert "cannot read the interval" in capsys.readouterr().err
    assert main(["feeds", "set", "alpha", "--every", "5 weeks"]) == 2
    assert "cannot read the interval" in capsys.readouterr().err
    assert main(["feeds", "set", "alpha", "--every", "2h", "--no-full-text", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["every_s"], data["full_text"], data["renamed_from"]) == (7200, False, "")


def test_changes_made_while_the_feed_downloads_survive_its_fetch(
    feed_server: FeedServer, open_desk: Desk
) -> None:
    """The fetch wrote the subscription it read at its start back whole: a rename, an
    interval, tags or a pause made meanwhile were undone, and `feed:NEW` found nothing."""
    answer = threading.Event()
    feed_server.route("/tide.xml", Reply(body=rss("Tide", ITEMS), hold=answer))
    open_desk.add_feed(f"{feed_server.url}/tide.xml", name="tide")
    summary: list[object] = []
    fetching = threading.Thread(target=lambda: summary.append(open_desk.fetch(["tide"])))
    fetching.start()
    try:
        deadline = time.monotonic() + 10
        while "/tide.xml" not in feed_server.paths() and time.monotonic() < deadline:
            time.sleep(0.02)  # the request is at the server, its answer held
        with Desk() as shell:  # `newsdesk feeds set` in another shell meanwhile
            shell.change_feed("tide", name="night-tide", every_s=10800, tags=["night"])
            shell.pause_feed("night-tide")
    finally:
        answer.set()
        fetching.join(30)
    assert not fetching.is_alive() and summary
    (sub,) = open_desk.feeds()
    assert (sub.name, sub.every_s, sub.tags, sub.paused) == ("night-tide", 10800, ["night"], True)
    assert sub.items == 2 and sub.last_success is not None  # the fetch's own state is kept
    assert len(open_desk.search("feed:night-tide").ids) == 2


def test_one_feed_as_stored_on_both_backends(backend: str) -> None:
    with Desk() as desk:
        sub = desk.add_feed("http://news.example.org/rss", name="news", tags=["port"])
        found = desk.store.feed(sub.id)
        assert found is not None
        assert (found.name, found.url, found.tags, found.items) == (
            "news",
            "http://news.example.org/rss",
            ["port"],
            0,
        )
        desk.remove_feed("news")
        assert desk.store.feed(sub.id) is None
