"""A feed item corrected under the same GUID updates the stored article (both backends)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
FIRST = (
    "crash-123",
    "Six dead in motorway crash",
    "http://example.invalid/crash",
    "Six people died in a crash on the coast motorway on Monday, police said, and the road "
    "stayed closed for the night.",
)
CORRECTED = (
    "crash-123",
    "CORRECTED: Four dead in motorway crash",
    "http://example.invalid/crash",
    "Four people died in a crash on the coast motorway on Monday, police said, correcting an "
    "earlier toll of six; the road stayed closed for the night.",
)
OTHER = (
    "bridge-7",
    "Bridge repairs begin",
    "http://example.invalid/bridge",
    "Repairs to the old river bridge began on Tuesday and will take three weeks, the council said.",
)


def serve(feed_server: FeedServer, items: list[tuple[str, str, str, str]]) -> None:
    body = rss("Coast Courier", items)
    feed_server.route(
        "/feed.xml", Reply(body=body, headers={"Content-Type": "application/rss+xml"})
    )


def test_a_corrected_item_replaces_the_stored_telling(
    backend: str, feed_server: FeedServer
) -> None:
    """The correction was dropped as "unchanged (1 items already stored)": the list kept
    "Six dead" and a search for "four" found nothing."""
    serve(feed_server, [FIRST, OTHER])
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        (first,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert first.new == 2
        desk.sync_index()
        (stored_id,) = desk.search('"six dead"', limit=None).ids
        desk.mark_read([stored_id])
        desk.star([stored_id])
        serve(feed_server, [CORRECTED, OTHER])
        (again,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert again.status == "new" and again.new == 0 and again.updated == 1
        assert desk.count() == 2  # no second article
        article = desk.get(stored_id)
        assert article is not None
        assert article.meta.title == "CORRECTED: Four dead in motorway crash"
        assert "Four people died" in article.meta.body
        # The editor's state stays: read (as they left it) and starred.
        assert article.state.read and article.state.starred
        desk.sync_index()
        assert desk.search("four", limit=None).ids == [stored_id]
        assert desk.search('"six people died"', limit=None).ids == []
        # The same telling again changes nothing.
        (same,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert same.status == "unchanged" and same.updated == 0


def _story(guid: str, title: str, link: str) -> tuple[str, str, str, str]:
    return (guid, title, link, f"{title}: the full report, told in a sentence of its own.")


def test_two_sites_numbering_their_items_alike_keep_both(
    backend: str, feed_server: FeedServer
) -> None:
    """Site B's items "1" and "2" took the place of site A's (star and all): a GUID
    that is only the feed's own number is the feed's."""
    a = rss(
        "Site A Gazette",
        [
            _story("1", "Council approves library budget", "http://a.invalid/1"),
            _story("2", "School reopens after flood", "http://a.invalid/2"),
        ],
        site="http://a.invalid/",
    )
    b = rss(
        "Site B Courier",
        [
            _story("1", "Football club signs goalkeeper", "http://b.invalid/1"),
            _story("2", "Farmers protest milk prices", "http://b.invalid/2"),
        ],
        site="http://b.invalid/",
    )
    headers = {"Content-Type": "application/rss+xml"}
    feed_server.route("/a.xml", Reply(body=a, headers=headers))
    feed_server.route("/b.xml", Reply(body=b, headers=headers))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/a.xml", name="a")
        desk.add_feed(f"{feed_server.url}/b.xml", name="b")
        assert desk.fetch(["a"], limits=LIMITS).feeds[0].new == 2
        desk.sync_index()
        (library,) = desk.search('"library budget"', limit=None).ids
        desk.star([library])
        (fetched,) = desk.fetch(["b"], limits=LIMITS).feeds
        assert (fetched.new, fetched.updated) == (2, 0)
        assert desk.count() == 4
        kept = desk.get(library)
        assert kept is not None and kept.state.starred
        assert kept.meta.title == "Council approves library budget"


def test_items_sharing_one_guid_and_link_are_each_kept_and_left_alone(
    backend: str, feed_server: FeedServer
) -> None:
    """Five stories under one GUID and the site's home page: one was stored ("4 already
    stored"), and every fetch after told it again as another of them, unread."""
    items = [
        _story(
            "http://s.invalid/", f"Same-guid story number {n} about topic {n}", "http://s.invalid/"
        )
        for n in range(5)
    ]
    body = rss("Same Guid Site", items, site="http://s.invalid/")
    feed_server.route("/s.xml", Reply(body=body, headers={"Content-Type": "application/rss+xml"}))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/s.xml", name="s")
        assert desk.fetch(["s"], limits=LIMITS).feeds[0].new == 5
        ids = desk.search("", limit=None).ids
        desk.mark_read(ids)
        (again,) = desk.fetch(["s"], every=True, limits=LIMITS).feeds
        assert (again.new, again.updated) == (0, 0)
        assert desk.count() == 5
        assert all(r.read for r in desk.rows(ids))


