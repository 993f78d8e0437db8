"""The editor's marks and the action log behind undo, on PostgreSQL.

As in SQLite, each change to many articles is one transaction and one batch
of the log holding every article's state before and after. The rows are
read `FOR UPDATE`, so two editors changing one article at once queue up and
the second computes its change from the first one's result: no lost update.
Batch numbers come from a sequence (unique across editors without a lock).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

import psycopg

from newsdesk.errors import STEP_CHANGED, STEP_IN_PROGRESS, StepChanged, StepInProgress
from newsdesk.isodates import utc_now_iso
from newsdesk.store.claim_log import CLAIM_KINDS, claim_in, log_rows
from newsdesk.store.marks import changed_marks, tag_change, undone
from newsdesk.store.postgresql import claims, removal, wire
from newsdesk.store.postgresql.articles import read_by_me
from newsdesk.store.postgresql.connections import changed_rows
from newsdesk.store.protocol import (
    KINDS_SEPARATOR,
    ActionRecord,
    Claim,
    StepPreview,
    batch_kind,
    batch_records,
    step_preview,
)
from newsdesk.store.sqlite.actions import cut, state_of_snapshot, undone_in_snapshot

Conn = psycopg.Connection[dict[str, Any]]
#: This connection's editor (set at connect: `connections.Connections`).
ME = "current_setting('newsdesk.editor', true)"


def states(tx: Conn, ids: Sequence[str], *, lock: bool = False) -> dict[str, dict[str, Any]]:
    """Each existing article's marks; with `lock`, its row stays locked until the commit."""
    tags: dict[str, list[str]] = {i: [] for i in ids}
    found: dict[str, dict[str, Any]] = {}
    # Locked in id order, so two batches over the same articles cannot deadlock.
    query = (
        f"SELECT a.id, {read_by_me()} AS read, a.starred, a.archived, a.exported, a.note "
        "FROM articles a WHERE a.id = ANY(%s) ORDER BY a.id" + (" FOR UPDATE OF a" if lock else "")
    )
    rows = tx.execute(query, (list(ids),)).fetchall()
    for row in tx.execute(
        "SELECT article_id, tag FROM tags WHERE article_id = ANY(%s)", (list(ids),)
    ):
        tags[row["article_id"]].append(row["tag"])
    for row in rows:
        found[row["id"]] = {
            "read": bool(row["read"]),
            "starred": bool(row["starred"]),
            "archived": bool(row["archived"]),
            "exported": bool(row["exported"]),
            "note": row["note"],
            "tags": sorted(tags[row["id"]]),
        }
    return found


def write_state(tx: Conn, article_id: str, state: dict[str, Any]) -> None:
    # Read or unread is this editor's own; the rest is the desk's.
    if state["read"]:
        tx.execute(
            f"INSERT INTO reads (article_id, editor) VALUES (%s, {ME}) ON CONFLICT DO NOTHING",
            (article_id,),
        )
    else:
        tx.execute(
            f"DELETE FROM reads WHERE article_id = %s AND editor = {ME}",
            (article_id,),
        )
    tx.execute(
        "UPDATE articles SET starred = %s, archived = %s, exported = %s, note = %s WHERE id = %s",
        (
            int(state["starred"]),
            int(state["archived"]),
            int(state["exported"]),
            state["note"],
            article_id,
        ),
    )
    tx.execute("DELETE FROM tags WHERE article_id = %s", (article_id,))
    with tx.cursor() as cur:
        cur.executemany(
            "INSERT INTO tags (article_id, tag) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            [(article_id, t) for t in state["tags"]],
        )


def apply(
    tx: Conn,
    kind: str,
    ids: Sequence[str],
    change: dict[str, Any],
    *,
    add_tags: Sequence[str],
    remove_tags: Sequence[str],
    log: bool,
    batch: int | None = None,
) -> list[str]:
    """One change to many articles, logged as `batch` (a new one by default)."""
    changed: list[str] = []
    ids = list(dict.fromkeys(ids))
    before_all = states(tx, ids, lock=True)
    ts = utc_now_iso()
    log_rows = []
    for article_id in ids:
        before = before_all.get(article_id)
        if before is None:
            continue
        after = dict(before)
        after.update(change)
        tag_set = set(before["tags"])
        tag_set.update(add_tags)
        tag_set.difference_update(remove_tags)
        after["tags"] = sorted(tag_set)
        if after == before:
            continue
        write_state(tx, article_id, after)
        changed.append(article_id)
        if log:
            log_rows.append((ts, kind, article_id, json.dumps(before), json.dumps(after)))
    if log_rows:
        if batch is None:
            batch = next_batch(tx)
        with tx.cursor() as cur:
            cur.executemany(
                "INSERT INTO actions (batch, ts, kind, article_id, before, after, editor) "
                f"VALUES (%s, %s, %s, %s, %s, %s, {ME})",
                [(batch, *r) for r in log_rows],
            )
    return changed


