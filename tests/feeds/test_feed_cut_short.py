"""A feed cut short (a download stopped mid-file) keeps its complete items: they are
stored, the import or fetch says the feed was cut and how many items it read, and the
fetch counts as failed for the feeds screen (no validators kept, so the retry gets the
whole feed). A feed cut before its first item is refused, saying it was cut short."""

from __future__ import annotations

import json
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply

#: The words the import and the fetch open with (`newsdesk.ingest.feed.CUT_SHORT`).
CUT_SHORT = "feed cut short"
LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
REAL = Path(__file__).parents[2] / ".." / "shared" / "realworld" / "feeds"


def _rss_item(n: int) -> str:
    return (
        f"<item><title>Harbour council report number {n} on the sea wall</title>"
        f"<link>http://example.invalid/{n}</link><guid>http://example.invalid/{n}</guid>"
        f"<description>Councillors in Quillport met for session {n} and voted to rebuild "
        f"the harbour wall before the winter storms.</description></item>\n"
    )


def _atom_entry(n: int) -> str:
    return (
        f"<entry><title>Harbour council report number {n} on the sea wall</title>"
        f'<link href="http://example.invalid/{n}"/><id>http://example.invalid/{n}</id>'
        f"<updated>2026-12-0{n}T10:00:00Z</updated><summary>Councillors in Quillport met "
        f"for session {n} and voted to rebuild the harbour wall before the winter storms."
        f"</summary></entry>\n"
    )


RSS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
    "<title>Quillport Tide</title><link>http://example.invalid/</link>\n"
    + "".join(_rss_item(n) for n in range(1, 5))
    + "</channel></rss>\n"
)
ATOM = (
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
    '<title>Quillport Tide</title><link href="http://example.invalid/"/><id>urn:q:tide</id>\n'
    "<updated>2026-12-04T10:00:00Z</updated>\n"
    + "".join(_atom_entry(n) for n in range(1, 5))
    + "</feed>\n"
)
FEEDS = {"rss": RSS, "atom": ATOM}
CLOSE = {"rss": "</item>", "atom": "</entry>"}

#: Where the document stops -> (complete items kept, whether a partial one was left out).
CUTS: dict[str, tuple[Callable[[str, str], int], int, bool]] = {
    "inside-item-text": (lambda d, k: d.index("voted to", d.index("number 3")) + 5, 2, True),
    "inside-a-tag": (lambda d, k: d.index("<link", d.index("number 3")) + 3, 2, True),
    "between-items": (
        lambda d, k: d.index(CLOSE[k], d.index("number 3")) + len(CLOSE[k]),
        3,
        False,
    ),
    "inside-root-end": (lambda d, k: len(d) - 4, 4, False),
}