def test_an_article_deleted_stays_deleted_when_its_feed_lists_it_again(
    backend: str, feed_server: FeedServer
) -> None:
    """The feed still lists it: each fetch brought the deleted article back."""
    serve(feed_server, [FIRST, OTHER])
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        assert desk.fetch(["coast"], limits=LIMITS).feeds[0].new == 2
        desk.sync_index()
        (crash,) = desk.search('"six dead"', limit=None).ids
        desk.delete([crash])
        serve(feed_server, [FIRST, OTHER])
        (again,) = desk.fetch(["coast"], every=True, limits=LIMITS).feeds
        assert again.new == 0 and desk.count() == 1
        # `u` after the delete is how it comes back.
        desk.undo()
        assert desk.count() == 2 and desk.get(crash) is not None


def test_an_article_whose_import_was_undone_comes_back_with_its_feed(
    backend: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    """Undoing an import took the article out as a delete would: its feed's next fetch
    said "already stored" and it never arrived (on a shared desk, for anyone)."""
    serve(feed_server, [FIRST, OTHER])
    feed_file = tmp_path / "coast.xml"
    feed_file.write_bytes(rss("Coast Courier", [FIRST, OTHER]))
    with Desk(resolve()) as desk:
        assert desk.import_paths([feed_file]).imported == 2
        undone = desk.undo()
        assert undone is not None and undone.action == "undo import"
        assert desk.count() == 0
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        (fetched,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert fetched.new == 2 and desk.count() == 2


def test_a_corrected_item_says_updated_in_the_row_the_detail_and_show(
    backend: str, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "2 million" became "3 million" under the same GUID: the text changed, but no row,
    detail pane or `show` said so (README: it shows "updated" before its headline)."""
    from datetime import UTC, datetime

    from rich.style import Style

    from newsdesk.cli.main import main
    from newsdesk.tui.article_view import ArticleStyles, article_text
    from newsdesk.tui.widgets.inbox_row import RowStyles, render_row

    told = ("grant-9", "Harbour grant agreed", "http://example.invalid/grant")
    serve(feed_server, [(*told, "The council agreed a grant of 2 million for the harbour wall.")])
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        desk.fetch(["coast"], limits=LIMITS)
        (stored_id,) = desk.inbox_ids()
        assert desk.get(stored_id).updated_at is None  # type: ignore[union-attr]
        serve(
            feed_server, [(*told, "The council agreed a grant of 3 million for the harbour wall.")]
        )
        (again,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert again.updated == 1
        article = desk.get(stored_id)
        assert article is not None and "3 million" in article.meta.body
        assert article.updated_at is not None
        (row,) = desk.rows([stored_id])
        now = datetime.now(UTC)
        line = render_row(row, 80, RowStyles(*([Style()] * 16)), now, selected=False).plain
        assert "updated Harbour grant agreed" in line
        detail = article_text(article, ArticleStyles(*([Style()] * 10)), now).plain
        assert "Updated" in detail
    assert main(["show", stored_id[:8], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["updated_at"] == article.updated_at


def test_a_guid_given_to_another_item_is_a_new_article(
    backend: str, feed_server: FeedServer
) -> None:
    """The feed numbered its items again: "1" was the ferry report and is now another
    story, and the ferry came back as "2". The hospital story was written over the ferry
    article (the editor's star moved onto it), the ferry was nowhere, and importing it
    again was refused as a duplicate of the lost text."""
    ferry = (
        "1",
        "Ferry operator cancels winter sailings to the islands",
        "http://example.invalid/ferry",
        "The ferry operator cancelled its winter sailings to the outer islands on Monday, "
        "citing the cost of fuel and a shortage of crew.",
    )
    library = (
        "2",
        "Town hall approves new library budget",
        "http://example.invalid/library",
        "Councillors approved the library budget for next year after a short debate.",
    )
    hospital = (
        "1",
        "Hospital opens new maternity ward",
        "http://example.invalid/maternity",
        "The district hospital opened its new maternity ward on Tuesday with twelve beds.",
    )
    serve(feed_server, [ferry, library])
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        desk.fetch(["coast"], limits=LIMITS)
        desk.sync_index()
        (ferry_id,) = desk.search("ferry", limit=None).ids
        desk.star([ferry_id])
        serve(feed_server, [hospital, (library[0], *ferry[1:])])
        (again,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert again.new == 1 and again.updated == 0
        article = desk.get(ferry_id)
        assert article is not None and article.meta.title == ferry[1] and article.state.starred
        desk.sync_index()
        (hospital_id,) = desk.search("maternity", limit=None).ids
        assert hospital_id != ferry_id
        found = desk.get(hospital_id)
        assert found is not None and not found.state.starred
        assert desk.count() == 3
        # The feed corrects the hospital story under "1" again: that is an update of it.
        serve(feed_server, [(hospital[0], hospital[1], hospital[2], hospital[3] + " Corrected.")])
        (third,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert third.updated == 1 and third.new == 0
        found = desk.get(hospital_id)
        assert found is not None and found.meta.body.endswith("Corrected.")
        assert desk.count() == 3


def test_a_correction_under_its_guid_with_a_new_link_still_updates(
    backend: str, feed_server: FeedServer
) -> None:
    """A headline rewritten with its link's slug: the same report, told again."""
    serve(feed_server, [FIRST])
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="coast")
        desk.fetch(["coast"], limits=LIMITS)
        moved = (CORRECTED[0], CORRECTED[1], "http://example.invalid/crash-four-dead", CORRECTED[3])
        serve(feed_server, [moved])
        (again,) = desk.fetch(["coast"], limits=LIMITS).feeds
        assert again.updated == 1 and again.new == 0
        assert desk.count() == 1
