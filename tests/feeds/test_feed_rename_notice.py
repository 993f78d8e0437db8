"""A feed named after its title in a fetch is told under its new name, the old one said."""

from __future__ import annotations

import json

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.feeds.service import FeedOutcome, FetchSummary
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
ITEMS = [
    ("w-1", "Coast road reopens", "http://example.invalid/road", "The road opened at noon."),
    ("w-2", "Pier repairs begin", "http://example.invalid/pier", "Work starts on Monday."),
]


def test_the_app_notice_names_the_feed_as_the_list_does(feed_server: FeedServer) -> None:
    """ "2 articles arrived from 127-0-0-1-<port>." while the list said "coast-atom-wire"."""
    feed_server.route("/", Reply(body=rss("Coast Atom Wire", ITEMS)))
    with Desk(resolve()) as desk:
        sub = desk.add_feed(f"{feed_server.url}/")
        old = sub.name
        assert old.startswith("127-0-0-1")
        summary = desk.fetch(every=True, limits=LIMITS)
        (listed,) = desk.feeds()
    assert listed.name == "coast-atom-wire"
    (outcome,) = summary.feeds
    assert (outcome.name, outcome.was) == ("coast-atom-wire", old)
    assert summary.arrival_notice() == (
        f"2 articles arrived from coast-atom-wire (renamed from {old})."
    )


def test_a_feed_not_renamed_is_named_alone() -> None:
    summary = FetchSummary(
        [
            FeedOutcome("harbour", "http://h.invalid/", "new", new=1),
            FeedOutcome("coast", "http://c.invalid/", "new", new=2, was="c-invalid"),
        ]
    )
    assert summary.arrival_notice() == (
        "3 articles arrived from harbour and coast (renamed from c-invalid)."
    )


def test_the_cli_line_names_the_feed_as_list_does(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.route("/", Reply(body=rss("Coast Atom Wire", ITEMS)))
    assert main(["feeds", "add", f"{feed_server.url}/"]) == 0
    capsys.readouterr()
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert "+ coast-atom-wire: 2 new" in out
    assert "named coast-atom-wire after its title from now on (was 127-0-0-1-" in out
    assert main(["feeds", "list", "--json"]) == 0
    assert [f["name"] for f in json.loads(capsys.readouterr().out)] == ["coast-atom-wire"]


def test_a_rename_by_title_names_saved_searches_of_the_old_name(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.route("/coast.xml", Reply(body=rss("Coast Atom Wire", ITEMS)))
    assert main(["feeds", "add", f"{feed_server.url}/coast.xml"]) == 0
    assert main(["saved", "add", "coastal", "feed:coast is:unread"]) == 0
    capsys.readouterr()
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert "named coast-atom-wire after its title from now on (was coast)" in out
    assert "saved search coastal still says feed:coast" in out
