"""Editors on one shared desk, each in a process of its own: what they do and how it is checked.

Used by `tests/test_desk_editors_pg.py` (three editor processes, a server restart
in the middle, small sizes) and `benchmarks/bench_shared_desk.py` (the same at
10,000 x 10,000, with figures). Each editor applies random actions (star/unstar,
tag +/-, archive/unarchive, note, claim/release, undo of its own newest step)
and keeps a journal of what it was told; a change refused because the server
was away ("nothing changed") is made again, an outcome said to be unknown is
counted and never made again. `replay_differ` applies the action log from the
imported state with undo's own rule, one article at a time, in an order the
steps may have committed in (the order the editors were told first; two steps
whose calls overlapped either way round), and names the articles no such
order explains.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from functools import partial
from pathlib import Path
from typing import Any

FIELDS = ("starred", "archived", "exported", "note")
TAGS = ("desk", "check", "legal", "photo", "web")
KINDS = (
    "star",
    "unstar",
    "tag",
    "archive",
    "unarchive",
    "note",
    "claim",
    "release",
    "undo",
)


def _paths(root: Path) -> Any:
    from newsdesk.paths import Paths

    return Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")


def open_desk(root: Path, url: str, editor: str) -> Any:
    os.environ["NEWSDESK_STORE"] = url
    os.environ["NEWSDESK_EDITOR"] = editor
    from newsdesk.desk import Desk

    return Desk(_paths(root))


# -- the editors -----------------------------------------------------------------------


def _with_retry(call: Any) -> tuple[str, Any]:
    """('ok', result), or ('unknown', message) when the store cannot say."""
    from newsdesk.errors import StoreBusyError, StoreError, StoreUnreachableError

    while True:
        try:
            return "ok", call()
        except (StoreUnreachableError, StoreBusyError):
            time.sleep(0.2)  # nothing changed: make it again once the server answers
        except StoreError as exc:
            if "not known" in str(exc):
                return "unknown", str(exc)
            raise


def editor_run(
    name: str,
    root: str,
    url: str,
    ids: list[str],
    actions: int,
    seed: int,
    out: str,
    halfway: Any = None,
    go_on: Any = None,
) -> None:
    """One editor's run, its journal written to `out` as JSON. With `halfway` and
    `go_on` (multiprocessing events) it says when half its actions are done and
    waits for `go_on` (set as the server is being restarted) before the rest."""
    from newsdesk.library_logs import quiet_library_logs

    quiet_library_logs()  # as the command does: no raw library line on the terminal
    rng = random.Random(seed)
    desk = open_desk(Path(root), url, name)
    journal: list[dict[str, Any]] = []
    unknown = 0
    started = time.monotonic()
    for done in range(actions):
        if halfway is not None and done == actions // 2:
            halfway.set()
            go_on.wait(120)
        kind = rng.choice(KINDS)
        aid = rng.choice(ids)
        call: Any
        if kind in ("star", "unstar"):
            call = partial(desk.star, [aid], on=kind == "star")
        elif kind in ("archive", "unarchive"):
            call = partial(desk.archive, [aid], on=kind == "archive")
        elif kind == "note":
            call = partial(desk.set_note, aid, f"{name} {rng.randrange(1000)}")
        elif kind == "tag":
            tag = rng.choice(TAGS)
            add, remove = ([tag], []) if rng.random() < 0.6 else ([], [tag])
            call = partial(desk.tag, [aid], add=add, remove=remove)
        elif kind in ("claim", "release"):
            call = partial(desk.claim if kind == "claim" else desk.release, [aid])
        else:
            call = desk.undo
        began = time.time()
        status, result = _with_retry(call)
        told = time.time()
        if status == "unknown":
            unknown += 1
            journal.append({"kind": kind, "unknown": True, "t0": began, "t": told})
            continue
        if kind == "undo":
            if result is not None:
                journal.append({"kind": "undo", "t0": began, "t": told})
        elif kind in ("claim", "release"):
            if result.done:
                journal.append({"kind": kind, "t0": began, "t": told})
        elif result.changed:
            journal.append({"kind": kind, "t0": began, "t": told})
    elapsed = time.monotonic() - started
    desk.close()
    Path(out).write_text(
        json.dumps({"journal": journal, "unknown": unknown, "elapsed": elapsed}),
        encoding="utf-8",
    )


def read_state(desk: Any, ids: list[str]) -> dict[str, Any]:
    """Every article's shared marks and claim, as this editor reads them."""
    claims = desk.claims()
    found: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        for article in desk.get_many(ids[start : start + 500]):
            st = article.state
            found[article.id] = {
                "starred": bool(st.starred),
                "archived": bool(st.archived),
                "exported": bool(st.exported),
                "note": st.note or "",
                "tags": sorted(st.tags),
                "claim": claims[article.id].editor if article.id in claims else None,
            }
    return found


