"""Removing articles and bringing them back, on PostgreSQL (see `store/sqlite/removal.py`).

The same snapshot as SQLite's (row, tags, origins, feed links, claim) is kept in the
action log, so a delete made on one backend reads the same on the other.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsdesk.store.postgresql.articles import next_rev
from newsdesk.store.postgresql.connections import Conn

_OWNED = ("tags", "origins", "feed_items", "claims")


def snapshot(tx: Conn, article_id: str) -> dict[str, Any] | None:
    row = tx.execute("SELECT * FROM articles WHERE id = %s FOR UPDATE", (article_id,)).fetchone()
    if row is None:
        return None
    article = dict(row)
    article.pop("rev", None)  # a restored article takes a new revision
    tags = tx.execute("SELECT tag FROM tags WHERE article_id = %s", (article_id,)).fetchall()
    origins = tx.execute(
        "SELECT origin, seen_at FROM origins WHERE article_id = %s", (article_id,)
    ).fetchall()
    feeds = tx.execute(
        "SELECT feed_id FROM feed_items WHERE article_id = %s", (article_id,)
    ).fetchall()
    claim = tx.execute(
        "SELECT editor, ts FROM claims WHERE article_id = %s", (article_id,)
    ).fetchone()
    return {
        "article": article,
        "tags": [r["tag"] for r in tags],
        "origins": [[r["origin"], r["seen_at"]] for r in origins],
        "feeds": [int(r["feed_id"]) for r in feeds],
        "claim": None if claim is None else {"editor": claim["editor"], "ts": claim["ts"]},
    }


def remove(tx: Conn, article_id: str) -> bool:
    row = tx.execute(
        "DELETE FROM articles WHERE id = %s RETURNING guid, url, told_by", (article_id,)
    ).fetchone()
    if row is None:
        return False
    for table in _OWNED:
        tx.execute(f"DELETE FROM {table} WHERE article_id = %s", (article_id,))
    tx.execute(
        "INSERT INTO removed_articles (article_id, rev, guid, url, told_by) "
        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (article_id) DO UPDATE SET "
        "rev = excluded.rev, guid = excluded.guid, url = excluded.url, "
        "told_by = excluded.told_by",
        (article_id, next_rev(tx), row["guid"], row["url"], row["told_by"]),
    )
    return True


def restore(tx: Conn, snap: dict[str, Any]) -> str:
    article = dict(snap["article"])
    article["rev"] = next_rev(tx)
    columns = ", ".join(article)
    marks = ", ".join(["%s"] * len(article))
    tx.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", tuple(article.values()))
    aid = str(article["id"])
    with tx.cursor() as cur:
        cur.executemany(
            "INSERT INTO tags (article_id, tag) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            [(aid, tag) for tag in snap.get("tags", [])],
        )
        cur.executemany(
            "INSERT INTO origins (article_id, origin, seen_at) VALUES (%s, %s, %s) "
            "ON CONFLICT DO NOTHING",
            [(aid, origin, seen) for origin, seen in snap.get("origins", [])],
        )
        cur.executemany(
            "INSERT INTO feed_items (feed_id, article_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            [(feed, aid) for feed in snap.get("feeds", [])],
        )
    claim = snap.get("claim")  # absent from snapshots taken before claims went with articles
    if claim:
        tx.execute(
            "INSERT INTO claims (article_id, editor, ts) VALUES (%s, %s, %s) "
            "ON CONFLICT (article_id) DO NOTHING",
            (aid, claim["editor"], claim["ts"]),
        )
    tx.execute("DELETE FROM removed_articles WHERE article_id = %s", (aid,))
    return aid


def delete(tx: Conn, ids: Sequence[str], batch: int, ts: str) -> list[str]:
    removed: list[str] = []
    log_rows = []
    for article_id in sorted(dict.fromkeys(ids)):  # locked in id order: no deadlock
        snap = snapshot(tx, article_id)
        if snap is None or not remove(tx, article_id):
            continue
        removed.append(article_id)
        log_rows.append((batch, ts, "delete", article_id, json.dumps(snap), "null"))
    if log_rows:
        with tx.cursor() as cur:
            cur.executemany(
                "INSERT INTO actions (batch, ts, kind, article_id, before, after) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                log_rows,
            )
    order = {aid: n for n, aid in enumerate(dict.fromkeys(ids))}
    return sorted(removed, key=order.__getitem__)


def removed_since(conn: Conn, rev: int, limit: int) -> list[tuple[str, int]]:
    rows = conn.execute(
        "SELECT article_id, rev FROM removed_articles WHERE rev > %s ORDER BY rev LIMIT %s",
        (rev, limit),
    ).fetchall()
    return [(str(r["article_id"]), int(r["rev"])) for r in rows]
