"""What `parse_byline` costs on the calls a real import makes, for `valgrind --tool=callgrind`.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/byline_calls.py --replay 0 PATH...
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/byline_calls.py --replay 1 PATH...

Every file under PATH is loaded with `load_file` in this one process while every
`parse_byline` call (its line and following lines) is recorded; the recorded calls are then
made again `--replay` times. Instructions of the `--replay 1` run less the `--replay 0` run,
over the calls printed, are what a call costs (its caches warm: the credit test's, the
furniture's). Run it with an old checkout first on PYTHONPATH for the old figure. Prints
the calls, how many distinct lines they ask about and how many find a byline.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from newsdesk.extract import byline
from newsdesk.ingest.loader import load_file

#: Every module that imports `parse_byline`, so each one's name for it is recorded.
CALLERS = (
    "newsdesk.extract.page",
    "newsdesk.extract.body",
    "newsdesk.extract.textbrowser",
    "newsdesk.extract.tail",
    "newsdesk.extract.copy_header",
    "newsdesk.extract.headline",
    "newsdesk.extract.header",
    "newsdesk.ingest.html_byline",
    "newsdesk.ingest.html_page",
    "newsdesk.ingest.html_coauthors",
    "newsdesk.ingest.wire.item",
    "newsdesk.ingest.text",
    "newsdesk.ingest.feed",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--replay", type=int, default=1, help="times the calls are made again")
    args = parser.parse_args()
    for module in CALLERS:
        importlib.import_module(module)
    original = byline.parse_byline
    calls: list[tuple[str, list[str] | None]] = []

    def recording(line: str, following: list[str] | None = None) -> byline.Byline | None:
        calls.append((line, None if following is None else list(following)))
        return original(line, following)

    for name, module in list(sys.modules.items()):
        if name.startswith("newsdesk") and getattr(module, "parse_byline", None) is original:
            module.parse_byline = recording  # type: ignore[attr-defined]
    for path in args.paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            load_file(file)
    found = 0
    for _ in range(args.replay):
        found = sum(original(line, following) is not None for line, following in calls)
    distinct = len({line for line, _ in calls})
    print(f"{len(calls)} calls, {distinct} distinct lines, {found} bylines", file=sys.stderr)


if __name__ == "__main__":
    main()
