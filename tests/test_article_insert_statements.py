"""SQLite's article insert in fewer statements: the same duplicates found, the same revisions.

`find_duplicate` asks its three questions (same id, else same GUID, else same URL) in one
statement and `next_rev` moves and reads the counter in one: checked against what the
statements a question gave.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.model import Extracted
from newsdesk.store.sqlite.articles import find_duplicate, insert, max_rev, next_rev
from newsdesk.store.sqlite.store import SqliteStore


def _stored(path: Path) -> SqliteStore:
    store = SqliteStore(path)
    with store.transaction() as tx:
        # One article with an empty GUID and URL, which name nothing.
        insert(
            tx, "a1", Extracted(title="one", body="x", guid="g1", url="https://e.org/1"), "o", None
        )
        insert(
            tx, "a2", Extracted(title="two", body="y", guid="g2", url="https://e.org/2"), "o", None
        )
        insert(tx, "a3", Extracted(title="three", body="z", guid="", url=""), "o", None)
    return store


def _one_at_a_time(tx: sqlite3.Connection, article_id: str, meta: Extracted) -> str | None:
    """`find_duplicate` as three statements, each asked only when the one before found none."""
    row = tx.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row:
        return str(row[0])
    if meta.guid:
        row = tx.execute("SELECT id FROM articles WHERE guid = ?", (meta.guid,)).fetchone()
        if row:
            return str(row[0])
    if meta.url:
        row = tx.execute("SELECT id FROM articles WHERE url = ?", (meta.url,)).fetchone()
        if row:
            return str(row[0])
    return None


def test_find_duplicate_answers_as_one_question_at_a_time(tmp_path: Path) -> None:
    store = _stored(tmp_path / "db.sqlite3")
    asked = [
        ("a2", Extracted(title="t", guid="g9", url="https://e.org/1")),  # id before URL
        ("new", Extracted(title="t", guid="g1", url="https://e.org/2")),  # GUID before URL
        ("new", Extracted(title="t", guid="g9", url="https://e.org/2")),
        ("new", Extracted(title="t", guid="", url="")),  # empty: names no stored article
        ("new", Extracted(title="t", guid=None, url=None)),
        ("new", Extracted(title="t", guid="g1")),
        ("a3", Extracted(title="t")),
    ]
    with store.transaction() as tx:
        for article_id, meta in asked:
            assert find_duplicate(tx, article_id, meta) == _one_at_a_time(tx, article_id, meta)
        assert [find_duplicate(tx, a, m) for a, m in asked] == [
            "a2",
            "a1",
            "a2",
            None,
            None,
            "a1",
            "a3",
        ]
    store.close()


def test_next_rev_moves_the_counter_and_returns_it(tmp_path: Path) -> None:
    store = _stored(tmp_path / "db.sqlite3")
    with store.transaction() as tx:
        before = max_rev(tx)
        assert [next_rev(tx) for _ in range(3)] == [before + 1, before + 2, before + 3]
        assert max_rev(tx) == before + 3
    # Committed whole: the statement was read to its end.
    with store.transaction() as tx:
        assert max_rev(tx) == before + 3
    store.close()
