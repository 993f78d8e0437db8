"""Story grouping's decision on a dense queue: `StoryGrouper.decide` CPU per article.

    python benchmarks/bench_grouping_dense.py                     # 10,000 stored, 500 decided
    python benchmarks/bench_grouping_dense.py --stored 18000 --decide 1000

The importing process's serial share grows with a dense store (docs/performance.md,
days 11, 12 and 20): `benchmarks/synthetic.py`'s articles fall over 60 days, so each
one's 96-hour window holds thousands of stored ones. This builds such a store
(`--stored` articles assigned in publication order into a file-backed SQLite database,
not timed), then times `decide` for `--decide` more articles read-only (each decision
against the same store), and prints CPU ms per decision and a digest of the decisions:
two versions of the code that decide alike print the same digest.

Prints figures; asserts nothing. Runs in a temporary directory.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles

from newsdesk.isodates import iso_to_ts
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.signature import compute


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stored", type=int, default=10_000)
    parser.add_argument("--decide", type=int, default=500)
    args = parser.parse_args()

    metas = list(articles(args.stored + args.decide))
    t0 = time.process_time()
    signed = [(f"a{i}", compute(m), iso_to_ts(m.published)) for i, m in enumerate(metas)]
    print(f"{len(signed):,} signatures in {time.process_time() - t0:.1f} s CPU")
    stored, decided = signed[: args.stored], signed[args.stored :]
    stored.sort(key=lambda s: (s[2] or 0.0, s[0]))

    with tempfile.TemporaryDirectory(prefix="newsdesk-dense-") as tmp:
        conn = sqlite3.connect(Path(tmp) / "stories.sqlite3")
        create_tables(conn)
        grouper = StoryGrouper(SqliteStoryTables(conn))
        t0 = time.process_time()
        for n, (aid, sig, ts) in enumerate(stored, 1):
            grouper.record(aid, grouper.decide(aid, sig, ts))
            if n % 500 == 0:
                conn.commit()
        conn.commit()
        print(
            f"{len(stored):,} stored in {time.process_time() - t0:.1f} s CPU "
            f"({(time.process_time() - t0) * 1000 / max(1, len(stored)):.2f} ms an article)"
        )
        choices = []
        t0 = time.process_time()
        for aid, sig, ts in decided:
            placement = grouper.decide(aid, sig, ts)
            grouper.recorded()
            choices.append((aid, placement.story, placement.ts, placement.merges))
        cpu = time.process_time() - t0
        conn.close()
    digest = hashlib.sha256(repr(choices).encode()).hexdigest()[:16]
    print(
        f"decide against {len(stored):,}: {cpu * 1000 / max(1, len(decided)):.2f} ms CPU an "
        f"article over {len(decided):,}; {sum(c[1] != 's-' + c[0] for c in choices):,} join a "
        f"story; decisions digest {digest}; load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