def next_batch(tx: Conn) -> int:
    row = tx.execute("SELECT nextval('action_batches') AS batch").fetchone()
    assert row is not None
    return int(row["batch"])


def log_import(tx: Conn, ids: Sequence[str], batch: int | None = None) -> int:
    """Record the articles an import created as one batch (`batch`, or a new one, which is
    returned): its undo removes them."""
    if (
        batch is not None
        and tx.execute(
            "SELECT 1 FROM actions WHERE batch = %s AND undone = 1 LIMIT 1", (batch,)
        ).fetchone()
    ):
        batch = None  # undone meanwhile: the rest is a step of its own (as SQLite's)
    batch = next_batch(tx) if batch is None else batch
    ts = utc_now_iso()
    with tx.cursor() as cur:
        cur.executemany(
            "INSERT INTO actions (batch, ts, kind, article_id, before, after, editor) "
            f"VALUES (%s, %s, 'import', %s, 'null', 'null', {ME})",
            [(batch, ts, aid) for aid in dict.fromkeys(ids)],
        )
    return batch


def log_claims(tx: Conn, kind: str, changed: Sequence[Claim]) -> None:
    """Record what a claim took or a release let go as one batch (none when nothing)."""
    if not changed:
        return
    batch = next_batch(tx)
    ts = utc_now_iso()
    with tx.cursor() as cur:
        cur.executemany(
            "INSERT INTO actions (batch, ts, kind, article_id, before, after, editor) "
            f"VALUES (%s, %s, %s, %s, %s, %s, {ME})",
            [(batch, ts, kind, *row) for row in log_rows(kind, changed)],
        )


def delete(tx: Conn, ids: Sequence[str]) -> list[str]:
    batch = next_batch(tx)
    removed = removal.delete(tx, ids, batch, utc_now_iso())
    tx.execute(f"UPDATE actions SET editor = {ME} WHERE batch = %s", (batch,))
    return removed


def undo(
    tx: Conn,
    mine: tuple[str, int] | None = None,
    held: Collection[int] = (),
    expect: int | None = None,
) -> ActionRecord | None:
    """As SQLite's: this editor's newest batch (rows from before editors count as
    anyone's; with `mine`, only that session's or older), marks merged with later
    changes by others, an import's articles removed, a delete's restored, a claim or
    release taken back. `expect`: as SQLite's (`StepChanged` when the newest is another)."""
    row = None
    for _ in range(3):
        batch = _newest_open(tx, mine)
        if expect is not None and batch != expect:
            raise StepChanged(STEP_CHANGED)
        if batch is None:
            return None
        # Locked, then read again: a second undo by the same editor that waited
        # here finds the batch undone and looks for the next one.
        row = tx.execute(
            "SELECT kind, ts, editor FROM actions WHERE batch = %s AND undone = 0 "
            "LIMIT 1 FOR UPDATE",
            (batch,),
        ).fetchone()
        if row is not None:
            break
    if row is None or batch is None:
        return None
    if batch in held:
        raise StepInProgress(STEP_IN_PROGRESS)
    # In the order they were logged (rule order): DISTINCT gave them sorted, and a desk
    # moved between backends named one step two ways.
    kinds = tx.execute(
        "SELECT kind FROM actions WHERE batch = %s GROUP BY kind ORDER BY MIN(id)", (batch,)
    ).fetchall()
    kind = batch_kind(KINDS_SEPARATOR.join(str(k["kind"]) for k in kinds))
    record = ActionRecord(
        batch=batch, kind=kind, article_ids=[], ts=row["ts"], editor=row["editor"]
    )
    acts = tx.execute(
        "SELECT article_id, before, after FROM actions WHERE batch = %s ORDER BY id DESC",
        (batch,),
    ).fetchall()
    present = states(tx, [str(a["article_id"]) for a in acts], lock=True)
    ids = [str(a["article_id"]) for a in acts]
    record.articles = len(set(ids))  # as `undo_step` counts them
    kept = _worked_on_since(tx, ids, batch, mine) if kind == "import" else set()
    since = (
        _marks_changed_since(tx, ids, batch, mine)
        if kind not in ("import", "delete") and kind not in CLAIM_KINDS
        else {}
    )
    for act in acts:
        aid = str(act["article_id"])
        if kind == "import":
            if aid in kept:
                continue  # another editor has worked on it since: it stays theirs
            if aid in present:
                # The kill this import brought goes with it (a deleted one stays: `kill_stays`).
                wire.release_kill(tx, aid)
            if aid in present and removal.remove(tx, aid):
                record.removed.append(aid)
                record.article_ids.append(aid)
        elif kind == "delete":
            snap = json.loads(act["before"])
            if aid in present:
                write_state(tx, aid, state_of_snapshot(snap))
            else:
                removal.restore(tx, snap)
                record.restored.append(aid)
            record.article_ids.append(aid)
        elif kind in CLAIM_KINDS:
            if claims.take_back(tx, kind, aid, claim_in(aid, act["before"])):
                record.article_ids.append(aid)
        elif aid in present:
            # Locked above; a later change by another editor to these marks stays.
            # One batch may hold several rows for an article (rules applied together):
            # each row is taken back from what the later ones left.
            before, after = json.loads(act["before"]), json.loads(act["after"])
            taken_back = undone(before, after, present[aid], since.get(aid, frozenset()))
            if taken_back == present[aid]:
                continue  # another editor's later value stays: nothing changed here
            present[aid] = taken_back
            write_state(tx, aid, present[aid])
            if aid not in record.article_ids:
                record.article_ids.append(aid)
        else:
            _take_back_in_deleted(tx, record, aid, act, since.get(aid, frozenset()))
    tx.execute("UPDATE actions SET undone = 1 WHERE batch = %s", (batch,))
    return record


