"""Import benchmark: throughput into the store, until fully indexed, index size, RSS.

    python benchmarks/bench_import.py --n 10000 [--format text|jsonl|rss|real] [--no-index]
    python benchmarks/bench_import.py --n 100000 --no-index --chunks 10   # the serial share as the store grows

text: one synthetic page copy per file; jsonl and rss: 500 items a file (the
10,000-item set is 20 RSS files, bodies as HTML paragraphs); real: the shared
real page copies (--n ignored). CPU includes the worker processes'.

Prints figures; asserts nothing (speed is measured here, not in tests).
Runs in a temporary data directory; your own store is never touched.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from profile_stages import REAL_DIRS
from synthetic import articles, page_text, write_inputs

from newsdesk.desk import Desk
from newsdesk.desk.results import ImportSummary
from newsdesk.extract import extract_page
from newsdesk.paths import Paths
from newsdesk.pipeline import stop_fork_server


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def own_cpu_seconds() -> float:
    """CPU of this process alone: the importing process, which stores and groups serially."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def cpu_seconds() -> float:
    """CPU of this process and of its finished children (the import workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def extraction_ms(samples: int = 60) -> tuple[float, float]:
    """Median and p95 ms to extract a 1,000-word page copy (structure, entities, quotes)."""
    pages = [page_text(a) for a in articles(samples, seed=11, words=1000)]
    times = []
    for text in pages:
        t0 = time.perf_counter()
        extract_page(text)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def import_in_chunks(desk: Desk, sources: list[Path], chunks: int) -> ImportSummary:
    """`desk.import_paths(sources)`, in `chunks` parts of the file list when more than one,
    each part's figures printed as it ends."""
    if chunks <= 1:
        return desk.import_paths(sources)
    files = sorted(p for source in sources for p in source.rglob("*") if p.is_file())
    size = -(-len(files) // chunks)
    whole = ImportSummary()
    for n in range(0, len(files), size):
        own0, t0 = own_cpu_seconds(), time.perf_counter()
        part = desk.import_paths(files[n : n + size])
        wall, own = time.perf_counter() - t0, own_cpu_seconds() - own0
        whole.files += part.files
        whole.imported_ids += part.imported_ids
        print(
            f"  chunk to {whole.imported:,}: {part.imported / wall:.0f} articles/s, importing process "
            f"{own * 1000 / max(1, part.imported):.2f} ms an item, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    return whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--format", choices=("text", "jsonl", "rss", "real"), default="jsonl")
    parser.add_argument("--no-index", action="store_true")
    parser.add_argument(
        "--chunks",
        type=int,
        default=1,
        help="import the files in this many chunks, printing each chunk's rate and the "
        "importing process's CPU an item (how the serial share grows with the store)",
    )
    args = parser.parse_args()

    med, p95 = extraction_ms()
    print(f"extraction of a 1,000-word page: median {med:.1f} ms, p95 {p95:.1f} ms")

    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        root = Path(tmp)
        inputs = root / "inputs"
        inputs.mkdir()
        if args.format != "real":
            write_inputs(inputs, args.n, args.format)

        paths = Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")
        desk = Desk(paths)
        sources = [inputs] if args.format != "real" else [d for d in REAL_DIRS if d.is_dir()]
        print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        c0, own0 = cpu_seconds(), own_cpu_seconds()
        t0 = time.perf_counter()
        summary = import_in_chunks(desk, sources, args.chunks)
        stored = time.perf_counter() - t0
        stop_fork_server()  # the workers' CPU reaches RUSAGE_CHILDREN through their server
        cpu, own = cpu_seconds() - c0, own_cpu_seconds() - own0
        print(
            f"imported {summary.imported} articles ({args.format}) into the store in {stored:.1f} s: "
            f"{summary.imported / stored:.0f} articles/s; CPU {cpu:.1f} s "
            f"({cpu / stored * 100:.0f}% of one core, {cpu * 1000 / max(1, summary.imported):.1f} ms an article)"
        )
        print(
            f"  of which the importing process: {own:.1f} s "
            f"({own * 1000 / max(1, summary.imported):.1f} ms an article; it stores and groups serially)"
        )

        t1 = time.perf_counter()
        ids = desk.inbox_ids()
        rows = desk.rows(ids[:50])
        print(
            f"inbox listed ({len(ids)} ids, first 50 rows) in {(time.perf_counter() - t1) * 1000:.0f} ms"
        )
        assert rows

        if not args.no_index:
            c2 = cpu_seconds()
            t2 = time.perf_counter()
            desk.sync_index()
            indexed = time.perf_counter() - t2
            print(f"indexing CPU {cpu_seconds() - c2:.1f} s in {indexed:.1f} s")
            print(
                f"indexed in {indexed:.1f} s ({summary.imported / indexed:.0f} docs/s); "
                f"import until fully indexed: {summary.imported / (stored + indexed):.0f} articles/s"
            )
            print(
                f"index size {dir_mb(paths.index_dir):.0f} MB, store size {dir_mb(paths.data_dir) - dir_mb(paths.index_dir):.0f} MB"
            )
        print(f"peak RSS {rss_mb():.0f} MB  (cpus: {os.cpu_count()})")
        print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        desk.close()


if __name__ == "__main__":
    main()
