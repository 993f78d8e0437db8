"""The importing process's own work on a dense store: storing prepared items, nothing else.

    python benchmarks/bench_store_side.py prepare --dir D --stored 12000 --store 200
    python benchmarks/bench_store_side.py run --dir D            # stores the 200 into a copy
    python benchmarks/bench_store_side.py run --dir D --n 0      # setup alone (to subtract)
    python benchmarks/bench_store_side.py prepare --dir D --format jsonl
    python benchmarks/bench_store_side.py run --dir D --whole --n 3380   # all in one process

`prepare` extracts synthetic RSS items (`synthetic.write_inputs`; `--format jsonl`: JSON
Lines items, as `bench_import.py` imports by default) and fingerprints them (the import
workers' share, `pipeline.prepare`), pickles them, and builds a SQLite store holding the
first `--stored` (60 days of publication times: each one's 96-hour window holds hundreds).
`run` copies that store and stores the next `--n` items with the importer's own code
(`ArticleStorer.store_file`, one transaction, the way `import_batch` does), so
`valgrind --tool=callgrind` on `run` minus `run --n 0` counts the instructions the
importing process spends per stored article, steady across machine load. It prints a
digest of the story and article tables: two versions of the store code that store alike
print the same digest.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsdesk.desk.storing import ArticleStorer
from newsdesk.store.sqlite.store import SqliteStore

try:  # as `ArticleStorer.import_files` stores; absent from older code measured against
    from newsdesk.import_batch import bulk_collection
except ImportError:  # pragma: no cover - only an older checkout
    from contextlib import nullcontext as bulk_collection

#: Items per RSS file of the stored part (as `bench_import`) and of the measured part.
PER_FILE = 500
MEASURED_PER_FILE = 100


def _prepare(folder: Path, stored: int, measured: int, fmt: str) -> None:
    from synthetic import write_inputs

    from newsdesk.pipeline import load_in_order

    inputs = folder / "inputs"
    write_inputs(inputs / "stored", stored, fmt, PER_FILE)
    # The measured items are the next ones of the same queue (`articles` is deterministic).
    write_inputs(inputs / "all", stored + measured, fmt, MEASURED_PER_FILE)
    kept = sorted((inputs / "stored").iterdir())
    later = sorted((inputs / "all").iterdir())[stored // MEASURED_PER_FILE :]
    t0 = time.perf_counter()
    first = list(load_in_order(kept))
    rest = list(load_in_order(later))
    print(f"{len(kept) + len(later)} files prepared in {time.perf_counter() - t0:.0f} s")
    (folder / "measured.pickle").write_bytes(pickle.dumps(rest))
    (folder / "stored.pickle").write_bytes(pickle.dumps(first))  # for `run --whole`
    store = SqliteStore(folder / "dense.sqlite3")
    storer = ArticleStorer(store)
    t0 = time.process_time()
    for prepared in first:
        with store.transaction() as tx:
            storer.store_file(tx, prepared)
    print(f"{stored:,} stored in {time.process_time() - t0:.0f} s CPU")
    store.close()


def digest(path: Path) -> str:
    """A hash of every story-table row and of the articles' columns storing sets."""
    import sqlite3

    conn = sqlite3.connect(path)
    h = hashlib.sha256()
    for query in (
        "SELECT * FROM story ORDER BY story_id",
        "SELECT article_id, story_id, ts, version, shingles, names, name_counts, figures, "
        "title, lede, lede_figures, lede_weights, outlet FROM story_member ORDER BY article_id",
        "SELECT b.key, b.ts, m.article_id FROM story_band b "
        "JOIN story_member m USING (member_id) ORDER BY 1, 2, 3",
        "SELECT id, title, source, published, published_ts, url, guid, language, word_count, "
        "body, raw, meta, origin, story_id, starred, note FROM articles ORDER BY id",
        "SELECT article_id, tag FROM tags ORDER BY 1, 2",
        "SELECT article_id, origin FROM origins ORDER BY 1, 2",
    ):
        for row in conn.execute(query):
            h.update(repr(row).encode())
    conn.close()
    return h.hexdigest()[:16]


