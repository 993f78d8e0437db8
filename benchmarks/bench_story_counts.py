"""What a page of folded story rows costs to count (`Desk.shown_story_counts`): the
"+N" and the starred mark of 48 story rows, as the inbox asks when it fetches a page.

    python benchmarks/bench_story_counts.py --n 10000
    python benchmarks/bench_story_counts.py --n 10000 --data /tmp/story-counts-10000

The data directory (N synthetic articles, grouped into stories, states sprinkled as
`bench_tui.py` does) is built once and kept. Prints the statements a page costs and
the time a page (median and best of the rounds); run the old tree's code on the same
directory (PYTHONPATH) for a before/after, interleaved.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_tui import build

from newsdesk.desk import Desk
from newsdesk.paths import Paths

#: Story rows in a page (what the inbox fetches at a time on a tall terminal).
PAGE = 48


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--data", type=Path, help="data directory to build/reuse")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    root = args.data or Path(tempfile.gettempdir()) / f"newsdesk-bench-story-counts-{args.n}"
    paths = Paths(root / "data", root / "config", root / "cache")
    build(paths, args.n, index=False)
    with Desk(paths) as desk:
        if not desk.store.story_map():
            start = time.perf_counter()
            desk.regroup()
            print(f"grouped in {time.perf_counter() - start:.1f}s")
        story_map = desk.store.story_map()
        heads: list[str] = []
        seen: set[str] = set()
        for article_id in desk.inbox_ids():
            story = story_map.get(article_id)
            if story is not None and story not in seen:
                seen.add(story)
                heads.append(article_id)
        pages = [heads[i : i + PAGE] for i in range(0, len(heads) - PAGE + 1, PAGE)][:20]
        print(f"{desk.store.count():,} articles, {len(seen):,} stories, {len(pages)} pages")
        conn = getattr(desk.store, "conn", None)
        if isinstance(conn, sqlite3.Connection):
            statements: list[str] = []
            conn.set_trace_callback(statements.append)
            desk.shown_story_counts(pages[0], with_archived=False)
            conn.set_trace_callback(None)
            print(f"statements a page: {len(statements)}")
        times: list[float] = []
        for round_ in range(args.rounds):
            page = pages[round_ % len(pages)]
            start = time.perf_counter()
            desk.shown_story_counts(page, with_archived=False)
            times.append(time.perf_counter() - start)
        ms = [t * 1000 for t in times]
        print(
            f"a page of {PAGE} story rows: median {statistics.median(ms):.2f} ms, best {min(ms):.2f} ms"
        )


if __name__ == "__main__":
    main()
