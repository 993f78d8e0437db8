"""Claims in SQLite: who has which article (`StoreBackend.claim`, `release`, `claims`).

A claim runs inside one BEGIN IMMEDIATE transaction, so two processes
claiming at once are serialised by the database: the second sees the first's
claim and takes nothing. A claim and a release are batches of the action log
(written by `actions.log_claims`); `take_back` is their undo.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from newsdesk.isodates import utc_now_iso
from newsdesk.store.protocol import Claim, ClaimOutcome
from newsdesk.store.sqlite.articles import chunks


def claims(conn: sqlite3.Connection, ids: Sequence[str] | None) -> dict[str, Claim]:
    if ids is None:
        rows = conn.execute("SELECT article_id, editor, ts FROM claims").fetchall()
    else:
        rows = []
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            rows += conn.execute(
                f"SELECT article_id, editor, ts FROM claims WHERE article_id IN ({marks})", chunk
            ).fetchall()
    return {str(r[0]): Claim(str(r[0]), str(r[1]), str(r[2])) for r in rows}


def claim(tx: sqlite3.Connection, ids: Sequence[str], editor: str) -> ClaimOutcome:
    """Take every article not yet held, or none when another editor holds one."""
    wanted = sorted(set(ids))
    existing: list[str] = []
    for chunk in chunks(wanted):
        marks = ",".join("?" * len(chunk))
        existing += [
            str(r[0]) for r in tx.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
        ]
    held = [c for c in claims(tx, existing).values() if c.editor != editor]
    if held:
        return ClaimOutcome(held=sorted(held, key=lambda c: c.article_id))
    ts = utc_now_iso()
    done = []
    for aid in existing:
        cur = tx.execute(
            "INSERT INTO claims (article_id, editor, ts) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO NOTHING",
            (aid, editor, ts),
        )
        if cur.rowcount:
            done.append(aid)
    return ClaimOutcome(done=done)


def release(tx: sqlite3.Connection, ids: Sequence[str], editor: str) -> ClaimOutcome:
    found = claims(tx, ids)
    mine = [aid for aid, c in found.items() if c.editor == editor]
    for aid in mine:
        tx.execute("DELETE FROM claims WHERE article_id = ? AND editor = ?", (aid, editor))
    held = [c for c in found.values() if c.editor != editor]
    return ClaimOutcome(done=sorted(mine), held=sorted(held, key=lambda c: c.article_id))


def take_back(
    tx: sqlite3.Connection, kind: str, article_id: str, before: Claim | None, editor: str
) -> bool:
    """Undo one row of a claim or release batch, only where it still reads as the
    batch left it: a claim is dropped while this editor still holds it; a released
    claim comes back while nobody else has taken the article."""
    if kind == "claim":
        cur = tx.execute(
            "DELETE FROM claims WHERE article_id = ? AND editor = ?", (article_id, editor)
        )
    elif before is not None:
        cur = tx.execute(
            "INSERT INTO claims (article_id, editor, ts) "
            "SELECT id, ?, ? FROM articles WHERE id = ? "
            "ON CONFLICT(article_id) DO NOTHING",
            (before.editor, before.ts, article_id),
        )
    else:
        return False
    return cur.rowcount > 0