def _run(folder: Path, n: int, warm: int, check: bool, whole: bool = False) -> None:
    measured: list = pickle.loads((folder / "measured.pickle").read_bytes())  # type: ignore[type-arg]
    if whole:
        # The whole queue into an empty store, as one import stores it: every member a
        # candidate is read from was stored by this process (its caches see them all).
        first: list = pickle.loads((folder / "stored.pickle").read_bytes())  # type: ignore[type-arg]
        measured = first + measured
    _add_ids(measured)
    # The first `warm` items are stored before the measured ones, in both runs (`--n 0`
    # too): the modules grouping imports on first use are not counted per article.
    n += warm
    with tempfile.TemporaryDirectory(prefix="newsdesk-store-side-") as tmp:
        path = Path(tmp) / "store.sqlite3"
        if not whole:
            shutil.copy(folder / "dense.sqlite3", path)
        store = SqliteStore(path)
        storer = ArticleStorer(store)
        storer._spelled(measured[0].result.items[0])  # the outlets read: setup, not measured
        left = n
        t0 = time.process_time()
        # As `ArticleStorer.import_files` stores (older code has no `bulk_import`).
        bulk = getattr(store, "bulk_import", contextlib.nullcontext)
        with bulk_collection(), bulk(), store.transaction() as tx:
            for number, prepared in enumerate(_split(measured, warm)):
                if number == 1:
                    t0 = time.process_time()
                if left <= 0:
                    break
                prepared.result.items = prepared.result.items[:left]
                prepared.signatures = prepared.signatures[:left]
                prepared.keys = prepared.keys[:left]
                if hasattr(prepared, "ids"):
                    prepared.ids = prepared.ids[:left]
                left -= len(prepared.result.items)
                with store.savepoint(tx):
                    storer.store_file(tx, prepared)
        cpu = time.process_time() - t0
        store.close()
        stored = n - max(0, left) - warm
        print(f"{stored} stored: {cpu * 1000 / max(1, stored):.2f} ms CPU an article")
        if check:
            print(f"tables digest {digest(path)}")


def _add_ids(measured: list) -> None:  # type: ignore[type-arg]
    """Article ids as the workers compute them (`pipeline.Prepared.ids`) for items
    prepared by code before them; code older still takes none."""
    from newsdesk import pipeline
    from newsdesk.model import article_id

    if "ids" not in getattr(pipeline.Prepared, "__dataclass_fields__", {}):
        return
    for prepared in measured:
        if not getattr(prepared, "ids", None):
            prepared.ids = [article_id(meta) for meta in prepared.result.items]


def _decide(folder: Path, n: int, warm: int) -> None:
    """`StoryGrouper.decide` alone for the items (read-only, each against the same store),
    with their band keys computed ahead as the importer has them: a decision's own work."""
    from newsdesk.isodates import iso_to_ts
    from newsdesk.stories.grouping import StoryGrouper

    measured: list = pickle.loads((folder / "measured.pickle").read_bytes())  # type: ignore[type-arg]
    items = [
        (f"new{i}", sig, keys, iso_to_ts(meta.published))
        for i, (meta, sig, keys) in enumerate(
            (m, s, k)
            for p in measured
            for m, s, k in zip(p.result.items, p.signatures, p.keys, strict=True)
        )
    ][: warm + n]
    tmp = tempfile.TemporaryDirectory(prefix="newsdesk-store-side-")
    shutil.copy(folder / "dense.sqlite3", Path(tmp.name) / "store.sqlite3")
    store = SqliteStore(Path(tmp.name) / "store.sqlite3")
    choices = []
    with store.transaction() as tx:
        grouper = StoryGrouper(store.story_tables(tx))
        t0 = time.process_time()
        for number, (aid, sig, keys, ts) in enumerate(items):
            if number == warm:
                t0 = time.process_time()
            grouper.known_keys(sig, ts, keys)
            placement = grouper.decide(aid, sig, ts)
            grouper.recorded()
            choices.append((aid, placement.story, placement.ts, placement.merges))
        cpu = time.process_time() - t0
    store.close()
    tmp.cleanup()
    digest = hashlib.sha256(repr(choices).encode()).hexdigest()[:16]
    print(f"{n} decided: {cpu * 1000 / max(1, n):.2f} ms CPU a decision; decisions {digest}")


def _split(measured: list, warm: int) -> list:  # type: ignore[type-arg]
    """The prepared files with the first `warm` items a file of their own."""
    first = measured[0]
    head = copy.copy(first)
    head.result = copy.copy(first.result)
    head.result.items = first.result.items[:warm]
    head.signatures, head.keys = first.signatures[:warm], first.keys[:warm]
    first.result.items = first.result.items[warm:]
    first.signatures, first.keys = first.signatures[warm:], first.keys[warm:]
    if hasattr(first, "ids"):
        head.ids, first.ids = first.ids[:warm], first.ids[warm:]
    return [head, *measured]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=("prepare", "run"))
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--stored", type=int, default=12_000)
    parser.add_argument("--store", type=int, default=200)
    parser.add_argument("--n", type=int, default=180)
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--no-digest", action="store_true")
    parser.add_argument(
        "--format",
        choices=("rss", "jsonl"),
        default="rss",
        help="prepare: the items' format (a synthetic feed's items share their outlet, so "
        "few join a story; JSON Lines items, each of its own outlet, join as bench_import's do)",
    )
    parser.add_argument("--decide-only", action="store_true", help="time decisions alone")
    parser.add_argument(
        "--whole",
        action="store_true",
        help="run: store the prepared queue from its first item into an empty store "
        "(prepare's stored part, then the measured part; `--n` counts from the first)",
    )
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.action == "prepare":
        _prepare(args.dir, args.stored, args.store, args.format)
    elif args.decide_only:
        _decide(args.dir, args.n, args.warm)
    else:
        _run(args.dir, args.n, args.warm, not args.no_digest, args.whole)


if __name__ == "__main__":
    main()
