"""Undo benchmark: undo, history and a tag command with a big action log (issue 17 item 10).

    python benchmarks/bench_undo.py [--rows 400000] [--articles 2000] [--undos 30]

Imports `--articles` synthetic articles into a fresh data directory, then
writes `--rows` rows of action log behind the desk's back: batches of 1 to
40 rows by three editors over the last 60 days, a fifth of them undone (the
shape of a busy shared desk). Then times, through the Desk, `--undos` undos
in a row (each takes the next batch back), `history` (20 batches), a tag of
20 articles (a new batch), and the pruning of batches older than
`--keep-days` days (rows before and after). The same again with every
batch but the oldest 300 undone (what a long run of undos leaves).

Prints figures; asserts nothing (speed is measured here, not in tests).
Runs in a temporary data directory; your own store is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles

from newsdesk.config import EDITOR_ENV
from newsdesk.desk import Desk
from newsdesk.paths import Paths

EDITORS = ("ana", "ben", "chloe")


def write_inputs(folder: Path, n: int) -> None:
    lines = []
    for meta in articles(n):
        fields = ("title", "dek", "authors", "source", "dateline", "published", "body")
        lines.append(json.dumps({k: getattr(meta, k) for k in fields}))
    (folder / "articles.jsonl").write_text("\n".join(lines), "utf-8")


def fill_log(desk: Desk, rows: int, ids: list[str], seed: int = 17) -> int:
    """Write `rows` log rows straight into the store; the number of batches written."""
    rng = random.Random(seed)
    state = {"read": False, "starred": False, "archived": False, "exported": False}
    now = datetime.now(UTC)
    conn = desk.store.conn  # type: ignore[attr-defined]
    start = int(conn.execute("SELECT COALESCE(MAX(batch), 0) FROM actions").fetchone()[0])
    with conn:  # the import that brought the articles is the log's oldest batch
        conn.execute("UPDATE actions SET ts = ?", ((now - timedelta(days=61)).isoformat(),))
    batch, written, pending = start, 0, []
    while written < rows:
        batch += 1
        size = min(rng.randint(1, 40), rows - written)
        # Oldest first, newest last: batch numbers grow with time as the store writes them.
        ts = (now - timedelta(days=60 * (1 - written / rows))).isoformat(timespec="seconds")
        editor = EDITORS[batch % len(EDITORS)]
        undone = 1 if rng.random() < 0.2 else 0
        tag = f"t{batch % 50}"
        for aid in rng.sample(ids, size):
            before = json.dumps({**state, "note": None, "tags": []})
            after = json.dumps({**state, "note": None, "tags": [tag]})
            pending.append((batch, ts, "tag", aid, before, after, undone, editor))
        written += size
        if len(pending) >= 20_000:
            _insert(conn, pending)
            pending = []
    _insert(conn, pending)
    return batch - start


def _insert(conn: object, rows: list[tuple[object, ...]]) -> None:
    with conn:  # type: ignore[attr-defined]
        conn.executemany(  # type: ignore[attr-defined]
            "INSERT INTO actions (batch, ts, kind, article_id, before, after, undone, editor) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"median {statistics.median(values) * 1000:7.2f} ms, p95 {p95 * 1000:7.2f} ms"


def timed(action: Callable[[], object], wall: list[float], cpu: list[float]) -> object:
    """Run `action`, adding its wall and CPU seconds to the lists; what it returned.

    Under load the wall time is mostly waiting for a core: the CPU time is the
    work undo itself does, and the figure to compare between runs.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    result = action()
    wall.append(time.perf_counter() - started)
    cpu.append(time.process_time() - cpu_started)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=400_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--undos", type=int, default=30)
    parser.add_argument("--keep-days", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-undo-") as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        write_inputs(root / "in", args.articles)
        paths = Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")
        os.environ[EDITOR_ENV] = EDITORS[0]  # undo takes back this editor's batches
        # No pruning by itself while the full log is timed; it is timed on its own below.
        paths.config_dir.mkdir(parents=True)
        paths.config_file.write_text("[history]\nkeep_days = 36500\n", "utf-8")
        with Desk(paths) as desk:
            desk.import_paths([root / "in"])
            ids = desk.inbox_ids()
            batches = fill_log(desk, args.rows, ids)
            conn = desk.store.conn  # type: ignore[attr-defined]
            total = int(conn.execute("SELECT COUNT(*) FROM actions").fetchone()[0])
            print(f"{len(ids):,} articles, {total:,} log rows in {batches:,} batches")
            print(f"  1-min load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
            undos: list[float] = []
            undo_cpu: list[float] = []
            hist, tags = [], []
            for i in range(args.undos):
                result = timed(desk.undo, undos, undo_cpu)
                assert result is not None
                started = time.perf_counter()
                desk.history(20)
                hist.append(time.perf_counter() - started)
                started = time.perf_counter()
                desk.tag(ids[i * 20 : i * 20 + 20], add=[f"bench{i}"])
                tags.append(time.perf_counter() - started)
            print(f"  undo ({args.undos} in a row): {ms(undos)}")
            print(f"    CPU:                  {ms(undo_cpu)}")
            print(f"  history 20:             {ms(hist)}")
            print(f"  tag 20 articles:        {ms(tags)}")
            # The worst shape: a long run of undos leaves every newer row undone, so the
            # open batches lie under almost the whole log.
            with conn:
                conn.execute(
                    "UPDATE actions SET undone = 1 "
                    "WHERE batch > (SELECT MIN(batch) + 300 FROM actions)"
                )
            undos, undo_cpu, hist = [], [], []
            for _ in range(args.undos):
                timed(desk.undo, undos, undo_cpu)
                started = time.perf_counter()
                desk.history(20)
                hist.append(time.perf_counter() - started)
            print("  with all but the oldest 300 batches undone:")
            print(f"    undo:                 {ms(undos)}")
            print(f"    undo CPU:             {ms(undo_cpu)}")
            print(f"    history 20:           {ms(hist)}")
            prune = getattr(desk, "prune_log", None)
            if prune is None:
                print("  pruning: not available in this build")
                return
            started = time.perf_counter()
            removed = prune(args.keep_days)
            spent = time.perf_counter() - started
            left = int(conn.execute("SELECT COUNT(*) FROM actions").fetchone()[0])
            print(
                f"  prune older than {args.keep_days} days: {removed:,} rows removed, "
                f"{left:,} left, {spent * 1000:.0f} ms"
            )
            undos = []
            for _ in range(args.undos):
                started = time.perf_counter()
                desk.undo()
                undos.append(time.perf_counter() - started)
            print(f"  undo after pruning:     {ms(undos)}")
            print(f"  1-min load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
