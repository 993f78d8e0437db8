"""A feed cut mid-download counts as failed in `newsdesk fetch`'s summary and exit
status, as the app's failure notice says it: it was never read whole (its complete
items are stored all the same)."""

from __future__ import annotations

import json

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

ITEMS = [
    (
        f"cut-{n}",
        f"Lighthouse keeper logs storm number {n} over the estuary",
        f"http://example.invalid/storm{n}",
        f"The keeper of the estuary lighthouse logged storm {n} overnight, with gusts "
        "strong enough to close the harbour to small boats until morning.",
    )
    for n in range(3)
]
WHOLE = rss("Estuary", ITEMS)
ARRIVED = WHOLE[: len(WHOLE) * 6 // 10]


def _serve_cut(server: FeedServer) -> None:
    server.route("/cut.xml", Reply(body=ARRIVED, short_by=len(WHOLE) - len(ARRIVED)))


def test_a_feed_cut_again_is_failed_not_unchanged(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ARRIVED.count(b"</item>") == 1  # one complete item before the cut
    _serve_cut(feed_server)
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/cut.xml", name="tccut")
    # The first fetch brings the complete item; the second brings nothing new.
    assert main(["fetch", "tccut", "--timeout", "2"]) == 1
    first = capsys.readouterr().out
    assert "new 1" in first and "failed 1" in first
    assert main(["fetch", "--all", "--timeout", "2"]) == 1
    again = capsys.readouterr().out
    assert "tccut: cut short" in again and "unchanged" not in again.replace("unchanged 0", "")
    assert "unchanged 0" in again and "failed 1" in again


def test_a_cut_feed_among_others_is_counted_failed_in_json(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve_cut(feed_server)
    other = [("other", "Ferry timetable changes for the winter", "http://example.invalid/f", "x")]
    feed_server.route("/whole.xml", Reply(body=rss("Ferries", other)))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/cut.xml", name="tccut")
        desk.add_feed(f"{feed_server.url}/whole.xml", name="whole")
    # One feed read whole: the fetch as a whole did not fail.
    assert main(["fetch", "--json", "--timeout", "2"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["failed"] == 1 and said["new"] == 2
    (cut,) = [f for f in said["feeds"] if f["cut_short"]]
    assert cut["name"] == "tccut" and cut["reason"].startswith("feed cut short")
