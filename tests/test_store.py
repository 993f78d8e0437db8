"""The store: schema, duplicates, state changes, the action log and undo."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdesk.isodates import iso_to_ts
from newsdesk.model import Extracted, article_id
from newsdesk.store import (
    SCHEMA_VERSION,
    NewerSchemaError,
    Store,
    StoreBackend,
    StoreError,
)


def make(title: str, body: str = "Body text of the article.", **kw: object) -> Extracted:
    return Extracted(title=title, body=body, **kw)  # type: ignore[arg-type]


def add(store: StoreBackend, meta: Extracted, origin: str = "test.txt") -> str:
    aid = article_id(meta)
    with store.transaction() as tx:
        store.insert(tx, aid, meta, origin, raw=None)
    return aid


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "db.sqlite3")
    yield s
    s.close()


def test_schema_version_and_wal(sqlite_store: Store) -> None:
    assert sqlite_store.schema_version() == SCHEMA_VERSION
    mode = sqlite_store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode.lower() == "wal"


def test_schema_is_current(store: StoreBackend) -> None:
    assert store.schema_version() >= 1
    assert store.integrity_check() == []


def test_id_is_stable_across_formatting() -> None:
    a = make("Flood waters rise", "The river rose.\n\nPeople fled.")
    b = make("  FLOOD waters rise! ", "The  river rose.  People fled")
    assert article_id(a) == article_id(b)
    assert article_id(a) != article_id(make("Flood waters fall", a.body))


def test_reimport_is_a_noop_and_records_origin(store: StoreBackend) -> None:
    meta = make("Harbour strike ends")
    aid = add(store, meta, "a.txt")
    with store.transaction() as tx:
        outcome = store.insert(tx, article_id(meta), meta, "b.txt", raw=None)
    assert not outcome.created and outcome.article_id == aid
    assert store.count() == 1
    article = store.get(aid)
    assert article is not None
    assert article.origins == ["a.txt", "b.txt"]


def test_existing_answers_for_a_batch_at_once(store: StoreBackend) -> None:
    stored = [add(store, make(f"Ferry timetable change {n}")) for n in range(3)]
    asked = [stored[0], "missing-1", stored[2], "missing-2"]
    assert store.existing(asked) == {stored[0], stored[2]}
    assert store.existing([]) == set()
    # More than one SQLite statement's worth of parameters.
    many = [f"missing-{n}" for n in range(1200)] + [stored[1]]
    assert store.existing(many) == {stored[1]}


def test_made_from_names_the_one_article_a_file_made(store: StoreBackend) -> None:
    """A watch that did not import a file finds its article here (`watch_revisions`)."""
    one = add(store, make("Harbour strike ends"), "/drop/one.txt")
    add(store, make("Ferry timetable changes"), "/drop/one-copy.txt")
    found = store.made_from(["/drop/one.txt", "/drop/none.txt"])
    assert list(found) == ["/drop/one.txt"]
    assert found["/drop/one.txt"][0] == one and iso_to_ts(found["/drop/one.txt"][1])
    assert store.made_from([]) == {}


def test_made_from_leaves_out_an_origin_whose_latest_arrival_made_several() -> None:
    from newsdesk.store.sqlite.origins import latest_single

    rows = [
        ("/drop/a.txt", "old", "2026-12-01T09:00:00+00:00"),
        ("/drop/a.txt", "new", "2026-12-02T09:00:00+00:00"),
        ("/drop/b.txt", "b1", "2026-12-02T09:00:00+00:00"),
        ("/drop/b.txt", "b2", "2026-12-02T09:00:00+00:00"),
    ]
    assert latest_single(rows) == {"/drop/a.txt": ("new", "2026-12-02T09:00:00+00:00")}


def test_same_url_or_guid_merges(store: StoreBackend) -> None:
    add(store, make("One", url="https://example.test/x", guid="g-1"))
    with store.transaction() as tx:
        by_url = store.insert(
            tx, "other", make("One, updated", url="https://example.test/x"), "f", None
        )
        by_guid = store.insert(tx, "other2", make("One again", guid="g-1"), "g", None)
    assert not by_url.created and not by_guid.created
    assert store.count() == 1


def test_state_changes_logged_and_undone_in_order(store: StoreBackend) -> None:
    a = add(store, make("A"))
    b = add(store, make("B"))
    assert store.apply("star", [a, b], {"starred": True}) == [a, b]
    assert store.apply("tag", [a], {}, add_tags=["urgent", "eu"]) == [a]
    assert store.apply("star", [a], {"starred": True}) == []  # no change, nothing logged
    got = store.get(a)
    assert got is not None and got.state.starred and got.state.tags == ["eu", "urgent"]

    first = store.undo()
    assert first is not None and first.kind == "tag"
    got = store.get(a)
    assert got is not None and got.state.tags == [] and got.state.starred
    second = store.undo()
    assert (
        second is not None
        and second.kind == "star"
        and sorted(second.article_ids) == sorted([a, b])
    )
    got_b = store.get(b)
    assert got_b is not None and not got_b.state.starred
    assert store.undo() is None


def test_delete_keeps_everything_for_undo(store: StoreBackend) -> None:
    a = add(store, make("Kept whole", url="https://example.org/kept"), "first.txt")
    b = add(store, make("Other"))
    with store.transaction() as tx:
        store.add_origin(tx, a, "second.txt")
    store.apply("star", [a], {"starred": True})
    store.apply("note", [a], {"note": "call the harbour master"})
    store.apply("tag", [a], {}, add_tags=["ports"])
    before = store.get(a)
    assert before is not None
    seen: list[list[str]] = []
    assert store.delete([a, "no-such-id"], before_commit=lambda tx, ids: seen.append(ids)) == [a]
    assert seen == [[a]]
    assert store.get(a) is None and store.count() == 1 and store.exists(b)
    assert [aid for aid, _ in store.removed_since(0, 10)] == [a]
    assert store.history(1)[0].kind == "delete"

    record = store.undo()
    assert record is not None and record.kind == "delete" and record.restored == [a]
    after = store.get(a)
    assert after is not None
    assert after.state == before.state and after.state.note == "call the harbour master"
    assert after.meta.title == before.meta.title and after.meta.body == before.meta.body
    assert sorted(after.origins) == sorted(before.origins) == ["first.txt", "second.txt"]
    assert store.removed_since(0, 10) == []
    # The restored article is new to the index: above the revision of its removal.
    assert a in [row["id"] for row in store.changed_since(store.max_rev() - 1, 10)]


def test_an_import_logged_as_one_step_is_undone_whole(store: StoreBackend) -> None:
    kept = add(store, make("Before the import"))
    new = [add(store, make(f"Imported {n}")) for n in range(3)]
    # An import logs each transaction's articles as it commits them, into one batch.
    with store.transaction() as tx:
        batch = store.log_import(tx, new[:2])
    with store.transaction() as tx:
        assert store.log_import(tx, new[2:], batch) == batch
    with store.transaction() as tx:
        store.log_import(tx, [])  # nothing created: no step
    assert [r.kind for r in store.history(5)] == ["import"]
    record = store.undo()
    assert record is not None and record.kind == "import" and sorted(record.removed) == sorted(new)
    assert store.count() == 1 and store.exists(kept)
    assert sorted(aid for aid, _ in store.removed_since(0, 10)) == sorted(new)
    assert store.undo() is None


def test_undo_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    s1 = Store(path)
    aid = add(s1, make("Persistent"))
    s1.apply("archive", [aid], {"archived": True})
    s1.close()
    s2 = Store(path)
    record = s2.undo()
    assert record is not None and record.kind == "archive"
    got = s2.get(aid)
    assert got is not None and not got.state.archived
    s2.close()


def test_counts_and_ordering(store: StoreBackend) -> None:
    old = add(store, make("Old", published="2026-11-01"))
    new = add(store, make("New", published="2026-11-20T10:00:00+00:00"))
    store.apply("read", [old], {"read": True})
    assert store.ordered_ids() == [new, old]
    counts = store.counts()
    assert counts["total"] == 2 and counts["unread"] == 1 and counts["starred"] == 0


def test_the_starred_count_is_what_is_starred_finds(store: StoreBackend) -> None:
    # A starred article archived left the inbox and `is:starred`, not the header's count.
    kept = add(store, make("Kept", published="2026-11-01"))
    filed = add(store, make("Filed", published="2026-11-02"))
    store.apply("star", [kept, filed], {"starred": True})
    assert store.counts()["starred"] == 2
    store.apply("archive", [filed], {"archived": True})
    counts = store.counts()
    assert counts["starred"] == 1 and counts["archived"] == 1 and counts["inbox"] == 1


def test_rows_keep_requested_order_and_tags(store: StoreBackend) -> None:
    a = add(store, make("A"))
    b = add(store, make("B"))
    store.apply("tag", [b], {}, add_tags=["x"])
    rows = store.rows([b, "missing", a])
    assert [r.id for r in rows] == [b, a]
    assert rows[0].tags == ["x"]


def test_failed_transaction_leaves_nothing(store: StoreBackend) -> None:
    with pytest.raises(RuntimeError), store.transaction() as tx:
        store.insert(tx, "abc", make("Half"), "f", None)
        raise RuntimeError("crash mid-import")
    assert store.count() == 0


def test_undated_articles_sort_at_arrival_when_an_older_store_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    s = Store(path)
    dated = add(s, make("Dated", published="2026-11-20T10:00:00Z"))
    undated = add(s, make("Undated"))
    # Arrived after the dated one's publication: above it under newest first.
    assert s.ordered_ids() == [undated, dated]
    s.close()
    # As steps 6 to 17 left it: an undated article pushed below every dated one.
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET sort_ts = ? WHERE id = ?", (time.time() - 1e10, undated))
    conn.execute("UPDATE meta SET value = '17' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    s = Store(path)
    try:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.ordered_ids() == [undated, dated]
        # A new revision, so the index re-sorts it too.
        assert [row["id"] for row in s.changed_since(s.max_rev() - 1, 5)] == [undated]
    finally:
        s.close()


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer newsdesk"):
        Store(path)
    assert path.read_bytes() == before


def test_garbage_database_gives_store_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="doctor"):
        Store(path)


def test_iso_to_ts_handles_absurd_values() -> None:
    assert iso_to_ts("2026-11-18") is not None
    assert iso_to_ts("not a date") is None
    assert iso_to_ts(None) is None
    assert iso_to_ts("2026-11-18T00:00:00Z") == iso_to_ts("2026-11-18")
    assert iso_to_ts("2026-11-18T02:00:00+02:00") == iso_to_ts("2026-11-18")


def test_migrates_a_version_1_store_keeping_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    s = Store(path)
    aid = add(s, make("Kept across the upgrade"))
    s.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX articles_inbox")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    s2 = Store(path)
    assert s2.schema_version() == SCHEMA_VERSION >= 2
    names = {r[0] for r in s2.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "articles_inbox" in names
    assert s2.get(aid) is not None
    plan = " ".join(
        str(r[-1])
        for r in s2.conn.execute(
            "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE a.archived = 0 "
            "ORDER BY a.sort_ts DESC, a.id"
        )
    )
    assert "articles_inbox" in plan and "TEMP B-TREE" not in plan
    s2.close()


def test_schema_steps_are_numbered_without_gaps_and_one_file_each(tmp_path: Path) -> None:
    import sys

    from newsdesk.store.sqlite import migrations

    assert sorted(migrations.STEPS) == list(range(1, SCHEMA_VERSION + 1))
    # Two branches that each added step 3: refused at import, not applied twice.
    package = tmp_path / "steps_twice"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("m001_first", "m002_second", "m002_also_second"):
        (package / f"{name}.py").write_text('STATEMENTS = ("SELECT 1",)\n')
    sys.path.insert(0, str(tmp_path))
    try:
        with pytest.raises(RuntimeError, match="two schema steps are numbered 2"):
            migrations.discover([str(package)], "steps_twice")
        (package / "m002_also_second.py").rename(package / "m004_gap.py")
        with pytest.raises(RuntimeError, match="without gaps"):
            migrations.discover([str(package)], "steps_twice")
    finally:
        sys.path.remove(str(tmp_path))


def test_a_new_step_adds_its_table_to_an_existing_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What issues 14-18 do: one numbered step; old stores get it on the next open."""
    from newsdesk.store.sqlite import migrations
    from newsdesk.store.sqlite.migrations import Step

    path = tmp_path / "db.sqlite3"
    s = Store(path)
    aid = add(s, make("Kept across the new step"))
    s.close()
    step = Step(
        SCHEMA_VERSION + 1,
        "m999_subscriptions",
        ("CREATE TABLE subscriptions (url TEXT PRIMARY KEY, title TEXT)",),
    )
    monkeypatch.setitem(migrations.STEPS, step.version, step)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", step.version)
    s2 = Store(path)
    assert s2.schema_version() == step.version
    assert s2.conn.execute("SELECT COUNT(*) FROM subscriptions").fetchone()[0] == 0
    assert s2.get(aid) is not None
    s2.close()


