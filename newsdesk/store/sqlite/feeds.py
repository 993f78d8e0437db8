"""Feed subscriptions in SQLite: the `feeds` row with its fetch state, and `feed_items` links."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from newsdesk.feeds.subscription import Subscription
from newsdesk.isodates import utc_now_iso
from newsdesk.store.feed_tellings import Told
from newsdesk.store.sqlite.articles import chunks, told

_STATE_COLUMNS = (
    "name",
    "url",
    "title",
    "tags",
    "every_s",
    "full_text",
    "paused",
    "etag",
    "last_modified",
    "last_fetched",
    "last_success",
    "last_error",
    "last_status",
    "failures",
    "next_due_ts",
    "retry_until_ts",
    "auto_name",
)


def _values(sub: Subscription) -> list[object]:
    values: list[object] = []
    for column in _STATE_COLUMNS:
        value = getattr(sub, column)
        if column == "tags":
            value = ",".join(sub.tags)
        elif isinstance(value, bool):
            value = int(value)
        values.append(value)
    return values


def _from_row(row: sqlite3.Row) -> Subscription:
    return Subscription(
        id=int(row["id"]),
        name=row["name"],
        url=row["url"],
        title=row["title"],
        tags=[t for t in str(row["tags"] or "").split(",") if t],
        every_s=int(row["every_s"]),
        full_text=bool(row["full_text"]),
        paused=bool(row["paused"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_fetched=row["last_fetched"],
        last_success=row["last_success"],
        last_error=row["last_error"],
        last_status=row["last_status"],
        failures=int(row["failures"]),
        next_due_ts=float(row["next_due_ts"]),
        retry_until_ts=float(row["retry_until_ts"]),
        auto_name=bool(row["auto_name"]),
        added_at=row["added_at"],
        items=int(row["items"]),
        unread=int(row["unread"]),
    )


def feeds(conn: sqlite3.Connection) -> list[Subscription]:
    rows = conn.execute(
        """SELECT f.*,
               (SELECT COUNT(*) FROM feed_items fi WHERE fi.feed_id = f.id) AS items,
               (SELECT COUNT(*) FROM feed_items fi JOIN articles a ON a.id = fi.article_id
                 WHERE fi.feed_id = f.id AND a.read = 0 AND a.archived = 0) AS unread
           FROM feeds f ORDER BY f.name"""
    ).fetchall()
    return [_from_row(r) for r in rows]


def feed(conn: sqlite3.Connection, feed_id: int) -> Subscription | None:
    row = conn.execute(
        "SELECT f.*, 0 AS items, 0 AS unread FROM feeds f WHERE f.id = ?", (feed_id,)
    ).fetchone()
    return _from_row(row) if row is not None else None


def add_feed(tx: sqlite3.Connection, sub: Subscription) -> int:
    marks = ",".join("?" * (len(_STATE_COLUMNS) + 1))
    cursor = tx.execute(
        f"INSERT INTO feeds ({', '.join(_STATE_COLUMNS)}, added_at) VALUES ({marks})",
        [*_values(sub), sub.added_at or utc_now_iso()],
    )
    return int(cursor.lastrowid or 0)


def save_feed(tx: sqlite3.Connection, sub: Subscription) -> None:
    assignments = ", ".join(f"{c} = ?" for c in _STATE_COLUMNS)
    tx.execute(f"UPDATE feeds SET {assignments} WHERE id = ?", [*_values(sub), sub.id])


def remove_feed(tx: sqlite3.Connection, feed_id: int) -> bool:
    tx.execute("DELETE FROM feed_items WHERE feed_id = ?", (feed_id,))
    return tx.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)).rowcount > 0


def link_feed_items(tx: sqlite3.Connection, feed_id: int, article_ids: Sequence[str]) -> None:
    tx.executemany(
        "INSERT OR IGNORE INTO feed_items (feed_id, article_id) VALUES (?, ?)",
        [(feed_id, aid) for aid in article_ids],
    )


def known_links(conn: sqlite3.Connection, keys: Sequence[str]) -> set[str]:
    """Which of these GUIDs or URLs an article already has (full text skips their pages)."""
    found: set[str] = set()
    for part in chunks(list(dict.fromkeys(k for k in keys if k))):
        marks = ",".join("?" * len(part))
        for row in conn.execute(
            f"SELECT guid, url FROM articles WHERE guid IN ({marks}) OR url IN ({marks})",
            [*part, *part],
        ):
            found.update(v for v in (row["guid"], row["url"]) if v)
    return found & set(keys)


def at_url(tx: sqlite3.Connection, url: str, guid: str | None = None) -> str | None:
    """The article `articles.find_duplicate` matches by URL alone."""
    row = tx.execute(
        "SELECT id FROM articles WHERE url = ? ORDER BY guid IS ? DESC, rev DESC LIMIT 1",
        (url, guid or None),
    ).fetchone()
    return None if row is None else str(row[0])


def by_link(tx: sqlite3.Connection, feed_id: int, urls: Sequence[str]) -> dict[str, Told]:
    """The articles without a GUID this feed told under these links (link -> its newest
    telling)."""
    found: dict[str, Told] = {}
    for part in chunks(list(dict.fromkeys(u for u in urls if u))):
        marks = ",".join("?" * len(part))
        for row in tx.execute(
            f"SELECT url, id, title, body, told_by FROM articles WHERE url IN ({marks}) "
            "AND guid IS NULL AND told_by = ? ORDER BY rev",
            [*part, feed_id],
        ):
            # The newest last: what the feed last meant by the link (it may have given
            # the link to another report since).
            found[str(row["url"])] = told(row)
    return found


def set_teller(tx: sqlite3.Connection, feed_id: int, article_ids: Sequence[str]) -> None:
    tx.executemany(
        "UPDATE articles SET told_by = ? WHERE id = ? AND told_by IS NULL",
        [(feed_id, aid) for aid in article_ids],
    )


def removed_tellings(
    conn: sqlite3.Connection, guids: Sequence[str], urls: Sequence[str], feed_id: int | None
) -> set[str]:
    """The GUIDs of removed articles among `guids`, and the links among `urls` of removed
    articles without a GUID that feed `feed_id` told."""
    found: set[str] = set()
    for part in chunks(list(dict.fromkeys(g for g in guids if g))):
        marks = ",".join("?" * len(part))
        found.update(
            str(r[0])
            for r in conn.execute(
                f"SELECT guid FROM removed_articles r WHERE guid IN ({marks}) AND EXISTS (SELECT 1 FROM actions a WHERE a.article_id = r.article_id AND a.kind = 'delete' AND a.undone = 0)",
                part,
            )
        )
    if feed_id is None:
        return found
    for part in chunks(list(dict.fromkeys(u for u in urls if u))):
        marks = ",".join("?" * len(part))
        found.update(
            str(r[0])
            for r in conn.execute(
                f"SELECT url FROM removed_articles r WHERE url IN ({marks}) "
                "AND guid IS NULL AND told_by = ? AND EXISTS (SELECT 1 FROM actions a WHERE a.article_id = r.article_id AND a.kind = 'delete' AND a.undone = 0)",
                [*part, feed_id],
            )
        )
    return found
