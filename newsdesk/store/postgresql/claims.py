"""Claims on the shared desk: who has which article (`StoreBackend.claim`, `release`).

A claim inserts first and looks second, in one transaction: the primary key
on `claims.article_id` makes a second editor's insert wait for the first
one's commit and then take nothing, so of two editors claiming at once one
wins and the other is told who has it. Articles are claimed in id order, so
two claims over the same articles cannot deadlock. A claim and a release are
batches of the action log (`actions.log_claims`); `take_back` is their undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from newsdesk.isodates import utc_now_iso
from newsdesk.store.postgresql.connections import changed_rows
from newsdesk.store.protocol import Claim, ClaimOutcome

Conn = psycopg.Connection[dict[str, Any]]
_ME = "current_setting('newsdesk.editor', true)"


def _claim(row: dict[str, Any]) -> Claim:
    return Claim(str(row["article_id"]), str(row["editor"]), str(row["ts"]))


def claims(conn: Conn, ids: Sequence[str] | None) -> dict[str, Claim]:
    if ids is None:
        rows = conn.execute("SELECT article_id, editor, ts FROM claims").fetchall()
    else:
        rows = conn.execute(
            "SELECT article_id, editor, ts FROM claims WHERE article_id = ANY(%s)", (list(ids),)
        ).fetchall()
    return {str(r["article_id"]): _claim(r) for r in rows}


def claim(tx: Conn, ids: Sequence[str]) -> ClaimOutcome:
    """Insert what is free; the caller rolls back when `held` is not empty."""
    wanted = sorted(set(ids))
    done = [
        str(r["article_id"])
        for r in tx.execute(
            "INSERT INTO claims (article_id, editor, ts) "
            f"SELECT a.id, {_ME}, %s FROM articles a WHERE a.id = ANY(%s) ORDER BY a.id "
            "ON CONFLICT (article_id) DO NOTHING RETURNING article_id",
            (utc_now_iso(), wanted),
        ).fetchall()
    ]
    held = [
        _claim(r)
        for r in tx.execute(
            "SELECT article_id, editor, ts FROM claims "
            f"WHERE article_id = ANY(%s) AND editor <> {_ME} ORDER BY article_id",
            (wanted,),
        ).fetchall()
    ]
    return ClaimOutcome(done=[] if held else sorted(done), held=held)


def release(tx: Conn, ids: Sequence[str]) -> ClaimOutcome:
    done = [
        str(r["article_id"])
        for r in tx.execute(
            f"DELETE FROM claims WHERE article_id = ANY(%s) AND editor = {_ME} "
            "RETURNING article_id",
            (list(ids),),
        ).fetchall()
    ]
    held = [
        _claim(r)
        for r in tx.execute(
            "SELECT article_id, editor, ts FROM claims WHERE article_id = ANY(%s) "
            "ORDER BY article_id",
            (list(ids),),
        ).fetchall()
    ]
    return ClaimOutcome(done=sorted(done), held=held)


def take_back(tx: Conn, kind: str, article_id: str, before: Claim | None) -> bool:
    """Undo one row of a claim or release batch, as SQLite's `take_back`: a claim is
    dropped while this editor still holds it; a released claim comes back while
    nobody else has taken the article."""
    if kind == "claim":
        changed = changed_rows(
            tx, f"DELETE FROM claims WHERE article_id = %s AND editor = {_ME}", (article_id,)
        )
    elif before is not None:
        changed = changed_rows(
            tx,
            "INSERT INTO claims (article_id, editor, ts) "
            "SELECT id, %s, %s FROM articles WHERE id = %s "
            "ON CONFLICT (article_id) DO NOTHING",
            (before.editor, before.ts, article_id),
        )
    else:
        return False
    return changed > 0
