"""Removing articles and bringing them back: `newsdesk delete`, and undo of an import or a delete.

A claim goes with its article (a deleted article is nobody's to work on) and
comes back with it on undo, unless someone has claimed it meanwhile.
A removed article leaves a tombstone (`removed_articles`: its id, the
revision of its removal, and its GUID, link and feed), so the search index, which catches up by revision,
drops its document too. A delete keeps everything about the article in the
action log (its whole row, tags, origins and feed links), so its undo puts
the article back as it was; the undo of an import removes what it added.
Story memberships are the Desk's (through `StoryTables`), not this module's.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from newsdesk.store.sqlite.articles import next_rev

#: Tables whose rows belong to one article (besides `articles` itself).
_OWNED = ("tags", "origins", "feed_items", "claims")


def snapshot(tx: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """Everything stored about one article, as JSON-ready data; None when it is gone."""
    row = tx.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    article = dict(row)
    article.pop("rev", None)  # a restored article takes a new revision
    return {
        "article": article,
        "tags": [
            r[0] for r in tx.execute("SELECT tag FROM tags WHERE article_id = ?", (article_id,))
        ],
        "origins": [
            [r[0], r[1]]
            for r in tx.execute(
                "SELECT origin, seen_at FROM origins WHERE article_id = ?", (article_id,)
            )
        ],
        "feeds": [
            int(r[0])
            for r in tx.execute(
                "SELECT feed_id FROM feed_items WHERE article_id = ?", (article_id,)
            )
        ],
        "claim": _claim(tx, article_id),
    }


def _claim(tx: sqlite3.Connection, article_id: str) -> dict[str, str] | None:
    row = tx.execute("SELECT editor, ts FROM claims WHERE article_id = ?", (article_id,)).fetchone()
    return None if row is None else {"editor": str(row[0]), "ts": str(row[1])}


def remove(tx: sqlite3.Connection, article_id: str) -> bool:
    """Delete the article and its own rows, leaving a tombstone; False when it was not there."""
    row = tx.execute(
        "DELETE FROM articles WHERE id = ? RETURNING guid, url, told_by", (article_id,)
    ).fetchone()
    if row is None:
        return False
    for table in _OWNED:
        tx.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    # Its GUID, link and feed too: the feed telling it again in other words (a new id)
    # does not bring it back.
    tx.execute(
        "INSERT INTO removed_articles (article_id, rev, guid, url, told_by) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET rev = excluded.rev, "
        "guid = excluded.guid, url = excluded.url, told_by = excluded.told_by",
        (article_id, next_rev(tx), row[0], row[1], row[2]),
    )
    return True


def restore(tx: sqlite3.Connection, snap: dict[str, Any]) -> str:
    """Put a snapshot's article back with a new revision and lift its tombstone; its id."""
    article = dict(snap["article"])
    article["rev"] = next_rev(tx)
    columns = ", ".join(article)
    marks = ", ".join("?" * len(article))
    tx.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", tuple(article.values()))
    aid = str(article["id"])
    tx.executemany(
        "INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?, ?)",
        [(aid, tag) for tag in snap.get("tags", [])],
    )
    tx.executemany(
        "INSERT OR IGNORE INTO origins (article_id, origin, seen_at) VALUES (?, ?, ?)",
        [(aid, origin, seen) for origin, seen in snap.get("origins", [])],
    )
    tx.executemany(
        "INSERT OR IGNORE INTO feed_items (feed_id, article_id) VALUES (?, ?)",
        [(feed, aid) for feed in snap.get("feeds", [])],
    )
    claim = snap.get("claim")  # absent from snapshots taken before claims went with articles
    if claim:
        tx.execute(
            "INSERT INTO claims (article_id, editor, ts) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO NOTHING",
            (aid, claim["editor"], claim["ts"]),
        )
    tx.execute("DELETE FROM removed_articles WHERE article_id = ?", (aid,))
    return aid


def delete(tx: sqlite3.Connection, ids: Sequence[str], batch: int, ts: str) -> list[str]:
    """Remove the articles as one batch of the action log, each snapshot kept for undo."""
    removed: list[str] = []
    log_rows = []
    for article_id in dict.fromkeys(ids):
        snap = snapshot(tx, article_id)
        if snap is None or not remove(tx, article_id):
            continue
        removed.append(article_id)
        log_rows.append((batch, ts, "delete", article_id, json.dumps(snap), "null"))
    tx.executemany(
        "INSERT INTO actions (batch, ts, kind, article_id, before, after, session) "
        "VALUES (?, ?, ?, ?, ?, ?, newsdesk_session())",
        log_rows,
    )
    return removed


def removed_since(conn: sqlite3.Connection, rev: int, limit: int) -> list[tuple[str, int]]:
    return [
        (str(r[0]), int(r[1]))
        for r in conn.execute(
            "SELECT article_id, rev FROM removed_articles WHERE rev > ? ORDER BY rev LIMIT ?",
            (rev, limit),
        )
    ]
