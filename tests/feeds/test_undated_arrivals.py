"""What arrives without a date sorts where it arrived: at the top under newest first.

A feed item without a pubDate (and a file dropped into a watched folder without a
date) landed at row 64 of 68, behind months-old copy, and `g` did not show what had
just come in; newsboat, elfeed and Miniflux place an undated item at its arrival.
"""

from __future__ import annotations

import json

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.model import Extracted
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)


def test_an_undated_feed_item_lists_first_everywhere(
    backend: str, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    old = [
        Extracted(
            title=f"Quarry report {n}",
            body=f"The quarry at the valley's head reported its output for month {n}, "
            "the operator said in its quarterly note to the council.",
            published=f"2026-0{n}-10T09:00:00Z",
            source="Valley Post",
        )
        for n in range(1, 8)
    ]
    item = (
        "tide-1",
        "Spring tide floods the lower quay road",
        "http://example.invalid/tide",
        "The spring tide covered the lower quay road for an hour, and the council closed "
        "it to cars until the water went down again.",
    )
    feed_server.route("/tide.xml", Reply(body=rss("Tide", [item])))
    with Desk(resolve()) as desk:
        desk.add_extracted(old, "files")
        desk.add_feed(f"{feed_server.url}/tide.xml", name="tide")
        (outcome,) = desk.fetch(["tide"], limits=LIMITS).feeds
        (arrived,) = outcome.new_ids
        assert desk.get(arrived).meta.published is None  # type: ignore[union-attr]
        assert desk.inbox_ids()[0] == arrived
        desk.sync_index()
        assert desk.search("", limit=None).ids[0] == arrived
        assert desk.search("quarry OR tide", sort="newest", limit=None).ids[0] == arrived
        assert desk.search("source:valley OR feed:tide", limit=None).ids[0] == arrived
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == arrived
