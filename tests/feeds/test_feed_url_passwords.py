"""A feed URL with a password is shown without it wherever it is shown (lists, JSON,
messages, failures, an article's origin, the OPML report), as `newsdesk paths` shows the
store's address; the subscription keeps its URL whole to fetch with."""

from __future__ import annotations

import contextlib
from datetime import UTC
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from tests.feeds.server import FeedServer, Reply, rss

SECRET = "s3cret-pw"


def test_without_password_keeps_the_user_and_the_rest() -> None:
    from newsdesk.feeds.urls import without_password

    assert without_password("http://ana:s3cret@host/rss") == "http://ana@host/rss"
    assert without_password("https://:tok@host:8443/a?b=c") == "https://@host:8443/a?b=c"
    said = "redirected to http://ana:pw@h/x, which failed: not found (404)"
    assert without_password(said) == "redirected to http://ana@h/x, which failed: not found (404)"
    # No password: as it was (a user alone, a port, an @ in the path).
    for kept in ("http://ana@host/rss", "http://host:8080/a@b", "feed.xml"):
        assert without_password(kept) == kept


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with contextlib.suppress(SystemExit):  # argparse's usage errors
        main(argv)
    said = capsys.readouterr()
    return said.out + said.err


def test_no_command_shows_a_feeds_password(
    feed_server: FeedServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`feeds list`, `feeds add`, `fetch --json`, a failure quoting a redirect and
    `show --json`'s origin printed the password."""
    item = ("g1", "Ferry timetable changes", "http://example.invalid/ferry", "The ferry leaves.")
    feed_server.route(
        "/feed.xml",
        Reply(body=rss("Harbour", [item]), headers={"Content-Type": "application/rss+xml"}),
    )
    # A relative redirect keeps the feed URL's user and password in the URL it names.
    feed_server.route("/old.xml", Reply(status=302, headers={"Location": "/missing.xml"}))
    host = feed_server.url.removeprefix("http://")
    good = f"http://ana:{SECRET}@{host}/feed.xml"
    bad = f"http://ana:{SECRET}@{host}/old.xml"
    said = [
        run(["feeds", "add", good, "--name", "harbour"], capsys),
        run(["feeds", "add", bad, "--name", "old"], capsys),
        run(["feeds", "add", good], capsys),  # already subscribed: the error names it
        run(["fetch", "--all"], capsys),
        run(["fetch", "--all", "--json"], capsys),
        run(["feeds", "list"], capsys),
        run(["feeds", "list", "--json"], capsys),
        run(["feeds", "remove", "old"], capsys),
    ]
    with Desk() as desk:
        (sub,) = desk.feeds()
        assert sub.url == good  # kept whole, to fetch with
        desk.sync_index()
        (article,) = desk.search("ferry", limit=None).ids
    said.append(run(["show", article, "--json"], capsys))
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body><outline text="h" xmlUrl="{good}"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    said.append(run(["feeds", "import", str(opml)], capsys))  # skipped: already subscribed
    said.append(run(["feeds", "import", str(opml), "--json"], capsys))
    everything = "\n".join(said)
    assert f"http://ana@{host}/feed.xml" in everything
    assert "missing.xml" in everything  # the failure was said, naming where it led
    assert SECRET not in everything


def test_the_feeds_screen_shows_no_password() -> None:
    from datetime import datetime

    from newsdesk.feeds.subscription import Subscription
    from newsdesk.tui.screens.feeds import feed_details, feed_row

    sub = Subscription(name="harbour", url=f"https://ana:{SECRET}@feeds.example/rss", every_s=60)
    now = datetime.now(UTC)
    shown = " ".join(cell.plain for cell in feed_row(sub, now)) + feed_details(sub, now).plain
    assert "https://ana@feeds.example/rss" in shown
    assert SECRET not in shown
