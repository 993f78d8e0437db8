"""The editor's marks (read, starred, archived, exported, note, tags) and the action log behind undo.

Each change to many articles is one transaction and one batch of the log,
holding every article's state before and after, so one undo restores the
whole batch and survives restarts. An import is one batch too (kind
`import`: the articles it created) and so is a delete (kind `delete`: each
article's whole snapshot, see `removal`), a claim and a release (the claim
before and after, see `newsdesk.store.claim_log`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from newsdesk.errors import STEP_CHANGED, STEP_IN_PROGRESS, StepChanged, StepInProgress
from newsdesk.isodates import utc_now_iso
from newsdesk.store.claim_log import CLAIM_KINDS, claim_in, log_rows
from newsdesk.store.marks import changed_marks, tag_change, undone
from newsdesk.store.protocol import (
    KINDS_SEPARATOR,
    ActionRecord,
    Claim,
    StepPreview,
    batch_kind,
    batch_records,
    step_preview,
)
from newsdesk.store.sqlite import claims, removal, wire
from newsdesk.store.sqlite.articles import chunks


def _state_dict(row: sqlite3.Row, tags: list[str]) -> dict[str, Any]:
    return {
        "read": bool(row["read"]),
        "starred": bool(row["starred"]),
        "archived": bool(row["archived"]),
        "exported": bool(row["exported"]),
        "note": row["note"],
        "tags": sorted(tags),
    }


def states(tx: sqlite3.Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    tags: dict[str, list[str]] = {i: [] for i in ids}
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in tx.execute(
            f"SELECT article_id, tag FROM tags WHERE article_id IN ({marks})", chunk
        ):
            tags[row[0]].append(row[1])
        for row in tx.execute(
            f"SELECT id, read, starred, archived, exported, note FROM articles "
            f"WHERE id IN ({marks})",
            chunk,
        ):
            found[row["id"]] = _state_dict(row, tags[row["id"]])
    return found


def write_state(tx: sqlite3.Connection, article_id: str, state: dict[str, Any]) -> None:
    tx.execute(
        "UPDATE articles SET read = ?, starred = ?, archived = ?, exported = ?, note = ? "
        "WHERE id = ?",
        (
            int(state["read"]),
            int(state["starred"]),
            int(state["archived"]),
            int(state["exported"]),
            state["note"],
            article_id,
        ),
    )
    tx.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
    tx.executemany(
        "INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?, ?)",
        [(article_id, t) for t in state["tags"]],
    )


def apply(
    tx: sqlite3.Connection,
    kind: str,
    ids: Sequence[str],
    change: dict[str, Any],
    *,
    add_tags: Sequence[str],
    remove_tags: Sequence[str],
    log: bool,
    editor: str = "",
    batch: int | None = None,
) -> list[str]:
    """One change to many articles, logged as `batch` (a new one by default)."""
    changed: list[str] = []
    ids = list(dict.fromkeys(ids))
    before_all = states(tx, ids)
    if batch is None:
        batch = next_batch(tx)
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
            log_rows.append(
                (batch, ts, kind, article_id, json.dumps(before), json.dumps(after), editor)
            )
    tx.executemany(
        "INSERT INTO actions (batch, ts, kind, article_id, before, after, editor, session) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, newsdesk_session())",
        log_rows,
    )
    return changed


def log_import(
    tx: sqlite3.Connection, ids: Sequence[str], editor: str = "", batch: int | None = None
) -> int:
    """Record the articles an import created as one batch (`batch`, or a new one, which is
    returned): its undo removes them. When `batch` was undone meanwhile (`newsdesk undo`
    from a shell while the import ran), the rest is a new batch, its own step: added to
    the undone one, it stood in the log as not undone and no `undo` could reach it."""
    if (
        batch is not None
        and tx.execute(
            "SELECT 1 FROM actions WHERE batch = ? AND undone = 1 LIMIT 1", (batch,)
        ).fetchone()
    ):
        batch = None
    batch = next_batch(tx) if batch is None else batch
    ts = utc_now_iso()
    tx.executemany(
        "INSERT INTO actions (batch, ts, kind, article_id, before, after, editor, session) "
        "VALUES (?, ?, 'import', ?, 'null', 'null', ?, newsdesk_session())",
        [(batch, ts, aid, editor) for aid in dict.fromkeys(ids)],
    )
    return batch


def log_claims(
    tx: sqlite3.Connection, kind: str, changed: Sequence[Claim], editor: str = ""
) -> None:
    """Record what a claim took or a release let go as one batch (none when nothing)."""
    if not changed:
        return
    batch = next_batch(tx)
    ts = utc_now_iso()
    tx.executemany(
        "INSERT INTO actions (batch, ts, kind, article_id, before, after, editor, session) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, newsdesk_session())",
        [(batch, ts, kind, *row, editor) for row in log_rows(kind, changed)],
    )


def delete(tx: sqlite3.Connection, ids: Sequence[str], editor: str = "") -> list[str]:
    batch = next_batch(tx)
    removed = removal.delete(tx, ids, batch, utc_now_iso())
    tx.execute("UPDATE actions SET editor = ? WHERE batch = ?", (editor, batch))
    return removed


def _take_back_in_deleted(
    tx: sqlite3.Connection,
    record: ActionRecord,
    aid: str,
    act: sqlite3.Row,
    since: frozenset[str],
) -> None:
    """A marks step on an article deleted since: taken back in the delete's snapshot."""
    found = tx.execute(
        "SELECT id, before FROM actions WHERE article_id = ? AND kind = 'delete' "
        "AND undone = 0 AND batch > ? ORDER BY batch DESC LIMIT 1",
        (aid, record.batch),
    ).fetchone()
    if found is None:
        return
    snap = undone_in_snapshot(json.loads(found[1]), json.loads(act[1]), json.loads(act[2]), since)
    if snap is not None:
        tx.execute("UPDATE actions SET before = ? WHERE id = ?", (json.dumps(snap), found[0]))
        if aid not in record.in_deleted:
            record.in_deleted.append(aid)


