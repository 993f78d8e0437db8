"""The cost of `stories.signature.compute` alone, per item, over extracted real and synthetic items.

    python benchmarks/bench_signature.py --items /tmp/items.pkl           # CPU ms per item
    python benchmarks/bench_signature.py --items /tmp/items.pkl --profile # and where it goes
    valgrind --tool=callgrind python benchmarks/bench_signature.py --items /tmp/items.pkl --count N
    python benchmarks/bench_signature.py --items /tmp/items.pkl --corpus synthetic  # one kind only

The items are those of `check_signatures.collect` (the shared real feeds and
page copies, sample_data, synthetic RSS), read from the pickle `--items`
(written by the first run). The first `--warm` items are signed first and not
counted, so the word caches are as warm as in a long import. CPU time is
noisy on a shared machine; instruction counts are not: run it under callgrind
with `--count N` and with `--count 0`, and divide the difference by N.
`--corpus real` keeps the shared real feeds and page copies, `--corpus synthetic`
the synthetic RSS items (their costs differ: real bodies are longer and vary more);
the warm items are then taken from the kept ones.
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_signatures import collect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=Path, required=True, help="pickle: read, else written")
    parser.add_argument("--rss", type=int, default=2000, help="synthetic RSS items when collecting")
    parser.add_argument("--warm", type=int, default=200, help="items signed first, not counted")
    parser.add_argument("--count", type=int, default=None, help="items counted (default: all)")
    parser.add_argument("--rounds", type=int, default=1, help="times over the counted items")
    parser.add_argument(
        "--corpus", choices=("all", "real", "synthetic"), default="all", help="which items"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile, top functions")
    args = parser.parse_args()

    from newsdesk.stories.signature import compute

    if args.items.exists():
        named = pickle.loads(args.items.read_bytes())
    else:
        named = collect(args.rss)
        args.items.write_bytes(pickle.dumps(named))
    items = [item for name, item in named if args.corpus in ("all", _kind(name))]
    # Spread the counted items over every corpus (the list is in corpus order).
    warm = items[-args.warm :] if args.warm else []
    rest = items[: len(items) - len(warm)]
    count = len(rest) if args.count is None else min(args.count, len(rest))
    step = max(1, len(rest) // count) if count else 1
    counted = rest[::step][:count]
    for item in warm:
        compute(item)
    profiler = cProfile.Profile() if args.profile else None
    c0 = time.process_time()
    if profiler:
        profiler.enable()
    for _ in range(args.rounds):
        for item in counted:
            compute(item)
    if profiler:
        profiler.disable()
    cpu = time.process_time() - c0
    n = max(1, len(counted) * args.rounds)
    print(f"{len(counted)} items x {args.rounds}: {cpu * 1000 / n:.3f} ms CPU per item")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def _kind(name: str) -> str:
    """`--corpus`'s name for an item: "synthetic" for the synthetic RSS items, "real" for
    the shared real corpora, "sample" for the bundled sample_data (only in "all")."""
    if name.startswith("synthetic-rss/"):
        return "synthetic"
    return "sample" if "/sample_data/" in name else "real"


if __name__ == "__main__":
    main()
