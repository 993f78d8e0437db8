"""A fetch killed with SIGKILL part-way: what it reported is stored, no subscription is half-updated."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from newsdesk.desk import Desk
from tests.feeds.server import FeedServer, Reply, rss

FEEDS = 12
ITEMS = 4


def items_of(n: int) -> list[tuple[str, str, str, str]]:
    return [
        (
            f"k{n}-{i}",
            f"Parish bulletin {n} notice {i}",
            f"http://parish{n}.example/{i}",
            f"The parish council of village {n} posted notice {i} about the bin rota, "
            f"the hall booking list and the hedges along lane {i}; comments close Friday.",
        )
        for i in range(ITEMS)
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_fetch(feed_server: FeedServer) -> None:
    for n in range(FEEDS):
        # Slow answers, so the kill lands while most feeds are still in flight.
        feed_server.route(
            f"/p{n}.xml",
            Reply(body=rss(f"Parish {n}", items_of(n)), headers={"ETag": f'"p{n}"'}, delay=0.4),
        )
    with Desk() as desk:
        for n in range(FEEDS):
            desk.add_feed(f"{feed_server.url}/p{n}.xml", name=f"parish-{n}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "fetch", "--timeout", "5", "--no-index"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert proc.stdout is not None
    reported: list[str] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        found = re.match(r"\+ (parish-\d+): (\d+) new", line)
        if found:
            assert found.group(2) == str(ITEMS)
            reported.append(found.group(1))
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert reported, "the fetch reported nothing before it was killed"
    with Desk() as desk:
        subs = {s.name: s for s in desk.feeds()}
        assert len(subs) == FEEDS
        for sub in subs.values():
            # Each feed is wholly before its fetch or wholly after it.
            if sub.etag is None:
                assert (sub.items, sub.last_success, sub.last_fetched) == (0, None, None)
            else:
                assert sub.items == ITEMS and sub.last_success and sub.last_error is None
        for name in reported:
            assert subs[name].items == ITEMS
        assert desk.count() == sum(s.items for s in subs.values())
        stored = sum(1 for s in subs.values() if s.etag is not None)
        # A second fetch completes the rest and adds exactly what was missing (now
        # answered at once: the delay was for the kill).
        for n in range(FEEDS):
            feed_server.route(
                f"/p{n}.xml",
                Reply(body=rss(f"Parish {n}", items_of(n)), headers={"ETag": f'"p{n}"'}),
            )
        summary = desk.fetch(every=True)
        assert summary.new == (FEEDS - stored) * ITEMS
        assert desk.count() == FEEDS * ITEMS
