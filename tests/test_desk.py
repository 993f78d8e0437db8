"""The Desk service: the verbs the CLI and the app share."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from newsdesk.desk import Desk, DeskError, ImportProgress, normalise_tag
from newsdesk.model import Extracted
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV

PAGE = """World

Ferry operators cancel crossings as gale batters the strait

Winds of up to 120 km/h are forecast until Friday.
By Ines Duarte
November 19, 2026

LISBON, Portugal — Ferry operators cancelled every crossing of the strait on Thursday as a gale pushed waves above six metres, stranding hundreds of travellers in both ports.

"We will not sail until the swell drops below four metres," said Carla Mendes, the operations director of the ferry company.
"""


@pytest.fixture
def desk(backend: str) -> Iterator[Desk]:
    """A Desk on each backend in turn (the data directory's SQLite file; a PostgreSQL
    schema of its own, skipped, saying why, without `NEWSDESK_TEST_PG`)."""
    d = Desk(resolve())
    yield d
    d.close()


@pytest.fixture
def sqlite_desk() -> Iterator[Desk]:
    """A Desk on the data directory's SQLite file, for what only the file has."""
    d = Desk(resolve())
    yield d
    d.close()


def _raw(desk: Desk, aid: str) -> str:
    """The article's stored raw copy, read from the store's own table."""
    url = os.environ.get(STORE_ENV, "")
    if url:
        import psycopg

        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT raw FROM articles WHERE id = %s", (aid,)).fetchone()
    else:
        with closing(sqlite3.connect(desk.paths.database)) as conn:
            row = conn.execute("SELECT raw FROM articles WHERE id = ?", (aid,)).fetchone()
    assert row is not None
    return str(row[0])


def test_import_keeps_raw_copy_and_counts(desk: Desk, tmp_path: Path) -> None:
    page = tmp_path / "gale.txt"
    page.write_text(PAGE, encoding="utf-8")
    summary = desk.import_paths([page])
    assert summary.imported == 1 and not summary.failed
    aid = summary.imported_ids[0]
    raw = _raw(desk, aid)
    assert raw.startswith("World") and "gale" in raw
    article = desk.get(aid)
    assert article is not None
    assert article.meta.title.startswith("Ferry operators cancel")
    assert article.meta.dateline and article.meta.dateline.startswith("Lisbon")
    assert desk.counts()["unread"] == 1


