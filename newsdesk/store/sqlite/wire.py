"""Wire copy in SQLite: its columns, which version of an item is current, urgencies.

Which version wins is decided by `newsdesk.wire.settle` (shared with every
backend); this module reads the versions and writes the outcome, in the
caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from newsdesk.store.sqlite.articles import chunks
from newsdesk.wire import (
    DO_NOT_USE,
    HOLD_MARK,
    KILL_MARK,
    Settled,
    StoredVersion,
    kill_stays,
    settle,
)


def write_wire_columns(
    tx: sqlite3.Connection, article_id: str, columns: Mapping[str, object]
) -> None:
    names = list(columns)
    assignments = ", ".join(f"{name} = ?" for name in names)
    tx.execute(
        f"UPDATE articles SET {assignments} WHERE id = ?",
        [*(columns[n] for n in names), article_id],
    )


def settle_versions(
    tx: sqlite3.Connection, item_id: str, *, stated_star: bool = False
) -> Settled | None:
    """Mark the item's current version, the superseded ones and a kill; carry state over.

    The editor's star, read state, tags and note move to a version that
    replaces the current one (a kill arrives unread whatever was read, so it
    is seen); the star only when the new version's input did not state one (a
    re-imported export: a version unstarred after its star carried over stays so). Returns what `settle` decided, or None when no article has the item id.

    A kill outlives its version (`kill_stays`): the editor deleting the kill notice
    does not release the item's other versions.
    """
    found = tx.execute(
        "SELECT id, wire_version, published_ts, rev, wire_status, superseded, killed "
        "FROM articles WHERE item_id = ?",
        (item_id,),
    ).fetchall()
    if not found:
        return None
    versions = [
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
    settled = kill_stays(settle(versions), max(int(r["killed"]) for r in found))
    tx.execute(
        "UPDATE articles SET superseded = (id != ?), killed = ? WHERE item_id = ?",
        (settled.current, settled.mark, item_id),
    )
    if settled.replaced is not None:
        _carry_state(
            tx, settled.replaced, settled.current, kill=settled.killed, star=not stated_star
        )
    return settled


def release_kill(tx: sqlite3.Connection, article_id: str) -> None:
    """Before an undone import removes `article_id`: were it a kill notice, its item's
    other versions stay killed only by another kill version, stored or deleted (a
    delete in the log, not undone)."""
    row = tx.execute(
        "SELECT item_id, wire_status FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None or row["item_id"] is None or row["wire_status"] not in DO_NOT_USE:
        return
    item = row["item_id"]
    # Another kill keeps them killed; else another hold keeps them withheld.
    tx.execute(
        f"UPDATE articles SET killed = CASE WHEN {_KEPT_BY} THEN {KILL_MARK} "
        f"WHEN {_KEPT_BY} THEN {HOLD_MARK} ELSE 0 END WHERE item_id = ? AND id != ?",
        (
            *(item, article_id, "withdrawn", article_id, item, "withdrawn"),
            *(item, article_id, "withheld", article_id, item, "withheld"),
            *(item, article_id),
        ),
    )


#: Another version of the item (stored, or deleted and not brought back) has a status.
_KEPT_BY = (
    "(EXISTS (SELECT 1 FROM articles k WHERE k.item_id = ? AND k.id != ? "
    "AND k.wire_status = ?) OR EXISTS (SELECT 1 FROM actions a "
    "WHERE a.kind = 'delete' AND a.undone = 0 AND a.article_id != ? "
    "AND json_extract(a.before, '$.article.item_id') = ? "
    "AND json_extract(a.before, '$.article.wire_status') = ?))"
)


def _carry_state(tx: sqlite3.Connection, old: str, new: str, *, kill: bool, star: bool) -> None:
    before = tx.execute("SELECT read, starred, note FROM articles WHERE id = ?", (old,)).fetchone()
    tx.execute(
        "UPDATE articles SET starred = MAX(starred, ?), read = ?, "
        "note = CASE WHEN note = '' THEN ? ELSE note END WHERE id = ?",
        (before["starred"] if star else 0, 0 if kill else before["read"], before["note"], new),
    )
    tx.execute(
        "INSERT OR IGNORE INTO tags (article_id, tag) SELECT ?, tag FROM tags WHERE article_id = ?",
        (new, old),
    )


def resettle_versions(tx: sqlite3.Connection) -> int:
    """Settle every item left without exactly one current version (a delete, an undo)."""
    items = [
        str(r[0])
        for r in tx.execute(
            "SELECT item_id FROM articles WHERE item_id IS NOT NULL "
            "GROUP BY item_id HAVING SUM(superseded = 0) != 1"
        )
    ]
    for item_id in items:
        settle_versions(tx, item_id)
    return len(items)


def urgencies(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT id, urgency FROM articles WHERE id IN ({marks}) AND urgency IS NOT NULL",
            chunk,
        ):
            out[str(row[0])] = int(row[1])
    return out


def current_version(tx: sqlite3.Connection, item_id: str) -> str | None:
    row = tx.execute(
        "SELECT id FROM articles WHERE item_id = ? ORDER BY superseded, rev DESC LIMIT 1",
        (item_id,),
    ).fetchone()
    return None if row is None else str(row[0])


def current_of(tx: sqlite3.Connection, ids: Sequence[str]) -> list[str]:
    """`ids` with each version a newer one has replaced given as its item's current one."""
    current: dict[str, str] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in tx.execute(
            "SELECT a.id, c.id FROM articles a JOIN articles c "
            "ON c.item_id = a.item_id AND c.superseded = 0 "
            f"WHERE a.superseded = 1 AND a.id IN ({marks})",
            chunk,
        ):
            current[str(row[0])] = str(row[1])
    return list(dict.fromkeys(current.get(aid, aid) for aid in ids))
