"""Copy of a text a correction replaced is a new article, not a duplicate of the article
that now holds other text (both backends; `desk.text_ids`)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
MINISTER_TITLE = "Minister resigns over port deal"
MINISTER_BODY = (
    "The transport minister resigned on Tuesday after documents showed he had approved the "
    "harbour contract for a company owned by his brother-in-law, officials said."
)
ZOO_TITLE = "Zoo panda cub named"
ZOO_BODY = (
    "The city zoo named its first giant panda cub Bao after a public vote that drew forty "
    "thousand entries from schoolchildren across the region."
)


def serve(server: FeedServer, path: str, item: tuple[str, str, str, str]) -> None:
    server.route(
        path,
        Reply(body=rss("Desk Feed", [item]), headers={"Content-Type": "application/rss+xml"}),
    )


def corrected_to_zoo(desk: Desk, server: FeedServer) -> str:
    """Feed a's item told the minister's resignation, then (same GUID and link) the zoo's
    cub: the article keeps the id the minister text's hash made."""
    live = f"{server.url}/live"
    serve(server, "/a.xml", ("g1", MINISTER_TITLE, live, MINISTER_BODY))
    desk.add_feed(f"{server.url}/a.xml", name="a")
    (first,) = desk.fetch(["a"], limits=LIMITS).feeds
    assert first.new == 1
    serve(server, "/a.xml", ("g1", ZOO_TITLE, live, ZOO_BODY))
    (again,) = desk.fetch(["a"], limits=LIMITS).feeds
    assert again.updated == 1
    (zoo,) = every_id(desk)
    return zoo


def every_id(desk: Desk) -> list[str]:
    desk.sync_index()
    return sorted(desk.search("in:all", limit=None).ids)


def minister_file(tmp_path: Path) -> Path:
    path = tmp_path / "min.txt"
    path.write_text(f"{MINISTER_TITLE}\n\n{MINISTER_BODY}\n", encoding="utf-8")
    return path


def test_another_feeds_copy_of_the_replaced_text_is_new(
    backend: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    """Feed b's minister item read "unchanged (1 item already stored)", a file of it
    "duplicates 1", `minister in:all` found nothing and `star feed:b` starred the zoo."""
    with Desk(resolve()) as desk:
        zoo = corrected_to_zoo(desk, feed_server)
        serve(
            feed_server,
            "/b.xml",
            ("other-b-1", MINISTER_TITLE, f"{feed_server.url}/b/min", MINISTER_BODY),
        )
        desk.add_feed(f"{feed_server.url}/b.xml", name="b")
        (fetched,) = desk.fetch(["b"], limits=LIMITS).feeds
        assert fetched.new == 1
        desk.sync_index()
        (minister,) = desk.search("feed:b", limit=None).ids
        assert minister != zoo
        article = desk.get(minister)
        assert article is not None and article.meta.title == MINISTER_TITLE
        assert desk.search("minister in:all", limit=None).ids == [minister]
        desk.star([minister])
        zoo_article = desk.get(zoo)
        assert zoo_article is not None and not zoo_article.state.starred
        assert zoo_article.meta.title == ZOO_TITLE
        # Fetched again, the same telling is no correction (its id is not its text's hash).
        (same,) = desk.fetch(["b"], limits=LIMITS).feeds
        assert same.new == 0 and same.updated == 0
        # A file of the same text is a copy of b's article, every time it is imported.
        for _ in range(2):
            summary = desk.import_paths([minister_file(tmp_path)])
            assert summary.imported == 0 and summary.duplicates == 1
        assert sorted(every_id(desk)) == sorted([zoo, minister])


def test_a_file_of_the_replaced_text_is_new_then_a_noop(
    backend: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    with Desk(resolve()) as desk:
        zoo = corrected_to_zoo(desk, feed_server)
        first = desk.import_paths([minister_file(tmp_path)])
        assert first.imported == 1
        (minister,) = first.imported_ids
        assert minister != zoo
        again = desk.import_paths([minister_file(tmp_path)])
        assert again.imported == 0 and again.duplicates == 1
        assert desk.count() == 2


def test_a_return_to_the_earlier_telling_still_updates_in_place(
    backend: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    """The feed's item told as at first again: the article (under its first id) takes the
    text back; corrected once more, the text it left is new copy again."""
    with Desk(resolve()) as desk:
        zoo = corrected_to_zoo(desk, feed_server)
        live = f"{feed_server.url}/live"
        serve(feed_server, "/a.xml", ("g1", MINISTER_TITLE, live, MINISTER_BODY))
        (back,) = desk.fetch(["a"], limits=LIMITS).feeds
        assert back.updated == 1 and back.new == 0
        article = desk.get(zoo)
        assert article is not None and article.meta.title == MINISTER_TITLE
        held = desk.import_paths([minister_file(tmp_path)])
        assert held.imported == 0 and held.duplicates == 1
        assert every_id(desk) == [zoo]
        serve(feed_server, "/a.xml", ("g1", ZOO_TITLE, live, ZOO_BODY))
        (again,) = desk.fetch(["a"], limits=LIMITS).feeds
        assert again.updated == 1
        left = desk.import_paths([minister_file(tmp_path)])
        assert left.imported == 1
        assert every_id(desk) == sorted([zoo, *left.imported_ids])
