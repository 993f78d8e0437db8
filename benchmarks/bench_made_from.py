"""`StoreBackend.made_from` (which article a watched file made) at many origins, with
and without the index on the origin path (SQLite step 19, PostgreSQL step 20).

    python benchmarks/bench_made_from.py                      # SQLite, 100,000 origins
    python benchmarks/bench_made_from.py --pg postgresql://...  # also a shared desk
    python benchmarks/bench_made_from.py --origins 20000 --batch 50 --rounds 30

The origins are written straight into the table (made_from reads nothing else); each
round asks for one watched batch (`--batch` paths, half of them stored). It prints the
median and the slowest round with the index, then with it dropped (the store before
the step): figures to read, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsdesk.store import StoreBackend, open_store

SEEN = "2026-12-07T09:00:00+00:00"


def _rows(count: int) -> list[tuple[str, str, str]]:
    return [(f"a{n:07d}", f"/drop/desk/{n:07d}-report.txt", SEEN) for n in range(count)]


def _batch(count: int, size: int, round_no: int) -> list[str]:
    # Half stored paths spread over the table, half paths no article came from.
    step = max(1, count // size)
    stored = [
        f"/drop/desk/{(round_no + n * step) % count:07d}-report.txt" for n in range(size // 2)
    ]
    return stored + [f"/drop/new/{round_no}-{n}.txt" for n in range(size - len(stored))]


def _measure(store: StoreBackend, count: int, size: int, rounds: int) -> tuple[float, float]:
    times = []
    for round_no in range(rounds):
        paths = _batch(count, size, round_no)
        t0 = time.perf_counter()
        found = store.made_from(paths)
        times.append((time.perf_counter() - t0) * 1000)
        assert len(found) == size // 2, "every stored path is found"
    return statistics.median(times), max(times)


def _run(
    label: str,
    store: StoreBackend,
    fill: Callable[[list[tuple[str, str, str]]], None],
    drop: Callable[[], None],
    args: argparse.Namespace,
) -> None:
    fill(_rows(args.origins))
    median, worst = _measure(store, args.origins, args.batch, args.rounds)
    print(f"{label}: {args.origins} origins, batch of {args.batch}, {args.rounds} rounds")
    print(f"  with the origin index:    median {median:7.2f} ms   slowest {worst:7.2f} ms")
    drop()
    median, worst = _measure(store, args.origins, args.batch, args.rounds)
    print(f"  without it (before):      median {median:7.2f} ms   slowest {worst:7.2f} ms")


def _sqlite(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "db.sqlite3")
        conn: Any = store.conn  # type: ignore[attr-defined]

        def fill(rows: list[tuple[str, str, str]]) -> None:
            with conn:
                conn.executemany("INSERT INTO origins VALUES (?, ?, ?)", rows)
            conn.execute("ANALYZE")

        def drop() -> None:
            with conn:
                conn.execute("DROP INDEX origins_origin")

        try:
            _run("SQLite", store, fill, drop, args)
        finally:
            store.close()


@contextmanager
def _schema(url: str) -> Iterator[str]:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        joiner = "&" if "?" in url else "?"
        yield f"{url}{joiner}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


def _postgresql(args: argparse.Namespace) -> None:
    import psycopg

    with _schema(args.pg) as url, tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "unused.sqlite3", url=url)

        def fill(rows: list[tuple[str, str, str]]) -> None:
            with psycopg.connect(url, autocommit=True) as conn:
                with conn.cursor().copy(
                    "COPY origins (article_id, origin, seen_at) FROM STDIN"
                ) as copy:
                    for row in rows:
                        copy.write_row(row)
                conn.execute("ANALYZE origins")

        def drop() -> None:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("DROP INDEX origins_origin")

        try:
            _run("PostgreSQL", store, fill, drop, args)
        finally:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--origins", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=20, help="paths a watched batch asks for")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--pg", default="", help="a PostgreSQL server to measure a desk on")
    args = parser.parse_args()
    _sqlite(args)
    if args.pg:
        _postgresql(args)


if __name__ == "__main__":
    main()
