"""What fetching says and what subscriptions keep: updates counted in the summary, the
app's notice naming the feeds that brought something, a feed named after its own
title, and OPML keeping paused feeds and intervals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.feeds.service import FeedOutcome, FetchSummary
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
FIRST = ("c-1", "Dam opens", "http://example.invalid/dam", "The new dam opened on Monday.")
LATER = ("c-1", "Dam opens late", "http://example.invalid/dam", "It opened a day late.")


def test_the_fetch_summary_counts_updates(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "+ desk: 0 new, 1 updated" was followed by "new 0  unchanged 0  failed 0"."""
    feed_server.route("/desk.xml", Reply(body=rss("Desk", [FIRST])))
    assert main(["feeds", "add", f"{feed_server.url}/desk.xml", "--name", "desk"]) == 0
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    capsys.readouterr()
    feed_server.route("/desk.xml", Reply(body=rss("Desk", [LATER])))
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert "desk: 0 new, 1 updated" in out
    assert "new 0  updated 1  unchanged 0  failed 0" in out


def test_the_fetch_summary_tells_paused_feeds_from_feeds_not_due(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # "(2 feeds in 0.1 s, 2 not due)" after `fetch --all`, which leaves out only paused
    # feeds and those held back after failures.
    feed_server.route("/desk.xml", Reply(body=rss("Desk", [FIRST])))
    for name in ("desk", "wire", "sport"):
        assert main(["feeds", "add", f"{feed_server.url}/{name}.xml", "--name", name]) == 0
    assert main(["feeds", "pause", "wire"]) == 0
    capsys.readouterr()
    main(["fetch", "--all", "--timeout", "2"])
    out = capsys.readouterr().out
    assert "(2 feeds in" in out and ", 1 paused)" in out and "not due" not in out
    # Not due again yet: desk and sport (failed, retried later); wire is paused.
    main(["fetch", "--json", "--timeout", "2"])
    data = json.loads(capsys.readouterr().out)
    assert data["skipped"] == 3 and data["paused"] == 1
    main(["fetch", "--all", "--timeout", "2"])
    assert "(2 feeds in" in capsys.readouterr().out
    # Every feed paused: said, and --all is not offered when it was given.
    for name in ("desk", "sport"):
        assert main(["feeds", "pause", name]) == 0
    capsys.readouterr()
    for args in (["fetch"], ["fetch", "--all"]):
        main([*args, "--timeout", "2"])
        err = capsys.readouterr().err
        assert "every feed is paused" in err and "--all" not in err


def test_the_notice_names_the_feeds_that_brought_something() -> None:
    """ "1 article arrived from 18 feeds" counted every feed that answered."""
    quiet = [FeedOutcome(f"quiet-{n}", "http://q.invalid/", "unchanged") for n in range(17)]
    summary = FetchSummary([*quiet, FeedOutcome("harbour", "http://h.invalid/", "new", new=1)])
    assert summary.arrival_notice() == "1 article arrived from harbour."
    summary.feeds.append(FeedOutcome("coast", "http://c.invalid/", "new", updated=2))
    assert summary.arrival_notice() == "1 article arrived, 2 updated from harbour and coast."
    many = FetchSummary([FeedOutcome(f"f{n}", "http://f.invalid/", "new", new=1) for n in range(5)])
    assert many.arrival_notice() == "5 articles arrived from f0, f1 and 3 more feeds."
    assert FetchSummary(quiet).arrival_notice() == ""


def test_a_feed_added_without_a_name_takes_its_own_title(feed_server: FeedServer) -> None:
    """It was "127-0-0-1-<port>" for good, whatever the feed's <title>."""
    feed_server.route("/", Reply(body=rss("Origin Times", [FIRST])))
    feed_server.route("/other/", Reply(body=rss("Origin Times", [LATER])))
    feed_server.route("/named.xml", Reply(body=rss("Valley Voice", [FIRST])))
    with Desk(resolve()) as desk:
        sub = desk.add_feed(f"{feed_server.url}/")
        other = desk.add_feed(f"{feed_server.url}/other/")
        named = desk.add_feed(f"{feed_server.url}/named.xml", name="named")
        assert sub.name.startswith("127-0-0-1")
        outcomes = {f.url: f for f in desk.fetch(every=True, limits=LIMITS).feeds}
        names = {s.url: s.name for s in desk.feeds()}
        # The rename is said once, with the old name (`fetch OLD` no longer finds it).
        said = outcomes[sub.url].message or ""
        assert said == f"named {names[sub.url]} after its title from now on (was {sub.name})"
        assert outcomes[named.url].message is None
        # Unique: the two feeds of one title are fetched at once, so either may be first.
        assert {names[sub.url], names[other.url]} == {"origin-times", "origin-times-2"}
        assert names[named.url] == "named"  # a name given is kept
        titles = {s.name: s.title for s in desk.feeds()}
        assert titles["named"] == "Valley Voice"


def test_opml_keeps_paused_feeds_and_intervals(tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        desk.add_feed("http://a.invalid/feed.xml", name="a", every_s=15 * 60)
        desk.add_feed("http://b.invalid/feed.xml", name="b", full_text=True)
        desk.pause_feed("b")
        text = desk.export_opml()
    opml = tmp_path / "feeds.opml"
    opml.write_text(text, encoding="utf-8")
    with Desk(resolve(tmp_path / "other")) as other:
        other.import_opml(opml)
        subs = {s.url: s for s in other.feeds()}
        a, b = subs["http://a.invalid/feed.xml"], subs["http://b.invalid/feed.xml"]
        assert (a.every_s, a.paused, a.full_text) == (900, False, False)
        assert (b.every_s, b.paused, b.full_text) == (1800, True, True)


def test_fetch_timeout_bounds_the_whole_request(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """--timeout S let a dripping server go on for 3 S ("seconds per request")."""
    body = b" " * 4000 + rss("Drip", [FIRST])
    feed_server.route("/drip.xml", Reply(body=body, drip=0.05))  # about 3 s in all
    assert main(["feeds", "add", f"{feed_server.url}/drip.xml", "--name", "drip"]) == 0
    capsys.readouterr()
    assert main(["fetch", "drip", "--timeout", "0.5"]) == 1
    out = capsys.readouterr()
    assert "took longer than 0.5 s" in out.out + out.err


def test_a_feed_outcome_line_carries_no_escape_from_the_server() -> None:
    # The message may quote a redirect's Location and the reason a server's words.
    from newsdesk.cli.feeds_cmd import _line

    outcome = FeedOutcome("desk", "http://example.invalid/", "failed", reason="bad \x1b[31mred")
    outcome.message = "moved permanently: now fetched from http://x.invalid/\x1b]0;pwned\x07a"
    text = _line(outcome).plain
    assert "\x1b" not in text and "\x07" not in text and "pwned" not in text