def undone_in_snapshot(
    snap: dict[str, Any], before: dict[str, Any], after: dict[str, Any], since: frozenset[str]
) -> dict[str, Any] | None:
    """A delete's snapshot with one marks step (`before` -> `after`) taken back, as undo
    takes it back from a live article (`marks.undone`); None when nothing changes. The
    article another editor deleted comes back, if they undo the delete, without it
    (undo had skipped it, and the restored article still showed the change)."""
    marks = state_of_snapshot(snap)
    back = undone(before, after, marks, since)
    if back == marks:
        return None
    article = dict(snap["article"])
    for name in ("read", "starred", "archived", "exported"):
        article[name] = int(bool(back[name]))
    article["note"] = back["note"]
    return {**snap, "article": article, "tags": sorted(back["tags"])}


def state_of_snapshot(snap: dict[str, Any]) -> dict[str, Any]:
    """The editor's marks kept in a delete's snapshot, as `write_state` takes them."""
    article = snap["article"]
    return {
        "read": bool(article["read"]),
        "starred": bool(article["starred"]),
        "archived": bool(article["archived"]),
        "exported": bool(article["exported"]),
        "note": article["note"],
        "tags": sorted(snap.get("tags", [])),
    }


def next_batch(tx: sqlite3.Connection) -> int:
    row = tx.execute("SELECT COALESCE(MAX(batch), 0) + 1 FROM actions").fetchone()
    return int(row[0])