def _titles(desk: Desk) -> list[str]:
    return sorted(a.meta.title for aid in desk.inbox_ids() if (a := desk.get(aid)))


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("cut", list(CUTS))
def test_import_keeps_the_complete_items_and_says_the_feed_was_cut(
    kind: str, cut: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where, kept, partial = CUTS[cut]
    doc = FEEDS[kind]
    path = tmp_path / "tide.xml"
    path.write_text(doc[: where(doc, kind)], encoding="utf-8")
    assert main(["import", "--json", str(path)]) == 0
    said = json.loads(capsys.readouterr().out)
    assert not said["failed"]
    (warning,) = [w["warning"] for w in said["warnings"] if CUT_SHORT in w["warning"]]
    assert f"read its first {kept} complete items" in warning
    assert ("partial item left out" in warning) is partial
    with Desk(resolve()) as desk:
        titles = _titles(desk)
    assert titles == [
        f"Harbour council report number {n} on the sea wall" for n in range(1, kept + 1)
    ]


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("at", ["<link", "<title"])
def test_a_feed_cut_before_its_first_item_is_refused_as_cut_short(
    kind: str, at: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = FEEDS[kind]
    path = tmp_path / "tide.xml"
    path.write_text(doc[: doc.index(at) + 3], encoding="utf-8")
    assert main(["import", "--json", str(path)]) == 1
    (failed,) = json.loads(capsys.readouterr().out)["failed"]
    assert failed["reason"].startswith(f"{CUT_SHORT}: the document ends before its first item")


def test_damage_in_the_middle_is_not_taken_for_a_cut(tmp_path: Path) -> None:
    """A mismatched tag mid-feed is malformed XML, said as such, not a feed cut short."""
    doc = RSS.replace(
        "</title><link>http://example.invalid/3", "</titel><link>http://example.invalid/3"
    )
    path = tmp_path / "tide.xml"
    path.write_text(doc, encoding="utf-8")
    with Desk(resolve()) as desk:
        summary = desk.import_paths([path])
    warnings = [w for f in summary.files for w in f.warnings]
    errors = [f.error for f in summary.files if f.error]
    assert not any(CUT_SHORT in said for said in [*warnings, *errors])
    assert any("malformed XML" in said for said in [*warnings, *errors])


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realworld/feeds not present")
def test_the_real_truncated_feed_is_refused_as_cut_short_before_any_item() -> None:
    path = REAL / "reuters-most-read-truncated.xml"
    if not path.exists():
        pytest.skip(f"{path} not present")
    with Desk(resolve()) as desk:
        summary = desk.import_paths([path])
        assert desk.count() == 0
    (done,) = summary.files
    assert done.error is not None
    assert done.error.startswith(f"{CUT_SHORT}: the document ends before its first item")
    assert "line 19" in done.error


def _serve(server: FeedServer, body: str) -> None:
    def reply(handler: BaseHTTPRequestHandler) -> Reply:
        # The ETag names the body: a client that kept a cut body's tag would get a 304
        # for the whole feed and never read the rest of it.
        tag = f'"{len(body)}"'
        if handler.headers.get("If-None-Match") == tag:
            return Reply(304, headers={"ETag": tag})
        return Reply(
            body=body.encode(), headers={"Content-Type": "application/rss+xml", "ETag": tag}
        )

    server.routes["/feed.xml"] = reply


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_fetch_cut_short_stores_the_items_fails_and_the_whole_feed_brings_the_rest(
    backend: str, feed_server: FeedServer, kind: str
) -> None:
    doc = FEEDS[kind]
    cut = doc.index("voted to", doc.index("number 3")) + 5
    with Desk(resolve()) as desk:
        _serve(feed_server, doc)
        desk.add_feed(f"{feed_server.url}/feed.xml", name="tide")
        _serve(feed_server, doc[:cut])
        (first,) = desk.fetch(["tide"], limits=LIMITS).feeds
        assert first.new == 2 and first.cut_short
        assert any(w.startswith(CUT_SHORT) and "2 complete items" in w for w in first.warnings)
        (sub,) = desk.feeds()
        assert sub.status == "failing" and sub.last_error and CUT_SHORT in sub.last_error
        assert sub.etag is None and sub.last_success is None
        before = {aid: desk.get(aid) for aid in desk.inbox_ids()}
        starred = next(iter(before))
        desk.star([starred])

        _serve(feed_server, doc)
        (again,) = desk.fetch(every=True, limits=LIMITS).feeds
        assert again.new == 2 and again.updated == 0 and not again.cut_short
        (sub,) = desk.feeds()
        assert sub.status == "ok" and sub.etag
        assert len(_titles(desk)) == 4
        for aid, article in before.items():
            now = desk.get(aid)
            assert now is not None and article is not None
            assert now.meta.body == article.meta.body and now.meta.title == article.meta.title
        kept = desk.get(starred)
        assert kept is not None and kept.state.starred


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_download_the_connection_cut_keeps_its_complete_items(
    feed_server: FeedServer, kind: str
) -> None:
    """The full Content-Length announced, the connection closed after two thirds of the
    body: httpx's "peer closed connection" failed the fetch, and the complete items in
    what arrived were never read."""
    doc = FEEDS[kind].encode()
    arrived = doc[: len(doc) * 2 // 3]
    whole = arrived.decode().count(CLOSE[kind])
    assert 0 < whole < 4  # the cut falls inside the items

    def cut_off(_handler: BaseHTTPRequestHandler) -> Reply:
        return Reply(
            body=arrived,
            short_by=len(doc) - len(arrived),
            headers={"Content-Type": "application/rss+xml", "ETag": '"whole"'},
        )

    with Desk(resolve()) as desk:
        _serve(feed_server, FEEDS[kind])
        desk.add_feed(f"{feed_server.url}/feed.xml", name="tide")
        feed_server.routes["/feed.xml"] = cut_off
        (first,) = desk.fetch(["tide"], limits=LIMITS).feeds
        assert first.new == whole and first.cut_short
        (said,) = [w for w in first.warnings if w.startswith(CUT_SHORT)]
        assert f"read its first {whole} complete items" in said
        assert "the download was cut short" in said
        (sub,) = desk.feeds()
        assert sub.status == "failing" and sub.etag is None
        assert _titles(desk) == [
            f"Harbour council report number {n} on the sea wall" for n in range(1, whole + 1)
        ]
        _serve(feed_server, FEEDS[kind])
        (again,) = desk.fetch(every=True, limits=LIMITS).feeds
        assert again.new == 4 - whole and not again.cut_short
        assert len(_titles(desk)) == 4


def test_a_download_cut_before_any_whole_item_fails_saying_it_was_cut(
    feed_server: FeedServer,
) -> None:
    doc = RSS.encode()
    arrived = doc[: doc.index(b"<link>http://example.invalid/1") + 3]
    feed_server.route("/feed.xml", Reply(body=arrived, short_by=len(doc) - len(arrived)))
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/feed.xml", name="tide")
        (first,) = desk.fetch(["tide"], limits=LIMITS).feeds
        assert first.status == "failed" and desk.count() == 0
        assert (first.reason or "").startswith(f"{CUT_SHORT}: the document ends")
