"""Instructions an article costs a warm process, in one callgrind run (no start-up to subtract).

    valgrind --tool=callgrind --dump-instr=no --collect-atstart=no \\
        --toggle-collect=starmap_next --callgrind-out-file=OUT \\
        python benchmarks/page_cost.py [--step N] PATH...

The first file is loaded uncounted (the first-use loads: word lists, the gazetteer); the
others are loaded inside `itertools.starmap`, whose C function `starmap_next` nothing in
extraction calls, so callgrind counts only their loading: callgrind's total / the files
counted is the steady cost of an article, as `extract_cost.py`'s (N files - the first
alone) / (N - 1) is, in one run instead of two. `--step 8` takes every 8th file of the
sorted listing. Prints the files counted and their CPU seconds.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import sys
import time
from pathlib import Path

from newsdesk.ingest.loader import LoadResult, load_file

WARM = (
    "newsdesk.extract.page",
    "newsdesk.extract.entities",
    "newsdesk.extract.quotes",
    "newsdesk.ingest.feed",
    "newsdesk.ingest.text",
    "newsdesk.ingest.jsonl",
    "newsdesk.ingest.html_page",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--step", type=int, default=1, help="every n-th file")
    args = parser.parse_args()
    for module in WARM:
        importlib.import_module(module)
    files: list[Path] = []
    for path in args.paths:
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    files = files[args.step - 1 :: args.step]  # the n-th, the 2n-th ...
    load_file(files[0])  # first-use loads, not counted
    started = time.process_time()
    results: list[LoadResult] = list(itertools.starmap(load_file, ((p,) for p in files[1:])))
    spent = time.process_time() - started
    items = sum(len(result.items) for result in results)
    print(f"{len(files) - 1} files counted, {items} items, {spent:.2f} s CPU", file=sys.stderr)


if __name__ == "__main__":
    main()