def undo(
    tx: sqlite3.Connection,
    editor: str = "",
    mine: tuple[str, int] | None = None,
    held: Collection[int] = (),
    expect: int | None = None,
) -> ActionRecord | None:
    """Undo `editor`'s newest batch not yet undone (rows from before editors were
    recorded count as anyone's): marks back, field by field and only where they still
    read as the batch left them (`marks.undone`); an import's articles removed; a
    delete's articles restored whole; a claim or release taken back (`claims.take_back`).
    `mine` (session, the newest batch before it): only that session's batches or older.
    `held`: batches still being written (a running import); `StepInProgress` if one is
    the newest. `expect`: the batch the editor was asked about; `StepChanged` (nothing
    undone) when the newest is another now."""
    batch = _newest_open(tx, editor, mine)
    if expect is not None and batch != expect:
        raise StepChanged(STEP_CHANGED)
    if batch is None:
        return None
    if batch in held:
        raise StepInProgress(STEP_IN_PROGRESS)
    row = tx.execute(
        "SELECT kind, ts, editor FROM actions WHERE batch = ? LIMIT 1", (batch,)
    ).fetchone()
    # In the order they were logged (rule order), as PostgreSQL gives them too.
    kinds = tx.execute(
        "SELECT kind FROM actions WHERE batch = ? GROUP BY kind ORDER BY MIN(id)", (batch,)
    ).fetchall()
    kind = batch_kind(KINDS_SEPARATOR.join(str(k[0]) for k in kinds))
    record = ActionRecord(
        batch=batch, kind=kind, article_ids=[], ts=row["ts"], editor=row["editor"]
    )
    acts = tx.execute(
        "SELECT article_id, before, after FROM actions WHERE batch = ? ORDER BY id DESC", (batch,)
    ).fetchall()
    record.articles = len({str(a[0]) for a in acts})  # as `undo_step` counts them
    now = states(tx, [str(a[0]) for a in acts])
    kept = (
        _worked_on_since(tx, [str(a[0]) for a in acts], batch, editor, mine)
        if kind == "import"
        else set()
    )
    since = (
        _marks_changed_since(tx, [str(a[0]) for a in acts], batch, editor, mine)
        if kind not in ("import", "delete") and kind not in CLAIM_KINDS
        else {}
    )
    for act in acts:
        aid = str(act[0])
        exists = aid in now
        if kind == "import":
            if aid in kept:
                continue  # another editor has worked on it since: it stays theirs
            if exists:
                # The kill this import brought goes with it (a deleted one stays: `kill_stays`).
                wire.release_kill(tx, aid)
            if exists and removal.remove(tx, aid):
                record.removed.append(aid)
                record.article_ids.append(aid)
        elif kind == "delete":
            snap = json.loads(act[1])
            if exists:
                # Imported again since: the editor's marks come back on it.
                write_state(tx, aid, state_of_snapshot(snap))
            else:
                removal.restore(tx, snap)
                record.restored.append(aid)
            record.article_ids.append(aid)
        elif kind in CLAIM_KINDS:
            if claims.take_back(tx, kind, aid, claim_in(aid, act[1]), editor):
                record.article_ids.append(aid)
        elif exists:
            # One batch may hold several rows for an article (rules applied together):
            # each row is taken back from what the later ones left.
            taken_back = undone(
                json.loads(act[1]), json.loads(act[2]), now[aid], since.get(aid, frozenset())
            )
            if taken_back == now[aid]:
                continue  # another editor's later value stays: nothing changed here
            now[aid] = taken_back
            write_state(tx, aid, now[aid])
            if aid not in record.article_ids:
                record.article_ids.append(aid)
        else:
            _take_back_in_deleted(tx, record, aid, act, since.get(aid, frozenset()))
    tx.execute("UPDATE actions SET undone = 1 WHERE batch = ?", (batch,))
    return record


def _newest_open(
    conn: sqlite3.Connection, editor: str = "", mine: tuple[str, int] | None = None
) -> int | None:
    """`editor`'s newest batch not undone (rows from before editors count as anyone's)."""
    own, own_args = own_steps(mine)
    # One index seek per name on the open rows (m011): `IN (?, '') ORDER BY` sorted them all.
    newest = [
        conn.execute(
            f"SELECT MAX(batch) FROM actions WHERE undone = 0 AND editor = ? {own}",
            (name, *own_args),
        ).fetchone()[0]
        for name in dict.fromkeys((editor, ""))
    ]
    found = [int(b) for b in newest if b is not None]
    return max(found) if found else None


