"""Load files in this one process, extraction included, for instruction counts.

    valgrind --tool=callgrind --callgrind-out-file=OUT python benchmarks/extract_cost.py PATH...
    valgrind --tool=callgrind --callgrind-out-file=OUT python benchmarks/extract_cost.py --step 8 DIR

Every module extraction uses is imported (and its patterns compiled) before the first
file, so a run with an empty folder measures the fixed start-up; a run with one file adds
the loads made on first use (word lists, the gazetteer). Per article, then:
(instructions with N files - with the first file alone) / (N - 1). Run it with an old
checkout first on PYTHONPATH for the old figure. `--step 8` takes every 8th file of the
sorted listing, from the n-th (82 of the 657 shared real copies). Prints files, items and CPU seconds.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from newsdesk.ingest.loader import load_file

WARM = (
    "newsdesk.extract.page",
    "newsdesk.extract.entities",
    "newsdesk.extract.quotes",
    "newsdesk.ingest.feed",
    "newsdesk.ingest.text",
    "newsdesk.ingest.jsonl",
    "newsdesk.ingest.html_page",
)


def chosen_files(paths: list[Path], step: int) -> list[Path]:
    """The files under `paths` in a stable order, every `step`-th of them, with the
    modules that read them imported first (their import is no part of the count)."""
    for module in WARM:
        importlib.import_module(module)
    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return files[step - 1 :: step]  # the n-th, the 2n-th ...


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--step", type=int, default=1, help="every n-th file")
    args = parser.parse_args()
    files = chosen_files(args.paths, args.step)
    started = time.process_time()
    items = sum(len(load_file(path).items) for path in files)
    spent = time.process_time() - started
    print(f"{len(files)} files {items} items {spent:.2f} s CPU", file=sys.stderr)


if __name__ == "__main__":
    main()