def digest(state: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


# -- replaying the log ---------------------------------------------------------------


def read_log(url: str) -> list[dict[str, Any]]:
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(url, row_factory=dict_row) as conn:
        return conn.execute(
            "SELECT batch, kind, article_id, before, after, editor, undone FROM actions "
            "WHERE kind <> 'import' ORDER BY batch, id"
        ).fetchall()


def _claim_of(entry: dict[str, Any]) -> str | None:
    held = entry.get("claim")
    return held.get("editor") if isinstance(held, dict) else None


def _norm(marks: dict[str, Any]) -> dict[str, Any]:
    """A log row's marks as the desk reads them back (flags as bools, no note as "")."""
    found: dict[str, Any] = {
        k: bool(marks[k]) for k in ("starred", "archived", "exported") if k in marks
    }
    if "note" in marks:
        found["note"] = marks["note"] or ""
    if "tags" in marks:
        found["tags"] = sorted(marks["tags"])
    return found


class _Step:
    """One change or undo an editor was told of: its batch and when the call began
    and returned (the commit lies between the two)."""

    def __init__(self, t0: float, t1: float, editor: str, batch: int, undo: bool) -> None:
        self.t0, self.t1, self.editor, self.batch, self.undo = t0, t1, editor, batch, undo


def _steps(
    batches: dict[int, list[dict[str, Any]]], journals: dict[str, list[dict[str, Any]]]
) -> list[_Step]:
    # Each editor's k-th change told is its k-th batch; its undos pop its newest open one.
    steps: list[_Step] = []
    for editor, journal in journals.items():
        own = sorted(b for b, rows in batches.items() if rows[0]["editor"] == editor)
        k = 0
        open_batches: list[int] = []
        for entry in journal:
            if entry.get("unknown"):
                continue
            t0 = float(entry.get("t0", entry["t"]))
            if entry["kind"] == "undo":
                steps.append(_Step(t0, entry["t"], editor, open_batches.pop(), True))
            else:
                steps.append(_Step(t0, entry["t"], editor, own[k], False))
                open_batches.append(own[k])
                k += 1
    return steps


def _play(
    order: list[_Step], rows_of: dict[int, list[dict[str, Any]]], editor_of: dict[int, str]
) -> dict[str, Any]:
    """One article's marks and claim after `order`, from the imported state, with undo's
    own rule: a mark goes back unless another editor's later open step changed it."""
    from newsdesk.store.marks import changed_marks, undone

    marks: dict[str, Any] = {
        "starred": False,
        "archived": False,
        "exported": False,
        "note": "",
        "tags": [],
    }
    claim: str | None = None
    live: list[int] = []
    for step in order:
        rows = rows_of[step.batch]
        if not step.undo:
            live.append(step.batch)
            for row in rows:
                before, after = json.loads(row["before"]), json.loads(row["after"])
                if "claim" in before or "claim" in after:
                    claim = _claim_of(after)
                    continue
                old, new = _norm(before), _norm(after)
                for key, value in new.items():
                    if key == "tags":
                        had, has = set(old.get("tags", [])), set(value)
                        marks["tags"] = sorted((set(marks["tags"]) - (had - has)) | (has - had))
                    elif value != old.get(key):
                        marks[key] = value
            continue
        live.remove(step.batch)
        later = [
            (str(r["before"]), str(r["after"]))
            for b in live
            if b > step.batch and editor_of[b] != step.editor
            for r in rows_of[b]
        ]
        since = changed_marks(later, shared_read=False)
        for row in reversed(rows):
            before, after = json.loads(row["before"]), json.loads(row["after"])
            if "claim" in before or "claim" in after:
                if claim == _claim_of(after):
                    claim = _claim_of(before)
                continue
            marks = _norm(undone(_norm(before), _norm(after), marks, since))
    return {**marks, "claim": claim}


def _explained(
    steps: list[_Step],
    rows_of: dict[int, list[dict[str, Any]]],
    editor_of: dict[int, str],
    final: dict[str, Any],
    budget: int = 20_000,
) -> bool:
    """Whether some order the steps may have committed in leads to `final`. A step
    committed between its call and its return, so it precedes every step whose call
    began after it returned; steps whose calls overlapped may have gone either way.
    The order the editors were told is tried first."""
    steps = sorted(steps, key=lambda s: s.t1)
    tried = 0

    def search(placed: list[_Step], left: list[_Step]) -> bool:
        nonlocal tried
        if not left:
            tried += 1
            return _play(placed, rows_of, editor_of) == final
        first_return = min(s.t1 for s in left)
        for i, step in enumerate(left):
            if step.t0 > first_return:
                continue  # it began after another left step returned: that one goes first
            if tried >= budget:
                return False
            if search([*placed, step], left[:i] + left[i + 1 :]):
                return True
        return False

    return search([], steps)


def replay_differ(
    ids: list[str],
    log: list[dict[str, Any]],
    journals: dict[str, list[dict[str, Any]]],
    now: dict[str, Any],
) -> list[str]:
    """The articles whose state no commit order of the logged steps explains."""
    batches: dict[int, list[dict[str, Any]]] = {}
    for row in log:
        batches.setdefault(int(row["batch"]), []).append(row)
    editor_of = {b: str(rows[0]["editor"]) for b, rows in batches.items()}
    per_article: dict[str, list[_Step]] = {aid: [] for aid in ids}
    rows_by_article: dict[str, dict[int, list[dict[str, Any]]]] = {aid: {} for aid in ids}
    for batch, rows in batches.items():
        for row in rows:
            if row["article_id"] in rows_by_article:  # not the latency probe's article
                rows_by_article[row["article_id"]].setdefault(batch, []).append(row)
    for step in _steps(batches, journals):
        for aid in {r["article_id"] for r in batches[step.batch]}:
            if aid in per_article:
                per_article[aid].append(step)
    return [
        aid
        for aid in ids
        if not _explained(per_article[aid], rows_by_article[aid], editor_of, now[aid])
    ]


def check(url: str, work: Path, ids: list[str], results: dict[str, Any]) -> dict[str, Any]:
    """The run's checks once every editor has stopped: per editor the changes and undos
    told and the batches logged and undone; `lost` (editors whose journal and log
    disagree), `same` (every editor's own desk and a fresh one read the same state),
    `differ` (articles where the replayed log and the state disagree), `digest`."""
    log = read_log(url)
    lost: list[str] = []
    counts: dict[str, dict[str, int]] = {}
    for editor, res in results.items():
        told_changes = [e for e in res["journal"] if e["kind"] != "undo" and not e.get("unknown")]
        told_undos = [e for e in res["journal"] if e["kind"] == "undo"]
        batches = {r["batch"] for r in log if r["editor"] == editor}
        undone = {r["batch"] for r in log if r["editor"] == editor and r["undone"]}
        counts[editor] = {
            "changes": len(told_changes),
            "batches": len(batches),
            "undos": len(told_undos),
            "undone": len(undone),
            "unknown": int(res["unknown"]),
        }
        if len(told_changes) != len(batches) or len(told_undos) != len(undone):
            lost.append(editor)
    # Each editor's own desk (its data directory, its name), then a fresh one.
    digests = {}
    for editor in results:
        theirs = open_desk(work / editor, url, editor)
        digests[editor] = digest(read_state(theirs, ids))
        theirs.close()
    final = open_desk(work / "final", url, "final")
    now = read_state(final, ids)
    final.close()
    return {
        "counts": counts,
        "lost": lost,
        "same": len(set(digests.values())) == 1 and digest(now) in digests.values(),
        "differ": replay_differ(ids, log, {e: r["journal"] for e, r in results.items()}, now),
        "digest": digest(now),
    }