def undo_step(
    conn: sqlite3.Connection, editor: str = "", mine: tuple[str, int] | None = None
) -> StepPreview | None:
    """The step `undo` would take back now (`StepPreview`), read only."""
    batch = _newest_open(conn, editor, mine)
    if batch is None:
        return None
    rows = conn.execute(
        "SELECT kind, MIN(ts) AS ts, MIN(editor) AS editor FROM actions WHERE batch = ? "
        "GROUP BY kind ORDER BY MIN(id)",
        (batch,),
    ).fetchall()
    ids = [
        str(r[0])
        for r in conn.execute("SELECT DISTINCT article_id FROM actions WHERE batch = ?", (batch,))
    ]
    preview = step_preview(batch, rows, len(ids))
    if preview.kind != "import":
        return preview
    # Counted as `undo` decides: the app's question said "It removes the 269 articles"
    # and the undo kept every one (another editor had worked on them).
    present = set(states(conn, ids))
    kept = _worked_on_since(conn, ids, batch, editor, mine) & present
    return replace(preview, stays=len(kept), gone=len(set(ids) - present))


def own_steps(mine: tuple[str, int] | None) -> tuple[str, tuple[str | int, ...]]:
    """The condition (and its parameters) on a log row for a session's own steps: its
    own, or from before it began (batches up to the newest then); none without one."""
    if mine is None:
        return "", ()
    return "AND (session = ? OR batch <= ?)", mine


def _others(mine: tuple[str, int] | None) -> tuple[str, tuple[str | int, ...]]:
    """The condition on a later log row for someone else's step: another editor's, or
    (with `mine`) another session's made since this one began."""
    if mine is None:
        return "editor != ?", ()
    return "(editor != ? OR NOT (session = ? OR batch <= ?))", mine


