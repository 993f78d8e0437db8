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
import itertools
import sys
import time
from pathlib import Path

from extract_cost import chosen_files

from newsdesk.ingest.loader import LoadResult, load_file


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--step", type=int, default=1, help="every n-th file")
    args = parser.parse_args()
    files = chosen_files(args.paths, args.step)
    load_file(files[0])  # first-use loads, not counted
    started = time.process_time()
    results: list[LoadResult] = list(itertools.starmap(load_file, ((p,) for p in files[1:])))
    spent = time.process_time() - started
    items = sum(len(result.items) for result in results)
    print(f"{len(files) - 1} files counted, {items} items, {spent:.2f} s CPU", file=sys.stderr)


if __name__ == "__main__":
    main()
