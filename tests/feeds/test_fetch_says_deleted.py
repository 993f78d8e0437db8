"""A fetch counts an item the editor deleted apart from those stored: after `delete ID
--yes` and that item reworded in the feed, `fetch` said "unchanged (5 items already
stored)" with 4 stored."""

from __future__ import annotations

import json

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

ITEMS = [
    (
        f"q-{n}",
        f"Quay works report number {n} from the harbour board",
        f"http://example.invalid/quay/{n}",
        f"The harbour board met for session {n} and agreed to repair berth {n} first.",
    )
    for n in range(1, 6)
]


def test_an_item_the_editor_deleted_is_said_apart_from_those_stored(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.route("/quay.xml", Reply(body=rss("Quay", ITEMS)))
    assert main(["feeds", "add", f"{feed_server.url}/quay.xml", "--name", "quay"]) == 0
    assert main(["fetch", "quay", "--timeout", "2"]) == 0
    with Desk(resolve()) as desk:
        gone = next(
            aid
            for aid in desk.inbox_ids()
            if (a := desk.get(aid)) and a.meta.title.endswith("number 3 from the harbour board")
        )
    assert main(["delete", gone, "--yes"]) == 0
    reworded = [
        (g, t, u, d.replace("agreed to repair", "voted to mend")) if g == "q-3" else (g, t, u, d)
        for g, t, u, d in ITEMS
    ]
    feed_server.route("/quay.xml", Reply(body=rss("Quay", reworded)))
    capsys.readouterr()
    assert main(["fetch", "quay", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert "quay: unchanged (4 items already stored; 1 you deleted left out)" in out
    assert main(["fetch", "quay", "--timeout", "2", "--json"]) == 0
    (feed,) = json.loads(capsys.readouterr().out)["feeds"]
    assert (feed["duplicates"], feed["deleted"]) == (5, 1)
    with Desk(resolve()) as desk:
        assert desk.count() == 4