def _marks_changed_since(
    tx: sqlite3.Connection,
    ids: Sequence[str],
    batch: int,
    editor: str,
    mine: tuple[str, int] | None = None,
) -> dict[str, frozenset[str]]:
    """Per article, the marks other editors' steps after `batch` changed (not undone):
    an undo leaves them as those editors left them (`marks.undone`)."""
    others, others_args = _others(mine)
    rows: dict[str, list[tuple[str, str]]] = {}
    for chunk in chunks(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        for row in tx.execute(
            # Along the open rows' index (m011): the later steps are few, while an article
            # may have thousands of undone rows the article index would walk.
            f"SELECT article_id, before, after FROM actions INDEXED BY actions_open_batch "
            f"WHERE batch > ? AND undone = 0 AND {others} AND article_id IN ({marks})",
            (batch, editor, *others_args, *chunk),
        ):
            rows.setdefault(str(row[0]), []).append((str(row[1]), str(row[2])))
    return {aid: changed_marks(found) for aid, found in rows.items()}


def _worked_on_since(
    tx: sqlite3.Connection,
    ids: Sequence[str],
    batch: int,
    editor: str,
    mine: tuple[str, int] | None = None,
) -> set[str]:
    """Those of an import's articles another editor has acted on since (a tag, a note, a
    star: an open step of theirs) or holds a claim on: undoing the import removed them,
    and that editor's work with them."""
    others, others_args = _others(mine)
    found: set[str] = set()
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        found.update(
            str(r[0])
            for r in tx.execute(
                f"SELECT DISTINCT article_id FROM actions WHERE batch > ? AND undone = 0 "
                f"AND {others} AND article_id IN ({marks})",
                (batch, editor, *others_args, *chunk),
            )
        )
        found.update(
            str(r[0])
            for r in tx.execute(
                f"SELECT article_id FROM claims WHERE editor != ? AND article_id IN ({marks})",
                (editor, *chunk),
            )
        )
    return found


def history(conn: sqlite3.Connection, limit: int, editor: str | None = None) -> list[ActionRecord]:
    where, params = ("AND editor = ?", [editor]) if editor is not None else ("", [])
    # The newest open batches first (an index walk on m011's open rows), then only
    # their rows are grouped: grouping the whole log grew with its size.
    return batch_records(
        conn.execute(
            f"""SELECT batch, (SELECT GROUP_CONCAT(k, char(31)) FROM (SELECT kind AS k
                                 FROM actions AS same WHERE same.batch = actions.batch
                                 GROUP BY kind ORDER BY MIN(same.id))) AS kind,
                       MIN(ts) AS ts, MIN(editor) AS editor, GROUP_CONCAT(article_id) AS ids
                FROM actions WHERE batch IN (
                    SELECT DISTINCT batch FROM actions WHERE undone = 0 {where}
                    ORDER BY batch DESC LIMIT ?)
                GROUP BY batch ORDER BY batch DESC""",
            (*params, limit),
        )
    )


def editors_after(conn: sqlite3.Connection, batch: int) -> set[str]:
    """Who logged a step after `batch` not undone since on one of its articles (every
    such step, not the newest few; a step on other articles is none of its undo's
    business). The step's rows, then each one's later rows: both walk an index."""
    found = conn.execute(
        """SELECT DISTINCT later.editor FROM actions AS step
           JOIN actions AS later ON later.article_id = step.article_id
                AND later.batch > step.batch AND later.undone = 0
           WHERE step.batch = ?""",
        (batch,),
    )
    return {str(r[0] or "") for r in found}


def prune(tx: sqlite3.Connection, older_than: str, max_rows: int | None = None) -> int:
    """Drop the batches older than `older_than` (an ISO time): the rows removed.

    Batch numbers grow with time, so the log is cut below the first batch
    written since; the walk touches only the rows it removes. `max_rows` stops
    the cut after about that many rows (whole batches, at least one), so a
    prune after a write stays short however much is old.
    """
    if max_rows is None:
        row = tx.execute(
            "SELECT batch FROM actions WHERE ts >= ? ORDER BY batch LIMIT 1", (older_than,)
        ).fetchone()
        if row is None:
            return int(tx.execute("DELETE FROM actions").rowcount)
        first_kept = int(row[0])
    else:
        walk = tx.execute(
            "SELECT batch, ts FROM actions ORDER BY batch LIMIT ?", (max_rows + 1,)
        ).fetchall()
        first_kept = cut(walk, older_than, whole=len(walk) <= max_rows)
    return int(tx.execute("DELETE FROM actions WHERE batch < ?", (first_kept,)).rowcount)


def cut(walk: Sequence[Sequence[Any]], older_than: str, *, whole: bool) -> int:
    """The first batch to keep, from the oldest (batch, ts) rows in batch order: the
    first written since `older_than`; when all are older, one past the last batch
    walked whole (`whole`: the walk reached the end of the log)."""
    for batch, ts in walk:
        if str(ts) >= older_than:
            return int(batch)
    if not walk:
        return 0
    first, last = int(walk[0][0]), int(walk[-1][0])
    # A walk cut short may have stopped inside its last batch: that one waits for the
    # next prune, unless it is the only one walked (a batch bigger than the limit).
    return last + 1 if whole or first == last else last


def article_log(conn: sqlite3.Connection, article_id: str, limit: int) -> list[ActionRecord]:
    rows = conn.execute(
        """SELECT batch, kind, ts, editor, article_id AS ids, before, after FROM actions
           WHERE article_id = ? AND undone = 0 ORDER BY batch DESC LIMIT ?""",
        (article_id, limit),
    ).fetchall()
    records = batch_records(rows)
    for record, row in zip(records, rows, strict=True):
        record.tags_added, record.tags_removed = tag_change(row["before"], row["after"])
    return records