def test_progress_reports_every_file(desk: Desk, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02" * 500)
    events: list[ImportProgress] = []
    summary = desk.import_paths([tmp_path], progress=events.append)
    assert [e.done for e in events] == [1, 2] and events[-1].total == 2
    assert len(summary.failed) == 1 and summary.failed[0].path.endswith("b.bin")


def test_resolve_targets_ids_prefixes_and_queries(desk: Desk, tmp_path: Path) -> None:
    (tmp_path / "gale.txt").write_text(PAGE, encoding="utf-8")
    aid = desk.import_paths([tmp_path]).imported_ids[0]
    assert desk.resolve_targets([aid[:8]]) == [aid]
    assert desk.resolve_targets(["ferry"]) == [aid]
    assert desk.resolve_targets(["nothingmatchesthis"]) == []
    with pytest.raises(DeskError):
        desk.resolve_id("zzzz")


def test_tags_are_normalised() -> None:
    assert normalise_tag("+Breaking News") == "breaking-news"
    assert normalise_tag("  EU,summit ") == "eu-summit"
    assert normalise_tag("\x1b[31mred") == "red"
    assert normalise_tag('"quoted tag"') == "quoted-tag"
    assert normalise_tag("##hash") == "hash"
    # Markup and link syntax from a file's tags are no part of a tag's words.
    assert normalise_tag("[bold]x[/bold]") == "bold-x-bold"
    assert normalise_tag("x](javascript:1)") == "x-javascript-1"
    assert normalise_tag("C++ & Rust/Go") == "c++-&-rust-go"
    # No letter or digit, no tag (the CLI refused an emoji alone but kept "--").
    for nothing in ("--", "...", "_", "+&", "-.-", "🎉", "###"):
        assert normalise_tag(nothing) == "", nothing
    assert normalise_tag("_2026_") == "_2026_"


def test_export_marks_exported(desk: Desk, tmp_path: Path) -> None:
    from newsdesk.export import ExportOptions

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gale.txt").write_text(PAGE, encoding="utf-8")
    aid = desk.import_paths([tmp_path / "in"]).imported_ids[0]
    report = desk.export([aid], tmp_path / "out.md", ExportOptions(format="md"))
    assert report.paths == [tmp_path / "out.md"]
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "Ferry operators cancel crossings" in text
    article = desk.get(aid)
    assert article is not None and article.state.exported


# -- the one door: what callers need, without reaching past the Desk ------------------


def _two_stories(desk: Desk) -> dict[str, str]:
    """Four articles: a story of two versions (a, b) and two on their own (c, d)."""
    from newsdesk.model import Extracted

    ids: dict[str, str] = {}
    # Four different events (one template with a letter changed would be one
    # story to the grouper, which now finds such pairs through their rare words).
    topics = {
        "a": "ferry timetable changes for winter crossings",
        "b": "lighthouse keeper retires after decades",
        "c": "dredging contract awarded to shipyard",
        "d": "seal colony counted by volunteers",
    }
    for key, day in (("a", 1), ("b", 2), ("c", 3), ("d", 4)):
        meta = Extracted(
            title=f"Harbour {key}: {topics[key]}",
            body=f"Body of {key}, about harbour news: {topics[key]}.",
            published=f"2026-11-0{day}",
        )
        ids[key] = desk.add_extracted([meta], f"test:{key}")[0]
    with desk.store.transaction() as tx:
        desk.store.set_story(tx, ids["b"], "s-shared")
        desk.store.set_story(tx, ids["a"], "s-shared")
    return ids


def test_count_history_and_inbox_head(desk: Desk) -> None:
    ids = _two_stories(desk)
    assert desk.count() == 4
    assert desk.inbox_head(2) == [ids["d"], ids["c"]]
    desk.star([ids["a"]])
    desk.tag([ids["b"], ids["c"]], add=["follow"])
    history = desk.history(limit=1)
    assert [(h.kind, sorted(h.article_ids)) for h in history] == [
        ("tag", sorted([ids["b"], ids["c"]]))
    ]
    assert [h.kind for h in desk.history()] == ["tag", "star"]
    desk.archive([ids["d"]])
    assert desk.count() == 4 and desk.inbox_head(1) == [ids["c"]]


def test_story_verbs_come_from_the_store(desk: Desk) -> None:
    ids = _two_stories(desk)
    assert desk.with_versions([ids["c"], ids["a"]]) == [ids["c"], ids["a"], ids["b"]]
    assert desk.story_map() == {ids["a"]: "s-shared", ids["b"]: "s-shared"}
    assert desk.story_members("s-shared") == [ids["b"], ids["a"]]


def test_count_matches_counts_and_forgives_a_bad_query(desk: Desk) -> None:
    ids = _two_stories(desk)
    desk.star([ids["a"], ids["c"]])
    desk.sync_index()
    assert desk.count_matches("is:starred") == 2
    assert desk.count_matches("harbour") == 4
    assert desk.count_matches('"unclosed') == 0


def test_every_error_the_desk_raises_is_a_desk_error(desk: Desk) -> None:
    from newsdesk import errors
    from newsdesk.search.query import QuerySyntaxError
    from newsdesk.store import NewerSchemaError, StoreError

    for name in errors.__all__:
        assert issubclass(getattr(errors, name), DeskError), name
    assert QuerySyntaxError is errors.QuerySyntaxError and StoreError is errors.StoreError
    assert NewerSchemaError is errors.NewerSchemaError
    with pytest.raises(errors.QuerySyntaxError):
        desk.search('"unclosed')
    with pytest.raises(errors.ArticleNotFoundError):
        desk.resolve_id("0123456789abcdef")


def test_a_busy_store_is_a_desk_error_not_a_sqlite_one(
    sqlite_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.errors import StoreBusyError
    from newsdesk.store.sqlite import connections

    desk = sqlite_desk
    ids = _two_stories(desk)
    monkeypatch.setattr(connections, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(desk.paths.database, isolation_level=None, timeout=0.05)
    holder.execute("BEGIN IMMEDIATE")
    try:
        fresh = Desk(resolve())
        with pytest.raises(StoreBusyError, match="nothing was changed"):
            fresh.star([ids["a"]])
        fresh.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    article = desk.get(ids["a"])
    assert article is not None and not article.state.starred


def test_a_damaged_index_is_rebuilt_by_the_search_that_finds_it(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _two_stories(desk)
    desk.sync_index()
    engine = desk.engine
    real = engine.search
    calls: list[str] = []

    def search_once_damaged(*args: object, **kwargs: object) -> object:
        calls.append("search")
        if len(calls) == 1:
            desk.index.report_damage(EOFError("truncated segment"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "search", search_once_damaged)
    result = desk.search("harbour")
    assert calls == ["search", "search"]
    assert not desk.index_damaged
    assert set(result.ids) == set(ids.values())
    assert result.notice is not None and "damaged" in result.notice


def test_one_spelling_per_outlet(desk: Desk) -> None:
    """Two copies naming one outlet two ways are filed under the spelling the desk
    holds already; other outlets keep theirs; `source:` finds every spelling."""

    def item(n: int, source: str) -> Extracted:
        return Extracted(
            title=f"Harbour report number {n}",
            body=f"The harbour board met for the {n}th time about the dredging.",
            source=source,
        )

    ids = desk.add_extracted(
        [
            item(1, "POLITICO"),
            item(2, "Politico"),
            item(3, "BBC News"),
            item(4, "BBC"),
            item(5, "The Marrowby Times"),
            item(6, "Marrowby Times"),
            item(7, "Fox News"),
            item(8, "Fox Business"),
            item(9, "The New York Marrowby Times"),
        ],
        "fixture",
    )
    sources = [article.meta.source for article in desk.store.get_many(ids)]
    assert sources == [
        "POLITICO",
        "POLITICO",
        "BBC News",
        "BBC News",
        "The Marrowby Times",
        "The Marrowby Times",
        "Fox News",
        "Fox Business",
        "The New York Marrowby Times",
    ]
    # A later import keeps to the spelling the desk holds most.
    [later] = desk.add_extracted([item(10, "bbc")], "fixture")
    assert desk.store.get_many([later])[0].meta.source == "BBC News"
    desk.sync_index()
    assert set(desk.search("source:bbc").ids) == {ids[2], ids[3], later}


def test_a_file_imported_by_a_relative_path_records_where_it_is(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stored as "wire/flood.txt" it meant nothing from the app or another folder.
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "flood.txt").write_text(
        "Flood waters rise\n\nThe river rose two metres overnight, the council said.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    summary = desk.import_paths([Path("wire/flood.txt")])
    [article_id] = summary.imported_ids
    article = desk.get(article_id)
    assert article is not None
    assert article.origin == str(folder / "flood.txt")
    assert Path(article.origin).is_absolute()


def test_an_interrupted_import_is_one_step_undo_takes_back(desk: Desk, tmp_path: Path) -> None:
    # Ctrl-C (or the shared desk going away) after some files were committed left them
    # stored with no import step: `undo` took back whatever was done before instead.
    folder = tmp_path / "wire"
    folder.mkdir()
    for n in range(6):
        (folder / f"item-{n}.md").write_text(
            f"# Storm report number {n} from the coast\n\nThe storm reached town {n}.\n",
            encoding="utf-8",
        )
    before = desk.import_paths([folder / "item-0.md"]).imported_ids
    desk.star(before)
    desk.sync_index()

    def interrupt(progress: ImportProgress) -> None:
        if progress.done >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        desk.import_paths([folder], progress=interrupt)
    desk.sync_index()
    stored = len(desk.search("storm").ids)
    assert stored >= 2
    undone = desk.undo()
    assert undone is not None and "import" in undone.action, undone
    desk.sync_index()
    assert desk.search("storm").ids == before  # the earlier star is still there
    assert desk.search("is:starred").ids == before
