"""A failure at the end of a redirect names where the redirect led: the subscribed URL
itself answered ("not found (404)" was said of it)."""

from __future__ import annotations

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)


def test_a_301_to_a_missing_url_names_it(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    base = feed_server.url
    feed_server.route("/to404.xml", Reply(301, headers={"Location": "/nothing-here.xml"}))
    assert main(["feeds", "add", f"{base}/to404.xml", "--name", "to404"]) == 0
    assert main(["fetch", "to404", "--timeout", "2"]) == 1
    out = capsys.readouterr().out
    said = f"moved permanently to {base}/nothing-here.xml, which was not found (404)"
    assert f"to404: failed: {said}" in out
    with Desk(resolve()) as desk:
        (sub,) = desk.feeds()
    # The subscription stays where it was (nothing was found there) and says why.
    assert sub.url == f"{base}/to404.xml" and sub.last_error == said


def test_other_failures_after_a_redirect_name_the_target(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    base = feed_server.url
    feed_server.route("/temp.xml", Reply(302, headers={"Location": "/down.xml"}))
    feed_server.route("/down.xml", Reply(500))
    feed_server.route("/hop.xml", Reply(301, headers={"Location": "/hop2.xml"}))
    feed_server.route("/hop2.xml", Reply(307, headers={"Location": "/gone.xml"}))
    feed_server.route("/gone.xml", Reply(410))
    feed_server.route("/dead.xml", Reply(301, headers={"Location": "http://127.0.0.1:9/feed.xml"}))
    feed_server.route("/direct.xml", Reply(404))
    for name in ("temp", "hop", "dead", "direct"):
        open_desk.add_feed(f"{base}/{name}.xml", name=name)
    outcomes = {f.name: f.reason for f in open_desk.fetch(every=True, limits=LIMITS).feeds}
    assert outcomes["temp"] == f"redirected to {base}/down.xml, which failed: server error (500)"
    assert outcomes["hop"] == (
        f"redirected to {base}/gone.xml, which is gone (410): the publisher removed this feed"
    )
    assert (outcomes["dead"] or "").startswith(
        "moved permanently to http://127.0.0.1:9/feed.xml, which failed: could not connect"
    )
    assert outcomes["direct"] == "not found (404)"  # no redirect: said as before
