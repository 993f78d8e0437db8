"""Three editors on one shared desk at once: lost updates, agreement, replay, latency, import.

    python benchmarks/bench_shared_desk.py                       # 10,000 articles, 3 x 10,000 actions
    python benchmarks/bench_shared_desk.py --articles 2000 --actions 1000 --no-restart
    python benchmarks/bench_shared_desk.py --url postgresql://USER@HOST/DB   # a server of yours

Without `--url` it starts a private PostgreSQL cluster in a temp dir (as the
`postgres` user under root; see tests/pg_cluster.py) and restarts it halfway
through the editors' run (`--no-restart` to keep it up). With `--url` it works
in a schema of its own, dropped at the end, and never restarts the server.

1. Import: the same generated articles (benchmarks/synthetic.py, extraction
   not counted) stored through `Desk.add_extracted` in batches of 500 into a
   SQLite data directory and into the shared desk; articles per second each.
   Then the same number as a folder of page copies through `Desk.import_paths`
   (what `newsdesk import FOLDER` does, extraction included) into each.
   `--import-only` stops there; `--editors-only` imports into the shared desk
   alone (timed, no comparison) and goes on to the editors.
2. Editors: three processes (`NEWSDESK_EDITOR` e0, e1, e2), each with its own
   data directory, apply random actions to random articles: star/unstar, tag
   +/-, archive/unarchive, note, claim/release, undo (their own newest step).
   A change refused because the server is away ("nothing changed") is made
   again once it is back; an outcome said to be unknown is counted, never
   made again. Each editor keeps a journal of what it was told.
3. Latency: meanwhile this process stars and unstars an article once or twice
   a second through a desk of its own, and a fourth desk waits with
   `Desk.wait_for_change` (what the app's store watch does): from the start of
   the write to the wake-up, p50/p95/max. This is the store-to-desk latency;
   the app then redraws (a search in a worker), which this does not count.
4. Checks, printed with the figures:
   - no lost update: every change an editor was told of is one batch of the
     log under its name, and every undo it was told of marked one batch undone;
   - every editor reads the same final state (starred, archived, exported,
     note, tags, claim of every article: one sha256 each);
   - the log replays to that state: the batches and undos, in the order the
     editors were told of them, applied from the imported state with undo's own
     rule (a mark goes back only if it still reads as the batch left it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import articles as synthetic_articles

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


def _desk(root: Path, url: str, editor: str) -> Any:
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
    name: str, root: str, url: str, ids: list[str], actions: int, seed: int, out: str
) -> None:
    rng = random.Random(seed)
    desk = _desk(Path(root), url, name)
    journal: list[dict[str, Any]] = []
    unknown = 0
    started = time.monotonic()
    for _ in range(actions):
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


def _state(desk: Any, ids: list[str]) -> dict[str, Any]:
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


def _digest(state: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


# -- replaying the log ---------------------------------------------------------------


def _log(url: str) -> list[dict[str, Any]]:
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


# -- the run -----------------------------------------------------------------------------


def _import_rate(root: Path, url: str, items: list[Any]) -> float:
    desk = _desk(root, url, "importer")
    started = time.perf_counter()
    for start in range(0, len(items), 500):
        desk.add_extracted(items[start : start + 500], f"bench#{start}")
    elapsed = time.perf_counter() - started
    desk.close()
    return len(items) / elapsed


def _folder_rate(root: Path, url: str, folder: Path, n: int) -> float:
    """`newsdesk import FOLDER` as the command does it (`Desk.import_paths`): files read
    and extracted by the workers, stored several to a transaction, each in a savepoint."""
    desk = _desk(root, url, "importer")
    started = time.perf_counter()
    summary = desk.import_paths([folder])
    elapsed = time.perf_counter() - started
    desk.close()
    assert len(summary.imported_ids) == n, (len(summary.imported_ids), n)
    return n / elapsed


def _latency(root: Path, url: str, aid: str, stop: threading.Event) -> list[float]:
    writer = _desk(root / "latency-writer", url, "latency")
    watcher = _desk(root / "latency-watcher", url, "watcher")
    samples: list[float] = []
    on = True
    rng = random.Random(3)
    from newsdesk.errors import DeskError

    while not stop.is_set():
        try:
            since = watcher.data_version()
            woke: list[float] = []

            def wait(since: int = since, woke: list[float] = woke, want: bool = on) -> None:
                # Others write all the time: wait until this very change is seen.
                deadline = time.monotonic() + 10
                version = since
                while time.monotonic() < deadline:
                    version = watcher.wait_for_change(version, 1.0)
                    if watcher.rows([aid])[0].starred == want:
                        break
                woke.append(time.perf_counter())

            waiter = threading.Thread(target=wait)
            waiter.start()
            time.sleep(0.05)  # the waiter is waiting
            started = time.perf_counter()
            writer.star([aid], on=on)
            on = not on
            waiter.join(15)
            if woke:
                samples.append(woke[0] - started)
        except DeskError:
            time.sleep(0.5)  # the server is away (restart): no sample
        stop.wait(rng.uniform(0.3, 0.9))
    writer.close()
    watcher.close()
    return samples


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _compare_imports(
    args: argparse.Namespace, work: Path, server: str, schema: str, url: str, items: list[Any]
) -> None:
    """The same articles into SQLite and the shared desk, then as a folder of page copies."""
    import psycopg
    from psycopg import sql

    sqlite_rate = _import_rate(work / "sqlite", "", items)
    pg_rate = _import_rate(work / "pg-import", url, items)
    print(
        f"import {len(items):,} articles (add_extracted, batches of 500): "
        f"SQLite {sqlite_rate:,.0f}/s, PostgreSQL {pg_rate:,.0f}/s "
        f"({pg_rate / sqlite_rate:.2f}x)"
    )
    from benchmarks.synthetic import write_inputs

    folder = write_inputs(work / "pages", args.articles, "text")
    sqlite_files = _folder_rate(work / "sqlite-files", "", folder, args.articles)
    schema_files = f"{schema}_files"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema_files)))
    joiner = "&" if "?" in server else "?"
    files_url = f"{server}{joiner}options=-csearch_path%3D{schema_files}"
    pg_files = _folder_rate(work / "pg-files", files_url, folder, args.articles)
    print(
        f"import a folder of {args.articles:,} page copies (import_paths, extraction "
        f"included): SQLite {sqlite_files:,.0f}/s, PostgreSQL {pg_files:,.0f}/s "
        f"({pg_files / sqlite_files:.2f}x)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--actions", type=int, default=10_000, help="per editor")
    parser.add_argument("--editors", type=int, default=3)
    parser.add_argument("--url", default="", help="a PostgreSQL URL (default: a private cluster)")
    parser.add_argument("--no-restart", action="store_true")
    parser.add_argument(
        "--import-only", action="store_true", help="only the import part (both ways)"
    )
    parser.add_argument(
        "--editors-only",
        action="store_true",
        help="import into the shared desk only (no SQLite or folder comparison), then the editors",
    )
    args = parser.parse_args()

    import psycopg
    from psycopg import sql

    from tests.pg_cluster import PrivateCluster

    cluster = None
    if args.url:
        server = args.url
    else:
        cluster, why = PrivateCluster.find()
        if cluster is None:
            print(f"no PostgreSQL: {why}")
            return 1
        cluster.start()
        server = cluster.url
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    joiner = "&" if "?" in server else "?"
    url = f"{server}{joiner}options=-csearch_path%3D{schema}"
    work = Path(tempfile.mkdtemp(prefix="nd-bench-shared-"))
    try:
        print(f"load average at start: {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} cores")
        items = list(synthetic_articles(args.articles, words=200))
        if args.editors_only:
            pg_rate = _import_rate(work / "pg-import", url, items)
            print(f"import {len(items):,} articles into the shared desk: {pg_rate:,.0f}/s")
        else:
            _compare_imports(args, work, server, schema, url, items)
        if args.import_only:
            return 0
        probe = _desk(work / "probe", url, "probe")
        ids = probe.store.ordered_ids()
        probe.close()

        stop = threading.Event()
        latencies: list[float] = []
        watch = threading.Thread(target=lambda: latencies.extend(_latency(work, url, ids[0], stop)))
        watch.start()
        ctx = mp.get_context("spawn")
        outs = [work / f"e{i}.json" for i in range(args.editors)]
        procs = [
            ctx.Process(
                target=editor_run,
                args=(
                    f"e{i}",
                    str(work / f"e{i}"),
                    url,
                    ids[1:],
                    args.actions,
                    100 + i,
                    str(outs[i]),
                ),
            )
            for i in range(args.editors)
        ]
        started = time.monotonic()
        for proc in procs:
            proc.start()
        restarted = ""
        if cluster is not None and not args.no_restart:
            # Halfway, as the editors see it: when the log holds half their actions' batches.
            target = args.editors * args.actions // 2 * 0.6
            while any(p.is_alive() for p in procs):
                with psycopg.connect(url) as conn:
                    row = conn.execute("SELECT COUNT(DISTINCT batch) FROM actions").fetchone()
                if row and row[0] >= target:
                    t0 = time.monotonic()
                    cluster.restart()
                    restarted = f"server restarted at {time.monotonic() - started:.0f} s ({time.monotonic() - t0:.1f} s down)"
                    break
                time.sleep(1)
        for proc in procs:
            proc.join()
        run_s = time.monotonic() - started
        stop.set()
        watch.join()
        results = {f"e{i}": json.loads(outs[i].read_text()) for i in range(args.editors)}
        total = args.editors * args.actions
        print(
            f"{args.editors} editors x {args.actions:,} random actions on {len(ids):,} articles: "
            f"{run_s:.0f} s wall ({total / run_s:,.0f} actions/s together)"
            + (f"; {restarted}" if restarted else "")
        )
        log = _log(url)
        lost = []
        for editor, res in results.items():
            told_changes = [
                e for e in res["journal"] if e["kind"] != "undo" and not e.get("unknown")
            ]
            told_undos = [e for e in res["journal"] if e["kind"] == "undo"]
            batches = {r["batch"] for r in log if r["editor"] == editor}
            undone = {r["batch"] for r in log if r["editor"] == editor and r["undone"]}
            print(
                f"  {editor}: {len(told_changes):,} changes told, {len(batches):,} batches logged; "
                f"{len(told_undos):,} undos told, {len(undone):,} batches undone; "
                f"{res['unknown']} outcomes unknown"
            )
            if len(told_changes) != len(batches) or len(told_undos) != len(undone):
                lost.append(editor)
        # Once all have stopped: each editor's own desk (its data directory, its name).
        digests = {}
        for editor in results:
            theirs = _desk(work / editor, url, editor)
            digests[editor] = _digest(_state(theirs, ids[1:]))
            theirs.close()
        final = _desk(work / "final", url, "final")
        now = _state(final, ids[1:])
        final.close()
        replayed = replay(ids[1:], log, {e: r["journal"] for e, r in results.items()})
        differ = [a for a in now if now[a] != replayed[a]]
        print(f"no lost update: {'yes' if not lost else 'NO (' + ', '.join(lost) + ')'}")
        same = len(set(digests.values())) == 1 and _digest(now) in digests.values()
        print(
            f"same final state for every editor: {'yes' if same else 'NO'} "
            f"(sha256 {_digest(now)[:16]})"
        )
        print(
            f"log replays to it: {'yes' if not differ else f'NO ({len(differ)} articles differ)'}"
        )
        if latencies:
            print(
                f"change to another editor's desk (wait_for_change), {len(latencies)} samples: "
                f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
                f"p95 {_percentile(latencies, 95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
            )
        print(f"load average at end: {os.getloadavg()[0]:.1f} (1 min)")
        return 0 if not lost and same and not differ else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if cluster is not None:
            cluster.remove()
        else:
            with psycopg.connect(server, autocommit=True) as conn:
                for name in (schema, f"{schema}_files"):
                    conn.execute(
                        sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name))
                    )


if __name__ == "__main__":
    sys.exit(main())
