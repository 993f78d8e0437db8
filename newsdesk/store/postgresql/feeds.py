"""Feed subscriptions and saved searches on PostgreSQL (the SQLite modules' counterparts)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import sql

from newsdesk.feeds.subscription import Subscription
from newsdesk.isodates import utc_now_iso
from newsdesk.store.feed_tellings import Told
from newsdesk.store.postgresql.articles import read_by_me
from newsdesk.store.postgresql.connections import changed_rows
from newsdesk.store.sqlite.articles import told
from newsdesk.store.sqlite.feeds import _STATE_COLUMNS, _from_row, _values

Conn = psycopg.Connection[dict[str, Any]]


def feeds(conn: Conn) -> list[Subscription]:
    rows = conn.execute(
        f"""SELECT f.*,
               (SELECT COUNT(*) FROM feed_items fi WHERE fi.feed_id = f.id) AS items,
               (SELECT COUNT(*) FROM feed_items fi JOIN articles a ON a.id = fi.article_id
                 WHERE fi.feed_id = f.id AND NOT {read_by_me()} AND a.archived = 0) AS unread
           FROM feeds f ORDER BY f.name"""
    ).fetchall()
    return [_from_row(r) for r in rows]  # type: ignore[arg-type]  # a mapping like sqlite3.Row


def feed(conn: Conn, feed_id: int) -> Subscription | None:
    row = conn.execute(
        "SELECT f.*, 0 AS items, 0 AS unread FROM feeds f WHERE f.id = %s", (feed_id,)
    ).fetchone()
    return _from_row(row) if row is not None else None  # type: ignore[arg-type]


def add_feed(tx: Conn, sub: Subscription) -> int:
    columns = [*_STATE_COLUMNS, "added_at"]
    query = sql.SQL("INSERT INTO feeds ({}) VALUES ({}) RETURNING id").format(
        sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", ").join(sql.Placeholder() * len(columns)),
    )
    row = tx.execute(query, [*_values(sub), sub.added_at or utc_now_iso()]).fetchone()
    return int(row["id"]) if row else 0


def save_feed(tx: Conn, sub: Subscription) -> None:
    query = sql.SQL("UPDATE feeds SET {} WHERE id = %s").format(
        sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in _STATE_COLUMNS)
    )
    tx.execute(query, [*_values(sub), sub.id])


def remove_feed(tx: Conn, feed_id: int) -> bool:
    tx.execute("DELETE FROM feed_items WHERE feed_id = %s", (feed_id,))
    return changed_rows(tx, "DELETE FROM feeds WHERE id = %s", (feed_id,)) > 0


def link_feed_items(tx: Conn, feed_id: int, article_ids: Sequence[str]) -> None:
    with tx.cursor() as cur:
        cur.executemany(
            "INSERT INTO feed_items (feed_id, article_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            [(feed_id, aid) for aid in article_ids],
        )


def known_links(conn: Conn, keys: Sequence[str]) -> set[str]:
    wanted = list(dict.fromkeys(k for k in keys if k))
    found: set[str] = set()
    for row in conn.execute(
        "SELECT guid, url FROM articles WHERE guid = ANY(%s) OR url = ANY(%s)", (wanted, wanted)
    ):
        found.update(v for v in (row["guid"], row["url"]) if v)
    return found & set(keys)


# -- saved searches ------------------------------------------------------------------


def saved_searches(conn: Conn) -> list[tuple[str, str]]:
    rows = conn.execute("SELECT name, query FROM saved_searches ORDER BY name").fetchall()
    return [(str(r["name"]), str(r["query"])) for r in rows]


def save_search(tx: Conn, name: str, query: str) -> None:
    tx.execute(
        "INSERT INTO saved_searches (name, query, created_at) VALUES (%s, %s, %s) "
        "ON CONFLICT (name) DO UPDATE SET query = excluded.query",
        (name, query, utc_now_iso()),
    )


def delete_search(tx: Conn, name: str) -> bool:
    return changed_rows(tx, "DELETE FROM saved_searches WHERE name = %s", (name,)) > 0


def at_url(tx: Conn, url: str, guid: str | None = None) -> str | None:
    """The article `articles._INSERT` matches by URL alone (SQLite's)."""
    row = tx.execute(
        "SELECT id FROM articles WHERE url = %s "
        "ORDER BY (guid IS NOT DISTINCT FROM %s) DESC, rev DESC LIMIT 1",
        (url, guid or None),
    ).fetchone()
    return None if row is None else str(row["id"])


def by_link(tx: Conn, feed_id: int, urls: Sequence[str]) -> dict[str, Told]:
    """The articles without a GUID this feed told under these links (link -> its newest
    telling)."""
    wanted = list(dict.fromkeys(u for u in urls if u))
    if not wanted:
        return {}
    found: dict[str, Told] = {}
    for row in tx.execute(
        "SELECT url, id, title, body, told_by FROM articles WHERE url = ANY(%s) "
        "AND guid IS NULL AND told_by = %s ORDER BY rev",
        (wanted, feed_id),
    ).fetchall():
        # The newest last: what the feed last meant by the link (it may have given
        # the link to another report since).
        found[str(row["url"])] = told(row)
    return found


def set_teller(tx: Conn, feed_id: int, article_ids: Sequence[str]) -> None:
    if article_ids:
        tx.execute(
            "UPDATE articles SET told_by = %s WHERE id = ANY(%s) AND told_by IS NULL",
            (feed_id, list(article_ids)),
        )


def removed_tellings(
    conn: Conn, guids: Sequence[str], urls: Sequence[str], feed_id: int | None
) -> set[str]:
    """As SQLite's: GUIDs of removed articles, and links of removed GUID-less items of
    feed `feed_id`."""
    found: set[str] = set()
    wanted = list(dict.fromkeys(g for g in guids if g))
    if wanted:
        rows = conn.execute(
            "SELECT guid FROM removed_articles r WHERE guid = ANY(%s) AND EXISTS (SELECT 1 FROM actions a WHERE a.article_id = r.article_id AND a.kind = 'delete' AND a.undone = 0)",
            (wanted,),
        ).fetchall()
        found.update(str(r["guid"]) for r in rows)
    links = list(dict.fromkeys(u for u in urls if u))
    if feed_id is not None and links:
        rows = conn.execute(
            "SELECT url FROM removed_articles r WHERE url = ANY(%s) AND guid IS NULL "
            "AND told_by = %s AND EXISTS (SELECT 1 FROM actions a WHERE a.article_id = r.article_id AND a.kind = 'delete' AND a.undone = 0)",
            (links, feed_id),
        ).fetchall()
        found.update(str(r["url"]) for r in rows)
    return found