def test_short_lived_threads_reuse_connections(store: StoreBackend) -> None:
    import threading

    aid = add(store, make("Seen from many threads"))
    seen: list[bool] = []

    def look() -> None:
        seen.append(store.get(aid) is not None)

    for _ in range(30):
        worker = threading.Thread(target=look)
        worker.start()
        worker.join()
    assert seen == [True] * 30
    # The test's own thread plus at most one reused worker connection.
    counted: Any = store  # both backends count their connections (not in the Protocol)
    assert counted.open_connections() <= 2


def test_hidden_is_archived_or_superseded(sqlite_store: Store) -> None:
    """The inbox search masks out `hidden` articles: archived ones and earlier wire
    versions (read through two indexes, not a scan), and nothing else."""
    from newsdesk.search.query import Flag

    kept, archived, earlier = (add(sqlite_store, make(f"Story {n}")) for n in "abc")
    sqlite_store.apply("archive", [archived], {"archived": True})
    with sqlite_store.transaction() as tx:
        tx.execute("UPDATE articles SET superseded = 1 WHERE id = ?", (earlier,))
    assert sqlite_store.id_set(Flag("hidden")) == {archived, earlier}
    assert sqlite_store.id_set(Flag("inbox")) == {kept}
    from newsdesk.store.sqlite.conditions import FLAG_SQL

    plan = sqlite_store.conn.execute(
        f"EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE {FLAG_SQL['hidden']}"
    ).fetchall()
    assert not any(str(row[-1]) == "SCAN articles" for row in plan)


def test_a_removal_is_pending_for_the_index_until_it_takes_it(store: StoreBackend) -> None:
    # A search while the index still holds a removed article found it; the app asks again
    # once nothing is pending, so a removal must count as pending.
    kept, gone = add(store, make("Kept article")), add(store, make("Removed article"))
    indexed = store.max_rev()
    assert store.pending_count(indexed) == 0
    assert store.delete([gone]) == [gone]
    assert store.pending_count(indexed) == 1
    assert store.pending_count(store.max_rev()) == 0
    assert store.exists(kept)
