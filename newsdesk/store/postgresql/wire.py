"""Wire copy in PostgreSQL: its columns, which version of an item is current, urgencies.

The same meaning as `store/sqlite/wire.py`; which version wins is decided
by `newsdesk.wire.settle`, shared by every backend.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from psycopg import sql

from newsdesk.store.postgresql.articles import Conn
from newsdesk.wire import (
    DO_NOT_USE,
    HOLD_MARK,
    KILL_MARK,
    Settled,
    StoredVersion,
    kill_stays,
    settle,
)


def write_wire_columns(tx: Conn, article_id: str, columns: Mapping[str, object]) -> None:
    names = list(columns)
    assignments = sql.SQL(", ").join(
        sql.SQL("{} = %s").format(sql.Identifier(name)) for name in names
    )
    tx.execute(
        sql.SQL("UPDATE articles SET {} WHERE id = %s").format(assignments),
        [*(columns[n] for n in names), article_id],
    )


def settle_versions(tx: Conn, item_id: str, *, stated_star: bool = False) -> Settled | None:
    """See `store/sqlite/wire.settle_versions`: the same, in PostgreSQL."""
    found = tx.execute(
        "SELECT id, wire_version, published_ts, rev, wire_status, superseded, killed "
        "FROM articles WHERE item_id = %s FOR UPDATE",
        (item_id,),
    ).fetchall()
    if not found:
        return None
    settled = settle(
        [
            StoredVersion(
                article_id=str(r["id"]),
                version=r["wire_version"],
                published_ts=r["published_ts"],
                rev=int(r["rev"]),
                status=r["wire_status"],
                superseded=bool(r["superseded"]),
            )
            for r in found
        ]
    )
    settled = kill_stays(settled, max(int(r["killed"]) for r in found))
    tx.execute(
        "UPDATE articles SET superseded = CASE WHEN id = %s THEN 0 ELSE 1 END, killed = %s "
        "WHERE item_id = %s",
        (settled.current, settled.mark, item_id),
    )
    if settled.replaced is not None:
        old = settled.replaced
        tx.execute(
            # A star the new version's input stated is kept as stated.
            "UPDATE articles n SET starred = CASE WHEN %s THEN n.starred "
            "ELSE GREATEST(n.starred, o.starred) END, "
            # A kill arrives unread whatever was read, so it is seen.
            "read = CASE WHEN %s THEN 0 ELSE o.read END, "
            "note = CASE WHEN n.note = '' THEN o.note ELSE n.note END "
            "FROM articles o WHERE n.id = %s AND o.id = %s",
            (stated_star, settled.killed, settled.current, old),
        )
        tx.execute(
            "INSERT INTO tags (article_id, tag) SELECT %s, tag FROM tags WHERE article_id = %s "
            "ON CONFLICT DO NOTHING",
            (settled.current, old),
        )
        # Read state is per editor here (`reads`): each editor's carries over, a kill clears all.
        if settled.killed:
            tx.execute("DELETE FROM reads WHERE article_id = %s", (settled.current,))
        else:
            tx.execute(
                "INSERT INTO reads (article_id, editor) SELECT %s, editor FROM reads "
                "WHERE article_id = %s ON CONFLICT DO NOTHING",
                (settled.current, old),
            )
    return settled


def release_kill(tx: Conn, article_id: str) -> None:
    """See `store/sqlite/wire.release_kill`: the same, in PostgreSQL."""
    row = tx.execute(
        "SELECT item_id, wire_status FROM articles WHERE id = %s", (article_id,)
    ).fetchone()
    if row is None or row["item_id"] is None or row["wire_status"] not in DO_NOT_USE:
        return
    item = row["item_id"]
    # Another kill keeps them killed; else another hold keeps them withheld.
    tx.execute(
        f"UPDATE articles SET killed = CASE WHEN {_KEPT_BY} THEN {KILL_MARK} "
        f"WHEN {_KEPT_BY} THEN {HOLD_MARK} ELSE 0 END WHERE item_id = %s AND id <> %s",
        (
            *(item, article_id, "withdrawn", article_id, item, "withdrawn"),
            *(item, article_id, "withheld", article_id, item, "withheld"),
            *(item, article_id),
        ),
    )


#: Another version of the item (stored, or deleted and not brought back) has a status.
_KEPT_BY = (
    "(EXISTS (SELECT 1 FROM articles k WHERE k.item_id = %s AND k.id <> %s "
    "AND k.wire_status = %s) OR EXISTS (SELECT 1 FROM actions a WHERE a.kind = 'delete' "
    "AND a.undone = 0 AND a.article_id <> %s "
    "AND a.before::jsonb -> 'article' ->> 'item_id' = %s "
    "AND a.before::jsonb -> 'article' ->> 'wire_status' = %s))"
)


def resettle_versions(tx: Conn) -> int:
    """See `store/sqlite/wire.resettle_versions`."""
    items = [
        str(r["item_id"])
        for r in tx.execute(
            "SELECT item_id FROM articles WHERE item_id IS NOT NULL "
            "GROUP BY item_id HAVING SUM(CASE WHEN superseded = 0 THEN 1 ELSE 0 END) <> 1"
        ).fetchall()
    ]
    for item_id in items:
        settle_versions(tx, item_id)
    return len(items)


def urgencies(conn: Conn, ids: Sequence[str]) -> dict[str, int]:
    rows = conn.execute(
        "SELECT id, urgency FROM articles WHERE id = ANY(%s) AND urgency IS NOT NULL",
        (list(ids),),
    ).fetchall()
    return {str(r["id"]): int(r["urgency"]) for r in rows}


def current_version(tx: Conn, item_id: str) -> str | None:
    row = tx.execute(
        "SELECT id FROM articles WHERE item_id = %s ORDER BY superseded, rev DESC LIMIT 1",
        (item_id,),
    ).fetchone()
    return None if row is None else str(row["id"])


def current_of(tx: Conn, ids: Sequence[str]) -> list[str]:
    """See `store/sqlite/wire.current_of`: the same, in PostgreSQL."""
    rows = tx.execute(
        "SELECT a.id AS old, c.id AS new FROM articles a JOIN articles c "
        "ON c.item_id = a.item_id AND c.superseded = 0 "
        "WHERE a.superseded = 1 AND a.id = ANY(%s)",
        (list(ids),),
    ).fetchall()
    current = {str(r["old"]): str(r["new"]) for r in rows}
    return list(dict.fromkeys(current.get(aid, aid) for aid in ids))
