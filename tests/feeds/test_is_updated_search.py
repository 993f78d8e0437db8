"""`is:updated` finds what the inbox labels "updated": wire updates and corrections, and
feed items their feed corrected in place (both backends; searches and rules alike)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from newsdesk.rules.matcher import Analysis, Facts, compile_query
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
SAMPLE_WIRE = Path(__file__).resolve().parents[2] / "sample_data" / "wire"
TOLL = (
    "crash-123",
    "Dead in motorway crash named by police",
    "http://example.invalid/crash",
    "Police named the six people who died in a crash on the coast motorway on Monday.",
)
TOLL_CORRECTED = (*TOLL[:3], "Police named the four people who died on the coast motorway.")
BRIDGE = (
    "bridge-7",
    "Bridge repairs begin",
    "http://example.invalid/bridge",
    "Repairs to the old river bridge began on Tuesday and will take three weeks.",
)


def _serve(feed_server: FeedServer, items: list[tuple[str, str, str, str]]) -> None:
    feed_server.route(
        "/feed.xml",
        Reply(body=rss("Coast Courier", items), headers={"Content-Type": "application/rss+xml"}),
    )


def test_is_updated_finds_a_feed_item_corrected_in_place(
    backend: str, feed_server: FeedServer
) -> None:
    _serve(feed_server, [TOLL, BRIDGE])
    with Desk(resolve()) as desk:
        desk.import_paths([SAMPLE_WIRE])
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        desk.fetch(["coast"], limits=LIMITS)
        desk.sync_index()
        wire_updates = set(desk.search("is:updated", limit=None).ids)
        assert wire_updates  # the sample's CORRECTED- wire copy
        _serve(feed_server, [TOLL_CORRECTED, BRIDGE])
        assert desk.fetch(["coast"], limits=LIMITS).feeds[0].updated == 1
        desk.sync_index()
        (toll,) = desk.search('"named by police"', limit=None).ids
        (bridge,) = desk.search('"bridge repairs"', limit=None).ids
        found = set(desk.search("is:updated", limit=None).ids)
        assert found == wire_updates | {toll}
        assert bridge not in found
        assert desk.rows([toll])[0].updated_at is not None
        # Mixed with words it is the same condition (the store's, under the index).
        assert desk.search("is:updated police", limit=None).ids == [toll]
        # A rule reads it as the search does.
        article = desk.get(toll)
        assert article is not None
        analysis = Analysis()
        assert compile_query("is:updated", analysis)(Facts(article, analysis))
