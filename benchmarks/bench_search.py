"""Search benchmark: a synthetic corpus, indexing throughput, index size, query latency, RSS.

    python benchmarks/bench_search.py --n 10000            # build in a temp dir, then query
    python benchmarks/bench_search.py --n 100000 --keep bench-100k
    python benchmarks/bench_search.py --reuse bench-100k  # query an existing build only

Articles are ~500 words drawn from a Zipf-distributed invented vocabulary plus
a few hundred topic words, names, places and outlets, so that words, phrases,
fields, prefixes and dates all have realistic selectivity. Editor state (stars,
reads, archive, tags) is applied through `Store.apply` like the app does.

Queries run in a fresh child process so its peak RSS is the searcher's, not
the indexer's. The figures printed are what the README quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsdesk.errors import QuerySyntaxError
from newsdesk.model import Extracted, article_id
from newsdesk.search.engine import SearchEngine
from newsdesk.search.index import SearchIndex
from newsdesk.store import Store

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ter",
    "son",
    "ra",
    "vel",
    "din",
    "po",
    "sha",
    "gru",
    "ben",
    "tal",
    "mor",
    "ek",
    "ul",
    "ris",
    "na",
    "fo",
    "che",
    "dra",
    "lin",
    "vo",
    "pe",
    "stan",
    "gor",
    "bi",
    "tre",
    "hul",
    "zan",
    "qui",
    "mal",
    "der",
    "os",
    "ip",
    "wen",
    "fal",
    "cor",
]
SUFFIXES = ("", "", "", "s", "ing", "ed", "ation", "er", "ers", "ly", "ment", "ness")
TOPICS = [
    "korea",
    "election",
    "flood",
    "summit",
    "sanctions",
    "tariff",
    "inflation",
    "ceasefire",
    "vaccine",
    "drought",
    "earthquake",
    "protest",
    "budget",
    "parliament",
    "refugees",
    "pipeline",
    "semiconductor",
    "wildfire",
    "brothers",
    "investigation",
    "corruption",
    "typhoon",
    "harvest",
    "shipping",
    "airline",
    "strike",
    "court",
]
FIRST = [
    "Kim",
    "Lee",
    "Park",
    "Ana",
    "Maria",
    "John",
    "Wei",
    "Omar",
    "Fatima",
    "Ivan",
    "Sara",
    "Li",
    "Chen",
    "Raj",
    "Amir",
    "Yuki",
    "Elena",
]
LAST = [
    "Gunn",
    "Smith",
    "Díaz",
    "Nguyen",
    "Okafor",
    "Petrov",
    "Tanaka",
    "Haddad",
    "Kowalski",
    "Moon",
    "Silva",
    "Chen",
    "Ortiz",
]
PLACES = [
    "Seoul",
    "Hanoi",
    "Dhaka",
    "Lagos",
    "Lima",
    "Kyiv",
    "Manila",
    "Nairobi",
    "Jakarta",
    "Quito",
    "Oslo",
    "Cairo",
    "Tbilisi",
]
ORGS = [
    "United Nations",
    "World Bank",
    "Red Cross",
    "Central Bank",
    "Supreme Court",
    "Ministry of Finance",
    "Electoral Commission",
    "Coast Guard",
    "Health Ministry",
    "Port Authority",
]
SOURCES = [
    "Radio Free Asia",
    "Reuters",
    "Associated Press",
    "Yonhap",
    "The Daily Star",
    "Kyiv Independent",
    "Rappler",
    "Nation Africa",
    "El Comercio",
    "BBC News",
    "Al Jazeera",
    "The Guardian",
]
TAGS = ["urgent", "follow-up", "fact-check", "korea-desk", "weekend", "archive-later"]

QUERIES = (
    "korea",
    "flood election",
    "summit sanctions -tariff",
    '"north korea"',
    '"ceasefire talks"',
    "author:gunn",
    'person:"kim moon"',
    "place:seoul",
    "source:reuters korea",
    "title:election",
    'org:"world bank" inflation',
    "published:>-30d",
    "published:2026-05",
    "korea published:2026",
    "flood published:>-90d",
    "kor*",
    "elect*",
    "inves*",
    "vel*",
    "is:starred",
    "is:unread korea",
    "tag:urgent",
    "tag:urgent korea",
    "tag:urgent is:starred",
    "korea OR typhoon",
    "(flood OR drought) harvest -wildfire",
    "korea OR is:starred",
    "is:archived korea",
    "kalo tervel",
    "",
)

#: Prefixes of the synthetic vocabulary (syllable pairs), each a family of many words.
_STEMS = ("kal", "lom", "ter", "son", "rav", "vel", "din", "pos", "sha", "gru", "ben", "tal")
_STEMS += ("mor", "ris", "fol", "che")
#: Hostile shapes (issue 17 item 6), timed apart from QUERIES; RELIABILITY.md quotes them.
HOSTILE = {
    "16 negated prefixes and a word": "korea " + " ".join(f"-{s}*" for s in _STEMS),
    "16 negated prefixes": " ".join(f"-{s}*" for s in _STEMS),
    "16 OR'd prefixes": " OR ".join(f"{s}*" for s in _STEMS),
    "64 OR'd prefixes": " OR ".join(f"{s}{i}*" for i in range(4) for s in _STEMS),
    "64 negated prefixes and a word": "korea "
    + " ".join(f"-{s}{i}*" for i in range(4) for s in _STEMS),
    "990 ! before a word": "!" * 990 + "korea",
    "990 - before a word": "-" * 990 + "korea",
}


class Corpus:
    """A seeded generator of synthetic articles."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        words: list[str] = []
        seen: set[str] = set()
        while len(words) < 20_000:
            n = self.rng.choice((1, 2, 2, 3, 3, 4))
            w = "".join(self.rng.choice(SYLLABLES) for _ in range(n)) + self.rng.choice(SUFFIXES)
            if w not in seen:
                seen.add(w)
                words.append(w)
        self.vocab = words
        self.weights = [1.0 / (rank + 1) for rank in range(len(words))]
        self.cum = list(_accumulate(self.weights))
        self.people = [f"{f} {last}" for f in FIRST for last in LAST]

    def words(self, k: int) -> list[str]:
        return self.rng.choices(self.vocab, cum_weights=self.cum, k=k)

    def article(self, i: int) -> Extracted:
        rng = self.rng
        topics = rng.sample(TOPICS, 2)
        people = rng.sample(self.people, rng.randint(0, 4))
        places = rng.sample(PLACES, rng.randint(0, 2))
        body_words = self.words(500)
        for _ in range(rng.randint(1, 6)):
            body_words[rng.randrange(len(body_words))] = rng.choice(topics)
        if rng.random() < 0.1:
            pos = rng.randrange(len(body_words) - 1)
            body_words[pos : pos + 2] = ["north", "korea"]
        if rng.random() < 0.05:
            pos = rng.randrange(len(body_words) - 1)
            body_words[pos : pos + 2] = ["ceasefire", "talks"]
        for name in people + places:
            body_words.insert(rng.randrange(len(body_words)), name)
        sentences = [" ".join(body_words[j : j + 20]).capitalize() + "." for j in range(0, 500, 20)]
        body = "\n\n".join(" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4))
        published = NOW - timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        title = " ".join([topics[0].capitalize(), *self.words(rng.randint(4, 8)), topics[1]])
        return Extracted(
            title=f"{title} {i}",
            dek=" ".join(self.words(15)),
            authors=rng.sample(self.people, rng.choice((1, 1, 2))),
            source=rng.choice(SOURCES),
            dateline=rng.choice(PLACES).upper(),
            published=published.isoformat(),
            people=people,
            organizations=rng.sample(ORGS, rng.randint(0, 2)),
            places=places,
            body=body,
            language="en" if rng.random() < 0.9 else "ko",
            word_count=len(body_words),
            url=f"https://example.org/{i}",
        )


def _accumulate(values: list[float]) -> list[float]:
    total = 0.0
    out = []
    for v in values:
        total += v
        out.append(total)
    return out


def build_store(db: Path, n: int) -> Store:
    store = Store(db)
    corpus = Corpus()
    start = time.perf_counter()
    ids: list[str] = []
    batch = 1000
    for first in range(0, n, batch):
        with store.transaction() as tx:
            for i in range(first, min(n, first + batch)):
                meta = corpus.article(i)
                aid = article_id(meta)
                store.insert(tx, aid, meta, f"synthetic:{i}", None)
                ids.append(aid)
    rng = random.Random(11)
    store.apply("star", rng.sample(ids, n // 20), {"starred": True}, log=False)
    store.apply("read", rng.sample(ids, n * 2 // 5), {"read": True}, log=False)
    store.apply("archive", rng.sample(ids, n // 10), {"archived": True}, log=False)
    for tag in TAGS:
        store.apply("tag", rng.sample(ids, max(1, n // 20)), {}, add_tags=[tag], log=False)
    print(f"store: {n:,} articles inserted in {time.perf_counter() - start:.1f}s")
    return store


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def build(root: Path, n: int) -> None:
    store = build_store(root / "newsdesk.sqlite", n)
    index = SearchIndex(root / "index", store)
    index.open()
    start = time.perf_counter()
    last = [start]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 30:
            last[0] = now
            print(f"  indexed {done:,}/{total:,} ({done / (now - start):.0f} docs/s)", flush=True)

    done = index.catch_up(progress)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"index: {done:,} docs in {elapsed:.1f}s = {done / elapsed:.0f} docs/s; "
        f"size {du(root / 'index') / 1e6:.0f} MB; peak RSS while indexing {peak:.0f} MB"
    )
    index.stop()
    store.close()


def query(root: Path, rounds: int) -> dict[str, object]:
    """Runs in the child process: open, warm up, then time every query `rounds` times."""
    store = Store(root / "newsdesk.sqlite")
    start = time.perf_counter()
    index = SearchIndex(root / "index", store)
    message = index.open()
    engine = SearchEngine(store, index)
    engine.search("warmup")
    open_ms = (time.perf_counter() - start) * 1000
    timings: dict[str, list[float]] = {q: [] for q in QUERIES}
    cpu: list[float] = []
    limited: list[float] = []
    totals: dict[str, int] = {}
    partial: list[str] = []
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            c0 = time.process_time()
            result = engine.search(q, limit=None, now=NOW)
            timings[q].append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            totals[q] = result.total
            if result.partial:
                partial.append(q)
            t0 = time.perf_counter()
            engine.search(q, limit=50, now=NOW)
            limited.append((time.perf_counter() - t0) * 1000)
    all_ms = [t for ts in timings.values() for t in ts]
    t0 = time.perf_counter()
    for q in QUERIES[:10]:
        engine.count(q)
    count_ms = (time.perf_counter() - t0) * 1000 / 10
    sample = store.ordered_ids()[:20]
    t0 = time.perf_counter()
    for aid in sample:
        engine.related(aid)
    related_ms = (time.perf_counter() - t0) * 1000 / len(sample)
    hostile = run_hostile(engine, [*sample[:4]], rounds)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status = index.status()
    return {
        "docs": store.count(),
        "indexed": status.total_docs,
        "open_message": message,
        "open_ms": open_ms,
        "p50_ms": statistics.median(all_ms),
        "p95_ms": _p95(all_ms),
        "cpu_p50_ms": statistics.median(cpu),
        "cpu_p95_ms": _p95(cpu),
        "load": os.getloadavg()[0],
        "max_ms": max(all_ms),
        "limit50_p95_ms": _p95(limited),
        "count_ms": count_ms,
        "related_ms": related_ms,
        "rss_mb": rss,
        "partial": sorted(set(partial)),
        "per_query_p95": {q: round(_p95(ts), 1) for q, ts in timings.items()},
        "totals": totals,
        "hostile": hostile,
    }


def query_hostile(root: Path, rounds: int) -> dict[str, object]:
    """Runs in the child process (`--hostile`): only the hostile shapes."""
    store = Store(root / "newsdesk.sqlite")
    index = SearchIndex(root / "index", store)
    index.open()
    engine = SearchEngine(store, index)
    engine.search("warmup")
    hostile = run_hostile(engine, store.ordered_ids()[:4], rounds)
    return {"docs": store.count(), "load": os.getloadavg()[0], "hostile": hostile}


def run_hostile(engine: SearchEngine, ids: list[str], rounds: int) -> list[dict[str, object]]:
    """Each hostile shape `rounds` times: wall and CPU p95, the work units planning
    spent (see newsdesk.search.to_whoosh.MAX_WORK), and what the editor is told."""
    shapes = dict(HOSTILE)
    shapes["4 related:"] = " OR ".join(f"related:{aid[:12]}" for aid in ids[:4])
    shapes["64 related:"] = " OR ".join(f"related:{aid[:12]}" for aid in ids[:4] * 16)
    out: list[dict[str, object]] = []
    for name, text in shapes.items():
        wall: list[float] = []
        cpu: list[float] = []
        work = hits = 0
        outcome = ""
        for _ in range(rounds):
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                result = engine.search(text, limit=None, now=NOW)
            except QuerySyntaxError as exc:
                outcome = f"refused: {exc}"
            else:
                work, hits = max(work, result.work), result.total
                outcome = f"partial: {result.notice}" if result.partial else "complete"
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        out.append(
            {
                "shape": name,
                "p95_ms": _p95(wall),
                "cpu_p95_ms": _p95(cpu),
                "work": work,
                "hits": hits,
                "outcome": outcome,
            }
        )
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(figures: dict[str, object]) -> None:
    print(
        f"search over {figures['docs']:,} articles ({figures['indexed']:,} indexed): "
        f"open {figures['open_ms']:.0f} ms; "
        f"all hits p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms, "
        f"max {figures['max_ms']:.0f} ms; limit=50 p95 {figures['limit50_p95_ms']:.1f} ms; "
        f"count {figures['count_ms']:.1f} ms; related {figures['related_ms']:.1f} ms; "
        f"peak RSS {figures['rss_mb']:.0f} MB"
    )
    print(
        f"  CPU time per search (less sensitive to other load): p50 "
        f"{figures['cpu_p50_ms']:.1f} ms, p95 {figures['cpu_p95_ms']:.1f} ms; "
        f"1-min load average during the run {figures['load']:.1f} on {os.cpu_count()} cores"
    )
    if figures["partial"]:
        print(f"  cut short by the time limit: {figures['partial']}")
    report_hostile(figures)
    per_query = figures["per_query_p95"]
    totals = figures["totals"]
    assert isinstance(per_query, dict) and isinstance(totals, dict)
    for q, p95 in sorted(per_query.items(), key=lambda kv: -kv[1]):
        print(f"  {p95:8.1f} ms  {totals[q]:>7,} hits  {q!r}")


def report_hostile(figures: dict[str, object]) -> None:
    hostile = figures.get("hostile") or []
    assert isinstance(hostile, list)
    print(
        f"  hostile shapes over {figures['docs']:,} articles (issue 17 item 6; wall p95, "
        f"CPU p95, planning work units; load {figures['load']:.1f} on {os.cpu_count()} cores):"
    )
    for row in hostile:
        print(
            f"  {row['p95_ms']:8.1f} ms {row['cpu_p95_ms']:7.1f} ms CPU {row['work']:>8,} work "
            f"{row['hits']:>6,} hits  {row['shape']}: {row['outcome']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate")
    parser.add_argument("--rounds", type=int, default=5, help="times each query runs")
    parser.add_argument("--keep", type=Path, help="build here and keep it")
    parser.add_argument("--reuse", type=Path, help="query an existing build, skip building")
    parser.add_argument(
        "--hostile", action="store_true", help="time only the hostile shapes (issue 17)"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.hostile:
            print(json.dumps(query_hostile(args.child, args.rounds)))
        else:
            print(json.dumps(query(args.child, args.rounds)))
        return
    if args.reuse:
        root = args.reuse
    else:
        root = args.keep or Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
        if root.exists() and any(root.iterdir()):
            sys.exit(f"{root} is not empty; use --reuse to query it")
        root.mkdir(parents=True, exist_ok=True)
        build(root, args.n)
    try:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(root),
                "--rounds",
                str(args.rounds),
                *(["--hostile"] if args.hostile else []),
            ],
            check=True,
            capture_output=True,
            text=True,
            env=os.environ.copy(),
        )
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        if args.hostile:
            report_hostile(figures)
        else:
            report(figures)
    finally:
        if not args.keep and not args.reuse:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