def _take_back_in_deleted(
    tx: Conn, record: ActionRecord, aid: str, act: dict[str, Any], since: frozenset[str]
) -> None:
    """As SQLite's: a marks step on an article deleted since, taken back in the snapshot
    the delete kept (locked, so a concurrent undo of that delete waits for it)."""
    found = tx.execute(
        "SELECT id, before FROM actions WHERE article_id = %s AND kind = 'delete' "
        "AND undone = 0 AND batch > %s ORDER BY batch DESC LIMIT 1 FOR UPDATE",
        (aid, record.batch),
    ).fetchone()
    if found is None:
        return
    snap = undone_in_snapshot(
        json.loads(found["before"]), json.loads(act["before"]), json.loads(act["after"]), since
    )
    if snap is not None:
        tx.execute("UPDATE actions SET before = %s WHERE id = %s", (json.dumps(snap), found["id"]))
        if aid not in record.in_deleted:
            record.in_deleted.append(aid)


def _own_steps(mine: tuple[str, int] | None) -> tuple[str, tuple[str | int, ...]]:
    """As SQLite's `own_steps`: a session's own log rows, or those from before it began."""
    if mine is None:
        return "", ()
    return "AND (session = %s OR batch <= %s)", mine


def _others(mine: tuple[str, int] | None) -> tuple[str, tuple[str | int, ...]]:
    """As SQLite's: another editor's later row, or (with `mine`) another session's."""
    if mine is None:
        return f"editor != {ME}", ()
    return f"(editor != {ME} OR NOT (session = %s OR batch <= %s))", mine


def _marks_changed_since(
    tx: Conn, ids: list[str], batch: int, mine: tuple[str, int] | None = None
) -> dict[str, frozenset[str]]:
    """As SQLite's: per article, the marks other editors' later open steps changed (each
    editor's read flag is their own here)."""
    others, others_args = _others(mine)
    rows: dict[str, list[tuple[str, str]]] = {}
    for row in tx.execute(
        f"SELECT article_id, before, after FROM actions WHERE batch > %s AND undone = 0 "
        f"AND {others} AND article_id = ANY(%s)",
        (batch, *others_args, list(dict.fromkeys(ids))),
    ).fetchall():
        rows.setdefault(str(row["article_id"]), []).append((str(row["before"]), str(row["after"])))
    return {aid: changed_marks(found, shared_read=False) for aid, found in rows.items()}


def _worked_on_since(
    tx: Conn, ids: list[str], batch: int, mine: tuple[str, int] | None = None
) -> set[str]:
    """As SQLite's: an import's articles another editor has acted on since, or claims."""
    if not ids:
        return set()
    others, others_args = _others(mine)
    rows = tx.execute(
        f"SELECT DISTINCT article_id FROM actions WHERE batch > %s AND undone = 0 "
        f"AND {others} AND article_id = ANY(%s) "
        f"UNION SELECT article_id FROM claims WHERE editor != {ME} AND article_id = ANY(%s)",
        (batch, *others_args, ids, ids),
    ).fetchall()
    return {str(r["article_id"]) for r in rows}


