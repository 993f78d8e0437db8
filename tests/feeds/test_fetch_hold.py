"""Which failing feeds "fetch every feed now" (`fetch --all`, the app's `R`) holds back:
only those whose server answered 429/503 with a Retry-After still ahead."""

from __future__ import annotations

import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds import service
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
ITEM = ("h-1", "Harbour wall repaired", "http://example.invalid/wall", "The wall held.")


def _switch(feed_server: FeedServer, path: str, first: Reply) -> dict[str, bool]:
    """`path` answers `first` until the returned flag says otherwise, then a feed."""
    state = {"down": True}

    def answer(_handler: BaseHTTPRequestHandler) -> Reply:
        return first if state["down"] else Reply(body=rss("Harbour", [ITEM]))

    feed_server.route(path, answer)
    return state


def test_a_plain_503_does_not_hold_the_feed_back_from_fetch_all(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "1 held back (the server asked to wait)" after a 503 that asked nothing."""
    state = _switch(feed_server, "/plain.xml", Reply(503))
    assert main(["feeds", "add", f"{feed_server.url}/plain.xml", "--name", "plain"]) == 0
    assert main(["fetch", "plain", "--timeout", "2"]) == 1
    out = capsys.readouterr().out
    assert "service unavailable (503)" in out and "wait" not in out
    state["down"] = False
    asked = len(feed_server.paths())
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert len(feed_server.paths()) == asked + 1
    assert "plain: 1 new" in out and "held back" not in out
    with Desk(resolve()) as desk:
        (sub,) = desk.feeds()
    assert sub.status == "ok" and sub.last_error is None


def test_the_schedule_backs_off_a_plain_503_but_fetch_every_feed_asks_it(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    # The app's `R` is this call: every unpaused feed, due or not.
    state = _switch(feed_server, "/plain.xml", Reply(503))
    open_desk.add_feed(f"{feed_server.url}/plain.xml", name="plain", every_s=600)
    before = time.time()
    for _ in range(2):
        (outcome,) = open_desk.fetch(every=True, limits=LIMITS).feeds
        assert outcome.status == "failed"
    (sub,) = open_desk.feeds()
    assert sub.failures == 2 and sub.next_due_ts >= before + 1200  # backed off
    assert open_desk.fetch(limits=LIMITS).feeds == []  # not due on the schedule
    state["down"] = False
    (outcome,) = open_desk.fetch(every=True, limits=LIMITS).feeds
    assert outcome.status == "new" and outcome.new == 1


def test_a_retry_after_in_the_past_asks_for_no_wait(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    """ "the server asks to wait 0 s", and held back all the same."""
    past = formatdate(time.time() - 3600, usegmt=True)
    state = _switch(feed_server, "/past.xml", Reply(503, headers={"Retry-After": past}))
    open_desk.add_feed(f"{feed_server.url}/past.xml", name="past")
    (outcome,) = open_desk.fetch(["past"], limits=LIMITS).feeds
    assert outcome.reason == "service unavailable (503)"
    state["down"] = False
    summary = open_desk.fetch(every=True, limits=LIMITS)
    assert [f.status for f in summary.feeds] == ["new"] and summary.skipped == 0


def test_a_retry_after_still_ahead_holds_back_until_then(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    state = _switch(feed_server, "/busy.xml", Reply(429, headers={"Retry-After": "120"}))
    feed_server.route("/calm.xml", Reply(body=rss("Calm", [ITEM])))
    open_desk.add_feed(f"{feed_server.url}/busy.xml", name="busy", every_s=3600)
    open_desk.add_feed(f"{feed_server.url}/calm.xml", name="calm")
    open_desk.fetch(["busy"], limits=LIMITS)
    state["down"] = False
    summary = open_desk.fetch(every=True, limits=LIMITS)
    assert [f.name for f in summary.feeds] == ["calm"] and summary.skipped == 1
    (busy,) = [s for s in open_desk.feeds() if s.name == "busy"]
    # Held until the server's time, not the backoff's (an hour here).
    assert time.time() < busy.retry_until_ts <= time.time() + 120 < busy.next_due_ts
    summary = open_desk.fetch(every=True, limits=LIMITS)
    assert summary.skipped == 1
    # Once its time has passed (moved back here rather than waited for), it is asked.
    busy.retry_until_ts = time.time() - 1
    service.update(open_desk.store, busy)
    summary = open_desk.fetch(every=True, limits=LIMITS)
    assert {f.name for f in summary.feeds} == {"busy", "calm"}
    # And by name it is always asked.
    assert open_desk.fetch(["busy"], limits=LIMITS).feeds[0].status == "unchanged"


def test_an_older_store_keeps_a_wait_its_server_asked_for() -> None:
    """The upgrade step holds back a feed whose last error quotes a server's wait (and
    only that one: a plain 503 is fetched by the next "fetch every feed")."""
    import sqlite3

    ahead = time.time() + 3600
    with Desk(resolve()) as desk:
        for name, error in (
            ("asked", "service unavailable (503); the server asks to wait 1 h"),
            ("plain", "service unavailable (503)"),
        ):
            sub = desk.add_feed(f"http://{name}.invalid/feed.xml", name=name)
            sub.last_status, sub.last_error, sub.next_due_ts = 503, error, ahead
            service.update(desk.store, sub)
    conn = sqlite3.connect(resolve().database)
    with conn:
        conn.execute("ALTER TABLE feeds DROP COLUMN retry_until_ts")
        conn.execute("UPDATE meta SET value = '15' WHERE key = 'schema_version'")
    conn.close()
    with Desk(resolve()) as desk:
        held = {s.name: s.retry_until_ts for s in desk.feeds()}
    assert held == {"asked": ahead, "plain": 0.0}
