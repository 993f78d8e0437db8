"""Memory benchmark: peak RSS of importing one huge file (issue 17 item 9).

    python benchmarks/bench_memory.py [--mb 31] [--kinds rss,atom,jsonl,json]

Writes one file of each kind just under the import size limit (`--mb`, at
most 32 MB): an RSS feed and an Atom feed of tiny items (about 900,000 items
at 31 MB), JSON Lines of short records and the same records as one JSON
list. Each is imported by `newsdesk import` in a fresh data directory, in
its own process, and the peak resident memory of that process and of its
workers is printed with the wall time and what the import said. The bound
the issue sets is 400 MB for any single file under the size limit.

Prints figures; asserts nothing (speed and memory are measured here, not in
tests). Runs in temporary directories; your own store is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("rss", "atom", "jsonl", "json")


def _fill(path: Path, head: str, item: str, sep: str, tail: str, size: int) -> int:
    """Repeat `item` (with its number) between head and tail up to `size` bytes."""
    count = 0
    written = len(head) + len(tail)
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        while True:
            text = (sep if count else "") + item.replace("{n}", str(count))
            if written + len(text) > size:
                break
            out.write(text)
            written += len(text)
            count += 1
        out.write(tail)
    return count


def write_input(kind: str, folder: Path, size: int) -> tuple[Path, int]:
    if kind == "rss":
        path = folder / "huge.xml"
        count = _fill(
            path,
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour wire</title>'
            "<link>http://127.0.0.1/</link>",
            "<item><title>Tide note {n}</title><guid>t{n}</guid></item>",
            "",
            "</channel></rss>",
            size,
        )
    elif kind == "atom":
        path = folder / "huge.atom"
        count = _fill(
            path,
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quay</title>',
            "<entry><title>Pier log {n}</title><id>p{n}</id></entry>",
            "",
            "</feed>",
            size,
        )
    elif kind == "jsonl":
        path = folder / "huge.jsonl"
        record = json.dumps({"title": "Ferry board minute {n}", "body": "The board met."})
        count = _fill(path, "", record, "\n", "\n", size)
    else:
        path = folder / "huge.json"
        record = json.dumps({"title": "Ferry board minute {n}", "body": "The board met."})
        count = _fill(path, "[", record, ",\n", "]\n", size)
    return path, count


def run_one(path: Path) -> None:
    """In a child process: import `path`, then print peak RSS (self and workers) as JSON."""
    from newsdesk.desk import Desk

    started = time.perf_counter()
    with Desk() as desk:
        summary = desk.import_paths([path])
        imported = summary.imported
        warnings = [w for f in summary.files for w in f.warnings][:3]
        failed = [str(f.error) for f in summary.failed][:1]
    wall = time.perf_counter() - started
    from newsdesk.pipeline import stop_fork_server

    stop_fork_server()  # the workers' peak reaches RUSAGE_CHILDREN through their server
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "wall": wall,
                "rss_mb": own / 1024,
                "workers_mb": workers / 1024,
                "imported": imported,
                "warnings": warnings,
                "failed": failed,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=31.0)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(Path(args.one))
        return
    size = int(args.mb * 1024 * 1024)
    for kind in args.kinds.split(","):
        with tempfile.TemporaryDirectory(prefix="newsdesk-bench-memory-") as tmp:
            root = Path(tmp)
            path, count = write_input(kind, root, size)
            env = dict(os.environ)
            for name, sub in (("DATA", "data"), ("CONFIG", "config"), ("CACHE", "cache")):
                env[f"NEWSDESK_{name}_DIR"] = str(root / sub)
            env["NEWSDESK_STORE"] = ""
            proc = subprocess.run(
                [sys.executable, __file__, "--one", str(path)],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                print(f"{kind}: failed ({proc.stderr.strip().splitlines()[-1:]})")
                continue
            got = json.loads(proc.stdout.strip().splitlines()[-1])
            print(
                f"{kind:>5}: {path.stat().st_size / 1048576:.1f} MB, {count:,} records; "
                f"peak RSS {got['rss_mb']:.0f} MB (largest worker {got['workers_mb']:.0f} MB); "
                f"{got['wall']:.1f} s; imported {got['imported']:,}"
            )
            for line in got["warnings"] + got["failed"]:
                print(f"       {line}")


if __name__ == "__main__":
    main()
