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
   - the log replays to that state: the batches and undos, applied from the
     imported state with undo's own rule (a mark goes back unless another
     editor's later open step changed it), in an order they may have committed
     in (the order the editors were told; two whose calls overlapped either way).
"""

from __future__ import annotations

import argparse
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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import articles as synthetic_articles
from tests.pg_editors import check, editor_run, open_desk


def _import_rate(root: Path, url: str, items: list[Any]) -> float:
    desk = open_desk(root, url, "importer")
    started = time.perf_counter()
    for start in range(0, len(items), 500):
        desk.add_extracted(items[start : start + 500], f"bench#{start}")
    elapsed = time.perf_counter() - started
    desk.close()
    return len(items) / elapsed


def _folder_rate(root: Path, url: str, folder: Path, n: int) -> float:
    """`newsdesk import FOLDER` as the command does it (`Desk.import_paths`): files read
    and extracted by the workers, stored several to a transaction, each in a savepoint."""
    desk = open_desk(root, url, "importer")
    started = time.perf_counter()
    summary = desk.import_paths([folder])
    elapsed = time.perf_counter() - started
    desk.close()
    assert len(summary.imported_ids) == n, (len(summary.imported_ids), n)
    return n / elapsed


def _latency(root: Path, url: str, aid: str, stop: threading.Event) -> list[float]:
    writer = open_desk(root / "latency-writer", url, "latency")
    watcher = open_desk(root / "latency-watcher", url, "watcher")
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
    """The same articles into SQLite and the shared desk, then as a folder of page copies.

    Each way is warmed up first (a discarded run: the extraction workers start and
    load their word lists, the modules are imported), then the two backends take
    turns, `--rounds` times: the first run of a process pays start-up costs that
    the runs after it do not, which favoured whichever backend went second.
    """
    import psycopg
    from psycopg import sql

    from benchmarks.synthetic import write_inputs

    def fresh_pg_url(name: str) -> str:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(f"{schema}_{name}")))
        joiner = "&" if "?" in server else "?"
        return f"{server}{joiner}options=-csearch_path%3D{schema}_{name}"

    folder = write_inputs(work / "pages", args.articles, "text")
    _import_rate(work / "warm-stored", "", items)
    _folder_rate(work / "warm-files", "", folder, args.articles)
    stored: list[tuple[float, float]] = []
    files: list[tuple[float, float]] = []
    for n in range(args.rounds):
        sqlite_rate = _import_rate(work / f"sqlite-{n}", "", items)
        pg_rate = _import_rate(work / f"pg-import-{n}", fresh_pg_url(f"stored{n}"), items)
        sqlite_files = _folder_rate(work / f"sqlite-files-{n}", "", folder, args.articles)
        pg_files = _folder_rate(
            work / f"pg-files-{n}", fresh_pg_url(f"files{n}"), folder, args.articles
        )
        stored.append((sqlite_rate, pg_rate))
        files.append((sqlite_files, pg_files))
    for label, runs in (
        (f"import {len(items):,} articles (add_extracted, batches of 500)", stored),
        (
            f"import a folder of {args.articles:,} page copies (import_paths, extraction included)",
            files,
        ),
    ):
        each = ", ".join(f"{sq:,.0f}/s vs {pg:,.0f}/s ({pg / sq:.2f}x)" for sq, pg in runs)
        sqlite_total = sum(sq for sq, _ in runs) / len(runs)
        pg_total = sum(pg for _, pg in runs) / len(runs)
        print(
            f"{label}: SQLite {sqlite_total:,.0f}/s, PostgreSQL {pg_total:,.0f}/s "
            f"({pg_total / sqlite_total:.2f}x; each round, SQLite vs PostgreSQL: {each})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--actions", type=int, default=10_000, help="per editor")
    parser.add_argument("--editors", type=int, default=3)
    parser.add_argument("--url", default="", help="a PostgreSQL URL (default: a private cluster)")
    parser.add_argument("--no-restart", action="store_true")
    parser.add_argument(
        "--rounds", type=int, default=2, help="import comparisons, the backends taking turns"
    )
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
        probe = open_desk(work / "probe", url, "probe")
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
        found = check(url, work, ids[1:], results)
        for editor, counts in found["counts"].items():
            print(
                f"  {editor}: {counts['changes']:,} changes told, {counts['batches']:,} batches "
                f"logged; {counts['undos']:,} undos told, {counts['undone']:,} batches undone; "
                f"{counts['unknown']} outcomes unknown"
            )
        lost, same, differ = found["lost"], found["same"], found["differ"]
        print(f"no lost update: {'yes' if not lost else 'NO (' + ', '.join(lost) + ')'}")
        print(
            f"same final state for every editor: {'yes' if same else 'NO'} "
            f"(sha256 {found['digest'][:16]})"
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
                # The desk's schema and the import comparison's (`{schema}_...`).
                names = conn.execute(
                    "SELECT nspname FROM pg_namespace WHERE nspname = %s OR nspname LIKE %s",
                    (schema, f"{schema}\\_%"),
                ).fetchall()
                for (name,) in names:
                    conn.execute(
                        sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name))
                    )


if __name__ == "__main__":
    sys.exit(main())