def _newest_open(tx: Conn, mine: tuple[str, int] | None = None) -> int | None:
    """This editor's newest batch not undone (or a batch from before editors).

    One index seek per name on the open rows (m011); `IN (me, '') ORDER BY`
    read every open row of both.
    """
    own, own_args = _own_steps(mine)
    found = []
    for name in (ME, "''"):
        row = tx.execute(
            f"SELECT MAX(batch) AS batch FROM actions WHERE undone = 0 AND editor = {name} {own}",
            own_args,
        ).fetchone()
        if row is not None and row["batch"] is not None:
            found.append(int(row["batch"]))
    return max(found) if found else None


def undo_step(conn: Conn, mine: tuple[str, int] | None = None) -> StepPreview | None:
    """As SQLite's: the step `undo` would take back now, read only."""
    batch = _newest_open(conn, mine)
    if batch is None:
        return None
    rows = conn.execute(
        "SELECT kind, MIN(ts) AS ts, MIN(editor) AS editor FROM actions WHERE batch = %s "
        "GROUP BY kind ORDER BY MIN(id)",
        (batch,),
    ).fetchall()
    ids = [
        str(r["article_id"])
        for r in conn.execute(
            "SELECT DISTINCT article_id FROM actions WHERE batch = %s", (batch,)
        ).fetchall()
    ]
    preview = step_preview(batch, rows, len(ids))
    if preview.kind != "import":
        return preview
    # Counted as `undo` decides (see SQLite's).
    present = set(states(conn, ids))
    kept = _worked_on_since(conn, ids, batch, mine) & present
    return replace(preview, stays=len(kept), gone=len(set(ids) - present))


def editors_after(conn: Conn, batch: int) -> set[str]:
    """Who logged a step after `batch` not undone since on one of its articles (every
    such step, not the newest few; a step on other articles is none of its undo's
    business). The step's rows, then each one's later rows: both walk an index."""
    found = conn.execute(
        """SELECT DISTINCT later.editor FROM actions AS step
           JOIN actions AS later ON later.article_id = step.article_id
                AND later.batch > step.batch AND later.undone = 0
           WHERE step.batch = %s""",
        (batch,),
    ).fetchall()
    return {str(r["editor"] or "") for r in found}


def history(conn: Conn, limit: int, editor: str | None = None) -> list[ActionRecord]:
    where, params = ("AND editor = %s", [editor]) if editor is not None else ("", [])
    # The newest open batches first (an index walk on m011's open rows), then only
    # their rows are grouped: grouping the whole log grew with its size.
    return batch_records(
        conn.execute(
            f"""SELECT batch, (SELECT string_agg(k, chr(31) ORDER BY first)
                               FROM (SELECT kind AS k, MIN(same.id) AS first FROM actions AS same
                                     WHERE same.batch = actions.batch GROUP BY kind) AS kinds
                              ) AS kind, MIN(ts) AS ts,
                       MIN(editor) AS editor,
                       string_agg(article_id, ',' ORDER BY id) AS ids
                FROM actions WHERE batch IN (
                    SELECT DISTINCT batch FROM actions WHERE undone = 0 {where}
                    ORDER BY batch DESC LIMIT %s)
                GROUP BY batch ORDER BY batch DESC""",
            (*params, limit),
        )
    )


def prune(tx: Conn, older_than: str, max_rows: int | None = None) -> int:
    """As SQLite's: the batches below the first one written since `older_than` go."""
    if max_rows is None:
        row = tx.execute(
            "SELECT batch FROM actions WHERE ts >= %s ORDER BY batch LIMIT 1", (older_than,)
        ).fetchone()
        if row is None:
            return changed_rows(tx, "DELETE FROM actions")
        first_kept = int(row["batch"])
    else:
        walk = [
            (r["batch"], r["ts"])
            for r in tx.execute(
                "SELECT batch, ts FROM actions ORDER BY batch LIMIT %s", (max_rows + 1,)
            )
        ]
        first_kept = cut(walk, older_than, whole=len(walk) <= max_rows)
    return changed_rows(tx, "DELETE FROM actions WHERE batch < %s", (first_kept,))


def article_log(conn: Conn, article_id: str, limit: int) -> list[ActionRecord]:
    rows = conn.execute(
        """SELECT batch, kind, ts, editor, article_id AS ids, before, after FROM actions
           WHERE article_id = %s AND undone = 0 ORDER BY batch DESC LIMIT %s""",
        (article_id, limit),
    ).fetchall()
    records = batch_records(rows)
    for record, row in zip(records, rows, strict=True):
        record.tags_added, record.tags_removed = tag_change(row["before"], row["after"])
    return records
