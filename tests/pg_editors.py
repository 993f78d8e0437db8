"""Editors on one shared desk, each in a process of its own: what they do and how it is checked.

Used by `tests/test_desk_editors_pg.py` (three editor processes, a server restart
in the middle, small sizes) and `benchmarks/bench_shared_desk.py` (the same at
10,000 x 10,000, with figures). Each editor applies random actions (star/unstar,
tag +/-, archive/unarchive, note, claim/release, undo of its own newest step)
and keeps a journal of what it was told; a change refused because the server
was away ("nothing changed") is made again, an outcome said to be unknown is
counted and never made again. `replay` applies the action log, in the order the
editors were told, from the imported state with undo's own rule.
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
        status, result = _with_retry(call)
        told = time.time()
        if status == "unknown":
            unknown += 1
            journal.append({"kind": kind, "unknown": True, "t": told})
            continue
        if kind == "undo":
            if result is not None:
                journal.append({"kind": "undo", "t": told})
        elif kind in ("claim", "release"):
            if result.done:
                journal.append({"kind": kind, "t": told})
        elif result.changed:
            journal.append({"kind": kind, "t": told})
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


def _marks(entry: dict[str, Any]) -> dict[str, Any]:
    """A log row's before/after as comparable marks (the claim row's own shape too)."""
    if "claim" in entry:
        held = entry["claim"]
        return {"claim": held.get("editor") if isinstance(held, dict) else None}
    marks = {k: entry[k] for k in FIELDS if k in entry}
    for k in ("starred", "archived", "exported"):
        if k in marks:
            marks[k] = bool(marks[k])
    if "note" in marks:
        marks["note"] = marks["note"] or ""
    for tag in set(entry.get("tags", [])) | set(TAGS):
        marks[f"tag:{tag}"] = tag in entry.get("tags", [])
    return marks


def replay(
    ids: list[str], log: list[dict[str, Any]], journals: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """The final state the log and the editors' undos lead to, from the imported state."""
    batches: dict[int, list[dict[str, Any]]] = {}
    for row in log:
        batches.setdefault(int(row["batch"]), []).append(row)
    # Each editor's k-th change told is its k-th batch; its undos pop its newest open one.
    events: list[tuple[float, int, str, int]] = []
    for editor, journal in journals.items():
        own = sorted(b for b, rows in batches.items() if rows[0]["editor"] == editor)
        k = 0
        for entry in journal:
            if entry.get("unknown"):
                continue
            if entry["kind"] == "undo":
                events.append((entry["t"], 1, editor, -1))
            else:
                events.append((entry["t"], 0, editor, own[k]))
                k += 1
    events.sort()
    now: dict[str, dict[str, Any]] = {
        aid: {
            "starred": False,
            "archived": False,
            "exported": False,
            "note": "",
            "claim": None,
            **{f"tag:{t}": False for t in TAGS},
        }
        for aid in ids
    }
    open_batches: dict[str, list[int]] = {e: [] for e in journals}
    for _, is_undo, editor, batch in events:
        if is_undo:
            batch = open_batches[editor].pop()
            for row in batches[batch]:
                if row["article_id"] not in now:
                    continue  # the latency probe's article (a claim's story may reach it)
                before = _marks(json.loads(row["before"]))
                after = _marks(json.loads(row["after"]))
                cur = now[row["article_id"]]
                for key, value in before.items():
                    if value != after.get(key) and cur.get(key) == after.get(key):
                        cur[key] = value
        else:
            open_batches[editor].append(batch)
            for row in batches[batch]:
                if row["article_id"] not in now:
                    continue
                before = _marks(json.loads(row["before"]))
                after = _marks(json.loads(row["after"]))
                cur = now[row["article_id"]]
                for key, value in after.items():
                    if value != before.get(key):
                        cur[key] = value
    return {
        aid: {
            "starred": s["starred"],
            "archived": s["archived"],
            "exported": s["exported"],
            "note": s["note"],
            "tags": sorted(t for t in TAGS if s[f"tag:{t}"]),
            "claim": s["claim"],
        }
        for aid, s in now.items()
    }


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
    replayed = replay(ids, log, {e: r["journal"] for e, r in results.items()})
    return {
        "counts": counts,
        "lost": lost,
        "same": len(set(digests.values())) == 1 and digest(now) in digests.values(),
        "differ": [a for a in now if now[a] != replayed[a]],
        "digest": digest(now),
    }
